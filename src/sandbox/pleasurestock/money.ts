/**
 * Money stays in integer minor units inside the sandbox; these helpers are the only places it
 * meets the wire's decimal strings and JSON numbers.
 */

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** 2999 → "29.99" */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 2999 → 29.99, the JSON number form, built from the decimal string rather than by dividing */
export function centsToNumber(cents: number): number {
  return Number(formatCents(cents));
}

/** "29.9" → 2990; null when the text is not a non-negative decimal with at most two places */
export function parseDecimalCents(text: string): number | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A JSON number such as 25.5 → 2550; null when it has more than two decimals or an exponent */
export function numberToCents(value: number): number | null {
  return Number.isFinite(value) ? parseDecimalCents(String(value)) : null;
}

/** cents × numerator / denominator, rounded half up, in integers */
export function scaleCents(cents: number, numerator: number, denominator: number): number {
  return Math.floor((cents * numerator + Math.floor(denominator / 2)) / denominator);
}

/** 17 → "1.7", 20 → "2": a tenths coefficient as the decimal text the wire shows */
export function formatTenths(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}
