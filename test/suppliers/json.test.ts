import { describe, expect, it } from 'vitest';
import { parseSupplierJson } from '../../src/suppliers/http/json.ts';

describe('parseSupplierJson', () => {
  it('keeps decimals as their exact source text and safe integers as numbers', () => {
    expect(parseSupplierJson('{"price":114.1,"total":0.30000000000000004,"qty":3,"big":90071992547409931}')).toEqual({
      price: '114.1',
      total: '0.30000000000000004',
      qty: 3,
      big: '90071992547409931',
    });
  });

  it('throws on malformed JSON', () => {
    expect(() => parseSupplierJson('{"orders": [')).toThrow(SyntaxError);
  });
});
