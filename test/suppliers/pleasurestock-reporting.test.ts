import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../src/domain/errors.ts';
import { moneyFromDecimal, toDecimalString } from '../../src/domain/money.ts';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, manualClock, startSandbox } from './pleasurestock-support.ts';

/** The seeded sales cover the 28 days before 2026-11-01. */
const SALES_DATE = '2026-10-31';

describe('pleasurestock adapter: smart reordering and currency conversion', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('maps the recommendations for a date as the supplier computed them', async () => {
    const adapter = adapterFor(sandbox);
    const recommendations = await adapter.reorderRecommendations(SALES_DATE);
    const raw = (await (
      await fetch(`${sandbox.baseUrl}/smart-reordering?date=${SALES_DATE}`, { headers: { 'x-api-key': sandbox.credentials.apiKey } })
    ).json()) as { recommendations: { product_internal_id: string; product_sku: string; recommended_quantity: number; current_stock: number; average_daily_sales: number }[] };
    expect(raw.recommendations.length).toBeGreaterThan(0);
    expect(recommendations.map((r) => [r.supplierProductId, r.sku, r.recommendedQuantity, r.currentStock])).toEqual(
      raw.recommendations.map((r) => [r.product_internal_id, r.product_sku, r.recommended_quantity, r.current_stock]),
    );
    // Averages stay the supplier's decimal text; compared as numbers only to ignore "2.50" vs "2.5".
    expect(recommendations.map((r) => Number(r.averageDailySales))).toEqual(raw.recommendations.map((r) => r.average_daily_sales));
    expect(recommendations.every((r) => typeof r.averageDailySales === 'string' && r.supplier === 'pleasurestock')).toBe(true);
  });

  it('keeps one date’s recommendations for its TTL, per date', async () => {
    const clock = manualClock();
    const adapter = adapterFor(sandbox, { reorderTtlMs: 5 * 60_000, now: clock.now });
    await adapter.reorderRecommendations(SALES_DATE);
    await adapter.reorderRecommendations(SALES_DATE);
    expect(sandbox.stats.count('getSmartReordering')).toBe(1);
    await adapter.reorderRecommendations('2026-10-15');
    await adapter.reorderRecommendations(null);
    expect(sandbox.stats.count('getSmartReordering')).toBe(3);
    clock.advance(5 * 60_000);
    await adapter.reorderRecommendations(SALES_DATE);
    expect(sandbox.stats.count('getSmartReordering')).toBe(4);
  });

  it('refuses a date that is not YYYY-MM-DD without calling the supplier', async () => {
    const adapter = adapterFor(sandbox);
    await expect(adapter.reorderRecommendations('2026-02-30')).rejects.toBeInstanceOf(BadUserInputError);
    await expect(adapter.reorderRecommendations('31/10/26')).rejects.toBeInstanceOf(BadUserInputError);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('converts EUR, USD and GBP into TRY exactly, sending the amount as decimal text', async () => {
    const adapter = adapterFor(sandbox);
    // The sandbox's rates: 34.875, 32.15 and 40.525 TRY; results rounded half up to kuruş.
    const cases = [
      ['29.99', 'EUR', '1045.90', '34.875'],
      ['0.10', 'USD', '3.22', '32.15'],
      ['1234567.89', 'GBP', '50030863.74', '40.525'],
    ] as const;
    for (const [amount, currency, converted, rate] of cases) {
      const result = await adapter.convertCurrency(moneyFromDecimal(amount, currency));
      expect([toDecimalString(result.original), result.original.currency]).toEqual([amount, currency]);
      expect([toDecimalString(result.converted), result.converted.currency]).toEqual([converted, 'TRY']);
      expect(result.rate).toBe(rate);
      expect(result.rateUpdatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(sandbox.stats.count('convertToTry')).toBe(3);
  });

  it('refuses currencies the supplier cannot convert, and negative amounts, without calling it', async () => {
    const adapter = adapterFor(sandbox);
    await expect(adapter.convertCurrency(moneyFromDecimal('10.00', 'TRY'))).rejects.toBeInstanceOf(BadUserInputError);
    await expect(adapter.convertCurrency(moneyFromDecimal('-1.00', 'EUR'))).rejects.toBeInstanceOf(BadUserInputError);
    expect(sandbox.stats.count()).toBe(0);
  });
});
