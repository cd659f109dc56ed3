import type { Money } from '../../domain/money.ts';

/** The spec: every amount on the wire is integer cents of USD, and the supplier converts nothing. */
export const WIRE_CURRENCY = 'USD';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Why an amount cannot go on the wire as cents, or null when it can. */
export function centsProblem(money: Money): string | null {
  if (money.currency !== WIRE_CURRENCY) return `WhiteLabel takes amounts in ${WIRE_CURRENCY} only, got ${money.currency}`;
  if (money.minor < 0n) return 'the amount must not be negative';
  if (money.minor > MAX) return 'the amount is too large';
  return null;
}

/**
 * Money as the wire's integer cents: USD minor units are cents, so this is the bigint as a JSON
 * number, exact because it is checked to be a safe integer. Throws RangeError on what
 * centsProblem names (callers check first, so that is a bug, not a refusal).
 */
export function toWireCents(money: Money): number {
  const problem = centsProblem(money);
  if (problem) throw new RangeError(problem);
  return Number(money.minor);
}
