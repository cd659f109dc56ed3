import { describe, expect, it } from 'vitest';
import { addMoney, moneyFromDecimal, moneyFromMajor, moneyFromMinor, toDecimalString } from '../../src/domain/money.ts';

describe('Money', () => {
  it('reads decimal strings exactly, with no float in between', () => {
    expect(moneyFromDecimal('29.99', 'USD').minor).toBe(2999n);
    expect(moneyFromDecimal('0.1', 'usd')).toEqual({ minor: 10n, currency: 'USD' });
    expect(moneyFromDecimal('5669.57', 'USD').minor).toBe(566957n);
    expect(moneyFromDecimal('-4.50', 'EUR').minor).toBe(-450n);
    expect(moneyFromDecimal('255', 'USD').minor).toBe(25500n);
    expect(moneyFromDecimal('90071992547409.93', 'USD').minor).toBe(9007199254740993n);
  });

  it('refuses text that is not a plain decimal, and decimals the currency cannot hold', () => {
    expect(() => moneyFromDecimal('1e3', 'USD')).toThrow(RangeError);
    expect(() => moneyFromDecimal('12,50', 'EUR')).toThrow(RangeError);
    expect(() => moneyFromDecimal('1.005', 'USD')).toThrow(/more decimals/);
    expect(() => moneyFromDecimal('10.5', 'JPY')).toThrow(/more decimals/);
    expect(moneyFromDecimal('1.500', 'USD').minor).toBe(150n);
  });

  it('writes amounts with the currency exponent', () => {
    expect(toDecimalString(moneyFromMinor(2999, 'USD'))).toBe('29.99');
    expect(toDecimalString(moneyFromMinor(5, 'USD'))).toBe('0.05');
    expect(toDecimalString(moneyFromMinor(-450, 'EUR'))).toBe('-4.50');
    expect(toDecimalString(moneyFromMinor(1500, 'JPY'))).toBe('1500');
    expect(toDecimalString(moneyFromMinor(1234, 'KWD'))).toBe('1.234');
  });

  it('adds only amounts of one currency', () => {
    expect(addMoney(moneyFromMinor(1, 'USD'), moneyFromMinor(2, 'USD')).minor).toBe(3n);
    expect(() => addMoney(moneyFromMinor(1, 'USD'), moneyFromMinor(2, 'EUR'))).toThrow(/EUR/);
  });

  it('refuses minor units that are not safe integers', () => {
    expect(() => moneyFromMinor(10.5, 'USD')).toThrow(RangeError);
  });
});

describe('moneyFromMajor', () => {
  it('reads whole JSON numbers and exact decimal text in major units', () => {
    expect(moneyFromMajor(255, 'USD').minor).toBe(25500n);
    expect(moneyFromMajor('114.1', 'USD').minor).toBe(11410n);
    expect(moneyFromMajor('5669.57', 'TRY')).toEqual({ minor: 566957n, currency: 'TRY' });
  });

  it('refuses a number that already passed through a float', () => {
    expect(() => moneyFromMajor(10.99, 'USD')).toThrow(/float/);
  });
});
