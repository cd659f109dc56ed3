import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import type { SalesEntry } from '../../src/suppliers/writes.ts';
import { adapterFor, startSandbox } from './pleasurestock-support.ts';

describe('pleasurestock adapter: sales reports', () => {
  let sandbox: PleasurestockSandbox;
  let ids: string[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    ids = sandbox.state.products.slice(-3).map((p) => p.internalId);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('submits every entry in one call and the supplier stores each', async () => {
    const entries: SalesEntry[] = [
      { supplierProductId: ids[0]!, date: '2031-01-05', quantity: 4, stockOnHand: 17 },
      { supplierProductId: ids[1]!, date: '2031-01-05', quantity: 0, stockOnHand: null },
    ];
    expect(await adapterFor(sandbox).submitSalesReport!(entries)).toEqual({ kind: 'done', value: { processed: 2 } });
    expect(sandbox.state.sales.get(`${ids[0]}|2031-01-05`)).toEqual({ internalId: ids[0], date: '2031-01-05', quantity: 4, stockOnHand: 17 });
    expect(sandbox.state.sales.get(`${ids[1]}|2031-01-05`)).toEqual({ internalId: ids[1], date: '2031-01-05', quantity: 0, stockOnHand: null });
    expect(sandbox.stats.count('submitSales')).toBe(1);
  });

  it('maps each refused record to a refusal on its row, and nothing is stored', async () => {
    const entries: SalesEntry[] = [
      { supplierProductId: ids[2]!, date: '2031-02-01', quantity: 1 },
      { supplierProductId: 'ps_zzzzzzzzz0', date: '2031-02-01', quantity: 1 },
      { supplierProductId: ids[2]!, date: '2031-02-30', quantity: 1 },
      { supplierProductId: ids[2]!, date: '2031-02-02', quantity: -2 },
      { supplierProductId: 'nope', date: '2031-02-03', quantity: 1 },
    ];
    const outcome = await adapterFor(sandbox).submitSalesReport!(entries);
    expect(outcome.kind === 'rejected' && outcome.refusals.map((r) => [r.code, r.line, r.field])).toEqual([
      ['UNKNOWN_PRODUCT', 1, ['entries', '1', 'supplierProductId']],
      ['VALIDATION', 2, ['entries', '2', 'date']],
      ['INVALID_QUANTITY', 3, ['entries', '3', 'quantity']],
      ['UNKNOWN_PRODUCT', 4, ['entries', '4', 'supplierProductId']],
    ]);
    expect(sandbox.state.sales.has(`${ids[2]}|2031-02-01`)).toBe(false);
  });

  it('refuses an empty report and one over 1000 entries without a call', async () => {
    const adapter = adapterFor(sandbox);
    const many = Array.from({ length: 1001 }, () => ({ supplierProductId: ids[0]!, date: '2031-03-01', quantity: 1 }));
    for (const entries of [[], many]) {
      expect(await adapter.submitSalesReport!(entries)).toMatchObject({ kind: 'rejected', refusals: [{ code: 'VALIDATION', field: ['entries'] }] });
    }
    expect(sandbox.stats.count()).toBe(0);
  });

  it('lets an outage propagate as SupplierUnavailableError', async () => {
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['submitSales'], times: 1 }]);
    const entries = [{ supplierProductId: ids[0]!, date: '2031-04-01', quantity: 1 }];
    await expect(adapterFor(sandbox).submitSalesReport!(entries)).rejects.toMatchObject({ extensions: { code: 'SUPPLIER_UNAVAILABLE' } });
  });
});
