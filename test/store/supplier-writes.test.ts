import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { backends, useStore } from './backends.ts';
import { transaction } from './fixtures.ts';

describe.each(backends)('writes under way on $name', (backend) => {
  const store = useStore(backend);

  it('counts a write that began before the clock given until it ends, per supplier', async () => {
    const { supplierWrites } = store();
    const mark = await supplierWrites.begin('whitelabel', 'cancelOrder', 60_000);
    const afterBegin = await supplierWrites.clock();
    expect(await supplierWrites.underWay('whitelabel', afterBegin)).toBe(1);
    expect(await supplierWrites.underWay('pleasurestock', afterBegin)).toBe(0);
    await supplierWrites.end(mark);
    expect(await supplierWrites.underWay('whitelabel', afterBegin)).toBe(0);
  });

  it('leaves out writes that began after the clock given, and marks that ran out', async () => {
    const { supplierWrites } = store();
    const before = await supplierWrites.clock();
    // A write that begins in the same tick as the clock counts as before it (PGlite's clock ticks in milliseconds).
    await sleep(5);
    await supplierWrites.begin('whitelabel', 'cancelOrder', 60_000);
    expect(await supplierWrites.underWay('whitelabel', before)).toBe(0);

    await supplierWrites.begin('cenports', 'createOrder', 1_000);
    const afterShortMark = await supplierWrites.clock();
    expect(await supplierWrites.underWay('cenports', afterShortMark)).toBe(1);
    await sleep(1_100);
    expect(await supplierWrites.underWay('cenports', afterShortMark)).toBe(0);
    // The next write to end takes the lapsed mark with it.
    await supplierWrites.end(await supplierWrites.begin('whitelabel', 'cancelOrder', 60_000));
    expect(await store().database.query(`SELECT supplier FROM supplier_writes ORDER BY id`)).toEqual([{ supplier: 'whitelabel' }]);
  });

  it('counts an order-creating transaction until it is final, and no other kind', async () => {
    const { supplierWrites, transactions } = store();
    await transactions.upsert({ ...transaction({ handle: 'tx-create' }), nextPollAt: null });
    await transactions.upsert({ ...transaction({ handle: 'tx-stock', kind: 'updateInventory' }), nextPollAt: null });
    const now = await supplierWrites.clock();
    expect(await supplierWrites.underWay('cenports', now)).toBe(1);
    await transactions.upsert({ ...transaction({ handle: 'tx-create', status: 'COMPLETED', supplierStatus: 'COMPLETED' }), nextPollAt: null });
    expect(await supplierWrites.underWay('cenports', now)).toBe(0);
  });
});
