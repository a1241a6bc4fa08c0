/** `M` + 7 → `M007`. Past 999 the number simply grows (`M1000`): it must stay unique, not pretty. */
export function formatTicketNumber(serviceCode: string, sequence: number): string {
  return `${serviceCode}${String(sequence).padStart(3, '0')}`;
}
