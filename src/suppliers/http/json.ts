import { isInteger, isSafeNumber, parse } from 'lossless-json';

/**
 * Parses a supplier's JSON without letting a float touch any decimal: safe integers become
 * numbers, every other number (29.99, 1e3, 12345678901234567890) arrives as its exact source
 * text, a string, for the money helpers to read. Throws SyntaxError on malformed JSON.
 */
export function parseSupplierJson(text: string): unknown {
  return parse(text, null, (source) => (isInteger(source) && isSafeNumber(source) ? Number(source) : source));
}
