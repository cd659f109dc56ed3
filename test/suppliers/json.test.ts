import fc from 'fast-check';
import { isInteger, parse as losslessParse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { parseSupplierJson } from '../../src/suppliers/http/json.ts';

/** The reference: lossless-json, a full JSON parser that hands over each number's source text. */
const reference = (text: string): unknown =>
  losslessParse(text, null, (source) => (isInteger(source) && Number.isSafeInteger(Number(source)) ? Number(source) : source));

const outcome = (parse: (text: string) => unknown, text: string): { value: unknown } | { error: string } => {
  try {
    return { value: parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/**
 * lossless-json refuses a repeated key; the engine's JSON.parse keeps the last one, as every
 * JSON.parse-based client of these suppliers would. That is the one difference allowed.
 */
const repeatedKey = (result: { error: string } | { value: unknown }) => 'error' in result && result.error.startsWith('Duplicate key');

/** JSON text with decimals, exponents and big integers written as a supplier would write them. */
const supplierJson = fc
  .jsonValue()
  .chain((value) =>
    fc
      .array(fc.oneof(fc.constantFrom('29.99', '0.30000000000000004', '-1e3', '2.5E-7', '90071992547409931', '9007199254740991', '-0', '0'), fc.integer().map(String)), { minLength: 1, maxLength: 5 })
      .map((numbers) => `{"value":${JSON.stringify(value)},"amounts":[${numbers.join(', ')}],"note":"12.50 \\" 3.14"}`),
  );

describe('parseSupplierJson', () => {
  it('keeps decimals as their exact source text and safe integers as numbers', () => {
    expect(parseSupplierJson('{"price":114.1,"total":0.30000000000000004,"qty":3,"big":90071992547409931,"exp":1E3}')).toEqual({
      price: '114.1',
      total: '0.30000000000000004',
      qty: 3,
      big: '90071992547409931',
      exp: '1E3',
    });
  });

  it('leaves digits inside strings, escaped quotes included, as they were', () => {
    expect(parseSupplierJson('{"sku":"A-1.5","note":"say \\"2.50\\" 7","n":[1, -2.0]}')).toEqual({ sku: 'A-1.5', note: 'say "2.50" 7', n: [1, '-2.0'] });
  });

  it('throws on malformed JSON', () => {
    expect(() => parseSupplierJson('{"orders": [')).toThrow(SyntaxError);
  });

  it('does not turn a number used as an object key, or a number with a leading zero, into valid JSON', () => {
    for (const text of ['{1.5: 2}', '{ 2.5 :"x"}', '[01.5]', '[1.5.5]', '["a" 1.5]', '[.5]', '[1.]']) {
      expect(() => parseSupplierJson(text), text).toThrow(SyntaxError);
    }
  });

  it('gives what lossless-json gives for any JSON value a supplier could send', () => {
    fc.assert(
      fc.property(supplierJson, (text) => {
        expect(parseSupplierJson(text)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts lossless-json accepts, however mangled', () => {
    const mangled = fc.tuple(supplierJson, fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('', ':', '"', '.', '0', '1.5', ',', '}', '\\', 'e', '-')).map(
      ([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      },
    );
    fc.assert(
      fc.property(fc.oneof(mangled, fc.string({ maxLength: 30 })), (text) => {
        const ours = outcome(parseSupplierJson, text);
        const theirs = outcome(reference, text);
        if (repeatedKey(theirs)) return;
        expect('error' in ours, text).toBe('error' in theirs);
        if ('value' in ours && 'value' in theirs) expect(ours.value).toEqual(theirs.value);
      }),
      { numRuns: 2000 },
    );
  });
});
