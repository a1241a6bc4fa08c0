/** `K4P X9C`: a booking code in two groups of three, easier to read out and to copy than six in a row. */
export function spacedCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
