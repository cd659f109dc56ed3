import { LosslessNumber, stringify } from 'lossless-json';
import { toDecimalString, type Money } from '../../domain/money.ts';

/**
 * Cenports takes money as JSON numbers in dollars. A JSON number written from a float could
 * carry binary noise, so amounts travel as their exact decimal text ("19.90") wrapped in a
 * LosslessNumber, which `losslessJsonBody` writes unquoted: no float ever holds an amount.
 */
export type JsonDecimal = LosslessNumber;

/** The exact JSON number for an amount in integer minor units, e.g. 1990n cents → 19.90. */
export function jsonDecimal(money: Money): JsonDecimal {
  return new LosslessNumber(toDecimalString(money));
}

/** openapi-fetch body serializer: JSON.stringify, except that JsonDecimal values go out unquoted. */
export function losslessJsonBody(body: unknown): string {
  return stringify(body) ?? '';
}
