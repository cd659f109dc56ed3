import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderChange, SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createWhitelabelAdapter } from '../../src/suppliers/whitelabel/index.ts';
import { WHITELABEL_ORDER_STATUS } from '../../src/suppliers/whitelabel/status-map.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

type LiveAdapter = Required<Pick<SupplierAdapter, 'orderChangesSince' | 'pendingTrackingShipments'>>;

describe('whitelabel adapter: delta sync and pending tracking for live updates', () => {
  const wl = useWhitelabelSandbox();
  let adapter: LiveAdapter;
  /** The spec's order of orders/updates: oldest change first, then id. */
  const changedAfter = (since: number) =>
    wl.sandbox.state
      .orders()
      .filter((o) => o.updatedAt > since)
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));

  beforeAll(() => {
    adapter = createWhitelabelAdapter({ baseUrl: wl.sandbox.baseUrl, store: wl.sandbox.credentials.store, timeoutMs: 2_000 }) as LiveAdapter;
  });

  it('reads the orders changed after a moment, oldest first, with their mapped status and change time', async () => {
    const times = wl.sandbox.state.orders().map((o) => o.updatedAt).sort((a, b) => a - b);
    const since = times[times.length - 10]! - 1;
    const page = await adapter.orderChangesSince(new Date(since).toISOString());
    const expected = changedAfter(since);
    expect(page.changes).toEqual(
      expected.map((o) => ({
        supplierOrderId: o.id,
        status: WHITELABEL_ORDER_STATUS[o.status],
        supplierStatus: o.status,
        changedAt: new Date(o.updatedAt).toISOString(),
      })),
    );
    expect(page.hasMore).toBe(false);
    expect(page.nextSince).toBe(new Date(expected.at(-1)!.updatedAt).toISOString());
    expect(wl.sandbox.stats.count('getOrderUpdates')).toBe(1);
  });

  it('visits every changed order once when resuming from nextSince page after page', async () => {
    const since = new Date(0).toISOString();
    const seen: OrderChange[] = [];
    let cursor = since;
    for (let more = true; more; ) {
      const page = await adapter.orderChangesSince(cursor);
      seen.push(...page.changes);
      cursor = page.nextSince;
      more = page.hasMore;
    }
    expect(seen.map((c) => c.supplierOrderId)).toEqual(changedAfter(0).map((o) => o.id));
    expect(await adapter.orderChangesSince(cursor)).toEqual({ changes: [], hasMore: false, nextSince: cursor });
  });

  it('lists the shipments with unacknowledged tracking, money exact, without acknowledging them', async () => {
    const pending = wl.sandbox.state.orders().filter((o) => o.trackingPending);
    const expected = pending.flatMap((o) => o.shipments.filter((s) => s.trackingNumber !== null).map((s) => s.id));
    expect(expected.length).toBeGreaterThan(0);
    const shipments = await adapter.pendingTrackingShipments();
    expect(shipments.map((s) => s.supplierShipmentId).sort()).toEqual(expected.sort());
    for (const shipment of shipments) {
      expect(shipment).toMatchObject({ supplier: 'whitelabel', trackingNumber: expect.any(String) });
      expect(typeof shipment.cost?.minor === 'bigint' || shipment.cost === null).toBe(true);
    }
    expect((await adapter.pendingTrackingShipments()).length).toBe(shipments.length);
    expect(wl.sandbox.stats.count('acknowledgeTracking')).toBe(0);
  });
});
