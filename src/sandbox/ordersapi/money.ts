/**
 * Renders integer cents as the supplier's JSON number with at most two decimals (1099 → 10.99).
 * The number is parsed from the decimal text built from integer parts, so no float arithmetic
 * touches the amount and the result is the double nearest to the exact decimal.
 */
export function centsToAmount(cents: number): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`not a cents amount: ${cents}`);
  const rest = cents % 100;
  const whole = (cents - rest) / 100;
  return Number(`${whole}.${String(rest).padStart(2, '0')}`);
}
