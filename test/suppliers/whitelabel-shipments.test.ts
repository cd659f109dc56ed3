import { describe, expect, it } from 'vitest';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createWhitelabelAdapter, type WhitelabelAdapterOptions } from '../../src/suppliers/whitelabel/index.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

type ShipmentAdapter = Required<Pick<SupplierAdapter, 'listShipments' | 'cancelOrder'>>;

describe('whitelabel adapter: the shipment list, read from its orders', () => {
  const wl = useWhitelabelSandbox();
  const adapterWith = (options: Partial<WhitelabelAdapterOptions> = {}) =>
    createWhitelabelAdapter({ baseUrl: wl.sandbox.baseUrl, store: wl.sandbox.credentials.store, timeoutMs: 2_000, ...options }) as ShipmentAdapter;
  const pagesOfOrders = () => Math.ceil(wl.sandbox.state.orders().length / 100);
  /** Latest ship date first, unshipped last, as the gateway merges shipment lists. */
  const held = () =>
    wl.sandbox.state
      .orders()
      .flatMap((o) => o.shipments)
      .sort((a, b) => (b.shippedAt ?? 0) - (a.shippedAt ?? 0));

  it('pages through every shipment of every order exactly once, latest ship date first, one call per 100 orders', async () => {
    const adapter = adapterWith();
    const seen: { id: string; shippedAt: string | null; orderId: string | null }[] = [];
    for (let offset = 0; ; offset += 40) {
      const page = await adapter.listShipments({ offset, limit: 40 }, {});
      seen.push(...page.items.map((s) => ({ id: s.supplierShipmentId, shippedAt: s.shippedAt ?? null, orderId: s.supplierOrderId ?? null })));
      if (!page.hasMore) break;
    }
    const expected = held();
    expect(expected.length).toBeGreaterThan(40);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(seen.map((s) => s.shippedAt)).toEqual(expected.map((s) => (s.shippedAt === null ? null : new Date(s.shippedAt).toISOString())));
    expect(seen.every((s) => wl.sandbox.state.findOrder(s.orderId!)?.shipments.some((h) => h.id === s.id))).toBe(true);
    expect(wl.sandbox.stats.count('listOrders')).toBe(pagesOfOrders());
    expect(wl.sandbox.stats.count()).toBe(pagesOfOrders());
  });

  it('reads the orders again once the list is older than its TTL', async () => {
    const adapter = adapterWith({ shipmentsTtlMs: 1_000, ordersTtlMs: 1_000 });
    await adapter.listShipments({ offset: 0, limit: 5 }, {});
    await adapter.listShipments({ offset: 5, limit: 5 }, {});
    expect(wl.sandbox.stats.count('listOrders')).toBe(pagesOfOrders());
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await adapter.listShipments({ offset: 0, limit: 5 }, {});
    expect(wl.sandbox.stats.count('listOrders')).toBe(2 * pagesOfOrders());
  });

  it('drops the list when a write through the adapter changed an order', async () => {
    const adapter = adapterWith();
    await adapter.listShipments({ offset: 0, limit: 5 }, {});
    const cancellable = wl.sandbox.state.orders().find((o) => o.status === 'FUNDED')!;
    const outcome = await adapter.cancelOrder(cancellable.id, 'customer asked');
    expect(outcome.kind).toBe('done');
    wl.sandbox.stats.reset();
    await adapter.listShipments({ offset: 0, limit: 5 }, {});
    expect(wl.sandbox.stats.count('listOrders')).toBe(pagesOfOrders());
  });

  it('reads only the orders a filter names, when it names a few', async () => {
    const shipped = wl.sandbox.state.orders().filter((o) => o.shipments.length > 0).slice(0, 2);
    const page = await adapterWith().listShipments({ offset: 0, limit: 10 }, { supplierOrderIds: shipped.map((o) => o.id) });
    expect(page.items.map((s) => s.supplierShipmentId).sort()).toEqual(shipped.flatMap((o) => o.shipments.map((s) => s.id)).sort());
    expect(page.hasMore).toBe(false);
    expect(wl.sandbox.stats.count('getOrder')).toBe(2);
    expect(wl.sandbox.stats.count('listOrders')).toBe(0);
  });

  it('matches no shipment for an acknowledgement filter, since WhiteLabel keeps none per shipment', async () => {
    expect(await adapterWith().listShipments({ offset: 0, limit: 10 }, { acknowledged: false })).toEqual({ items: [], hasMore: false });
    expect(wl.sandbox.stats.count()).toBe(0);
  });
});
