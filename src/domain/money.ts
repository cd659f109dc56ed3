/**
 * Money as an integer count of the currency's minor unit (bigint), so that no amount ever passes
 * through a float. Suppliers send cents, decimal strings and JSON numbers; each is converted here
 * and only here.
 */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

/** ISO 4217 exponents that differ from 2; every other currency the suppliers use has cents. */
const EXPONENTS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export function moneyFromMinor(minor: bigint | number, currency: string): Money {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`minor units must be a safe integer, got ${minor}`);
  }
  return { minor: BigInt(minor), currency: currency.toUpperCase() };
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string such as "29.99", "-4.5" or "255" exactly. Throws a RangeError when the
 * text is not a plain decimal or has more decimals than the currency can hold (no silent rounding).
 */
export function moneyFromDecimal(text: string, currency: string): Money {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new RangeError(`${text} has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = BigInt(`${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`);
  return { minor: sign ? -minor : minor, currency: currency.toUpperCase() };
}

/** "29.99" for 2999 cents; always with the currency's full number of decimals. */
export function toDecimalString(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.minor < 0n;
  const digits = (negative ? -money.minor : money.minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return { minor: a.minor + b.minor, currency: a.currency };
}

/**
 * Money from an amount in major units as a supplier's JSON carries it: a decimal string, or a
 * number that parseSupplierJson left as a safe integer or as its exact source text.
 */
export function moneyFromMajor(value: number | string, currency: string): Money {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${value} reached a float; parse JSON losslessly`);
    return moneyFromMinor(BigInt(value) * 10n ** BigInt(currencyExponent(currency)), currency);
  }
  return moneyFromDecimal(value, currency);
}
