import { describe, expect, it } from 'vitest';
import { fromJsonb, toJsonb } from '../../src/store/json.ts';
import { BEYOND_FLOAT, order, transaction } from './fixtures.ts';

describe('jsonb snapshots', () => {
  it('writes money minor units as decimal strings, never as JSON numbers', () => {
    const text = toJsonb({ total: { minor: BEYOND_FLOAT, currency: 'USD' } });
    expect(text).toBe('{"total":{"minor":{"$bigint":"9007199254740993"},"currency":"USD"}}');
  });

  it('round-trips an OrderModel with bigint money exactly', () => {
    const snapshot = order();
    expect(fromJsonb(JSON.parse(toJsonb(snapshot)))).toEqual(snapshot);
    expect(fromJsonb<typeof snapshot>(JSON.parse(toJsonb(snapshot))).total?.minor).toBe(27021597764222979n);
  });

  it('round-trips a TransactionModel', () => {
    const snapshot = transaction({ status: 'FAILED', errors: [{ index: 0, message: 'unknown sku' }, { index: null, message: 'x' }] });
    expect(fromJsonb(JSON.parse(toJsonb(snapshot)))).toEqual(snapshot);
  });

  it('keeps negative and zero bigints, nulls and nested arrays', () => {
    const value = { a: [0n, -12n, [null, 'x']], b: null, c: true };
    expect(fromJsonb(JSON.parse(toJsonb(value)))).toEqual(value);
  });

  it('refuses a bigint tag that does not hold an integer', () => {
    expect(() => fromJsonb({ $bigint: '1.5' })).toThrow(RangeError);
  });
});
