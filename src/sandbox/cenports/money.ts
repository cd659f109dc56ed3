/**
 * Cenports sends money as JSON numbers in dollars (114.1 = $114.10). The sandbox keeps whole
 * cents and crosses the boundary through the number's decimal text, never by float arithmetic.
 */

/** Whole cents of a JSON number with at most two decimals; undefined for anything else. */
export function centsFromJsonNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // String() gives the shortest text that reads back as this double: "20", "15.5", "114.1".
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** The JSON number Cenports would send for these cents, e.g. 11410 → 114.1. */
export function jsonNumberFromCents(cents: number): number {
  const remainder = cents % 100;
  const whole = (cents - remainder) / 100;
  return Number(`${whole}.${String(remainder).padStart(2, '0')}`);
}
