/**
 * What the waiting room hears for a call, in Danish: "Nummer M 0 0 1, skranke 2". The number is
 * spelled out character by character, because "M001" read as a word comes out as nonsense and
 * "one" instead of "zero zero one" sends a citizen to the wrong number.
 */
export function spokenCall(number: string, counterName: string | null): string {
  const spelled = [...number].join(' ');
  return counterName ? `Nummer ${spelled}, ${counterName.toLocaleLowerCase('da-DK')}` : `Nummer ${spelled}`;
}
