import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { recordPolledChanges } from '../../src/live/pollers/record-changes.ts';
import { appendMutationEvent } from '../../src/orders/journal-writes.ts';
import { backends, useStore } from './backends.ts';
import { order } from './fixtures.ts';

const cancelled = { supplierOrderId: 'WL-1', status: 'CANCELLED' as const, supplierStatus: 'CANCELLED', changedAt: '2025-03-01T10:00:00Z', seenSupplierStatus: 'FUNDED' };
const dedupe = () => 'poll:whitelabel:WL-1:CANCELLED';

describe.each(backends)('recording polled changes on $name', (backend) => {
  const store = useStore(backend);
  const sourcesOf = async () => (await store().events.forOrders([{ supplier: 'whitelabel', supplierOrderId: 'WL-1' }]))[0]!.map((e) => e.source);

  it('records a change no write of the gateway explains as POLLING at once', async () => {
    expect(await recordPolledChanges(store(), 'whitelabel', [cancelled], dedupe)).toBe(1);
    expect(await sourcesOf()).toEqual(['POLLING']);
  });

  it('waits for a write under way at the supplier and leaves its change to the MUTATION event it journals', async () => {
    const mark = await store().supplierWrites.begin('whitelabel', 'cancelOrder', 60_000);
    let polled = false;
    const round = recordPolledChanges(store(), 'whitelabel', [cancelled], dedupe).finally(() => (polled = true));
    await sleep(300);
    expect(polled).toBe(false);
    const model = order({ supplier: 'whitelabel', supplierOrderId: 'WL-1', status: 'CANCELLED', supplierStatus: 'CANCELLED' });
    await appendMutationEvent(store(), model, { at: '2025-03-01T10:00:01Z', comment: 'cancelOrder', previousSupplierStatus: 'FUNDED', dedupeKey: 'cancel:WL-1' });
    await store().supplierWrites.end(mark);
    expect(await round).toBe(0);
    expect(await sourcesOf()).toEqual(['MUTATION']);
  });

  it('records the change after maxWaitMs when a write is never ended (its process died)', async () => {
    await store().supplierWrites.begin('whitelabel', 'cancelOrder', 60_000);
    const started = Date.now();
    expect(await recordPolledChanges(store(), 'whitelabel', [cancelled], dedupe, { maxWaitMs: 300 })).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await sourcesOf()).toEqual(['POLLING']);
  });

  it('does not wait for a write to another supplier', async () => {
    await store().supplierWrites.begin('cenports', 'createOrder', 60_000);
    expect(await recordPolledChanges(store(), 'whitelabel', [cancelled], dedupe, { maxWaitMs: 10_000 })).toBe(1);
    expect(await sourcesOf()).toEqual(['POLLING']);
  });
});
