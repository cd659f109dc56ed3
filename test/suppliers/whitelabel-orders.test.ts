import { describe, expect, it } from 'vitest';
import { SupplierContractError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createWhitelabelAdapter, type WhitelabelAdapterOptions } from '../../src/suppliers/whitelabel/index.ts';
import { WHITELABEL_ORDER_STATUS } from '../../src/suppliers/whitelabel/status-map.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

type OrderAdapter = Required<Pick<SupplierAdapter, 'listOrders' | 'getOrders' | 'getShipmentsByOrder'>>;
const cents = (value: number) => (value / 100).toFixed(2);

describe('whitelabel adapter: orders and their shipments', () => {
  const wl = useWhitelabelSandbox();
  const adapterWith = (options: Partial<WhitelabelAdapterOptions> = {}) =>
    createWhitelabelAdapter({ baseUrl: wl.sandbox.baseUrl, store: wl.sandbox.credentials.store, timeoutMs: 2_000, ...options }) as OrderAdapter;
  // The spec's order: newest first by created_at, then id.
  const newestFirst = () =>
    wl.sandbox.state.orders().sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));

  it('lists orders newest first with exact totals, lines named by SKU and embedded shipments', async () => {
    const page = await adapterWith().listOrders({ offset: 0, limit: 20 }, {});
    const expected = newestFirst().slice(0, 20);
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(expected.map((o) => o.id));
    expect(page.hasMore).toBe(true);
    for (const [index, order] of page.items.entries()) {
      const stored = expected[index]!;
      expect(order).toMatchObject({ externalReference: stored.wooOrderId, supplierStatus: stored.status, createdAt: new Date(stored.createdAt).toISOString() });
      const charged = stored.subtotalCents + (stored.actualShippingCents ?? stored.shippingEstimateCents);
      expect(toDecimalString(order.total!)).toBe(cents(charged));
      expect(order.lines.map((l) => [l.sku, l.supplierProductId, l.quantity, toDecimalString(l.unitPrice!)])).toEqual(
        stored.items.map((i) => [i.sku, i.sku, i.qty, cents(i.wholesalePriceCents)]),
      );
      expect(order.shipments!.map((s) => [s.supplierShipmentId, s.status, s.trackingNumber])).toEqual(
        stored.shipments.map((s) => [s.id, s.status, s.trackingNumber]),
      );
    }
    expect(wl.sandbox.stats.count('listOrders')).toBe(1);
  });

  it('maps every seeded order status through the total map', async () => {
    const page = await adapterWith().listOrders({ offset: 0, limit: 300 }, {});
    expect(new Set(page.items.map((o) => o.supplierStatus)).size).toBe(12);
    for (const order of page.items) {
      expect(order.status).toBe(WHITELABEL_ORDER_STATUS[order.supplierStatus as keyof typeof WHITELABEL_ORDER_STATUS]);
    }
  });

  it('pages through every order exactly once, one listOrders call per window', async () => {
    const adapter = adapterWith({ ordersTtlMs: 0 });
    const seen: string[] = [];
    let windows = 0;
    for (let offset = 0; ; offset += 30) {
      const page = await adapter.listOrders({ offset, limit: 30 }, {});
      windows += 1;
      seen.push(...page.items.map((o) => o.supplierOrderId));
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(newestFirst().map((o) => o.id));
    expect(wl.sandbox.stats.count('listOrders')).toBe(windows);
  });

  it('serves a window that straddles pages with the fewest calls', async () => {
    const adapter = adapterWith({ ordersTtlMs: 0 });
    const all = newestFirst().map((o) => o.id);
    const odd = await adapter.listOrders({ offset: 45, limit: 10 }, {});
    expect(odd.items.map((o) => o.supplierOrderId)).toEqual(all.slice(45, 55));
    expect(wl.sandbox.stats.count('listOrders')).toBe(1);
    const wide = await adapter.listOrders({ offset: 99, limit: 100 }, {});
    expect(wide.items.map((o) => o.supplierOrderId)).toEqual(all.slice(99, 199));
    expect(wl.sandbox.stats.count('listOrders')).toBe(3);
    const tail = await adapter.listOrders({ offset: 150, limit: 150 }, {});
    expect(tail.items.map((o) => o.supplierOrderId)).toEqual(all.slice(150));
    expect(tail.hasMore).toBe(false);
    expect(wl.sandbox.stats.count('listOrders')).toBe(5);
  });

  it('pushes a status filter down when it names exactly one WhiteLabel status', async () => {
    const adapter = adapterWith({ ordersTtlMs: 0 });
    const funded = newestFirst().filter((o) => o.status === 'FUNDED');
    const paid = await adapter.listOrders({ offset: 0, limit: 100 }, { statuses: ['PAID'] });
    expect(paid.items.map((o) => o.supplierOrderId)).toEqual(funded.map((o) => o.id));
    expect(paid.hasMore).toBe(false);
    // ON_HOLD covers two WhiteLabel statuses: nothing is pushed down, the gateway filters.
    const onHold = await adapter.listOrders({ offset: 0, limit: 10 }, { statuses: ['ON_HOLD'] });
    expect(onHold.items.map((o) => o.supplierOrderId)).toEqual(newestFirst().slice(0, 10).map((o) => o.id));
    expect(wl.sandbox.stats.count('listOrders')).toBe(2);
    // No WhiteLabel status maps to COMPLETED: nothing can match, nothing is asked.
    expect(await adapter.listOrders({ offset: 0, limit: 10 }, { statuses: ['COMPLETED'] })).toEqual({ items: [], hasMore: false });
    expect(wl.sandbox.stats.count('listOrders')).toBe(2);
  });

  it('stops once the newest-first list has passed createdAfter', async () => {
    const all = newestFirst();
    const createdAfter = new Date(all[15]!.createdAt).toISOString();
    const page = await adapterWith().listOrders({ offset: 0, limit: 20 }, { createdAfter });
    expect(page.items).toHaveLength(20);
    expect(page.hasMore).toBe(false);
  });

  it('reads a batch of 30 orders with capped parallel getOrder calls, in id order, null for unknown ids', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const adapter = adapterWith({ ordersTtlMs: 0, fetch: counting });
    const ids = newestFirst().slice(100, 130).map((o) => o.id).reverse();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const orders = await adapter.getOrders([ids[0]!, unknown, ...ids, 'not-a-uuid', ids[0]!]);
    expect(orders.map((o) => o?.supplierOrderId ?? null)).toEqual([ids[0], null, ...ids, null, ids[0]]);
    expect(wl.sandbox.stats.count('getOrder')).toBe(32);
    expect(most).toBe(4);
  });

  it('answers orders from a list read within 2 s without calling again', async () => {
    const adapter = adapterWith();
    const { items } = await adapter.listOrders({ offset: 0, limit: 10 }, {});
    const ids = items.map((o) => o.supplierOrderId);
    expect((await adapter.getOrders(ids)).map((o) => o?.supplierOrderId)).toEqual(ids);
    await adapter.listOrders({ offset: 0, limit: 10 }, {});
    expect(wl.sandbox.stats.count('getOrder')).toBe(0);
    expect(wl.sandbox.stats.count('listOrders')).toBe(1);
  });

  it('gives each order its embedded shipments, reusing the order read', async () => {
    const adapter = adapterWith();
    const withShipments = newestFirst().filter((o) => o.shipments.length > 0).slice(0, 5);
    const without = newestFirst().find((o) => o.shipments.length === 0)!;
    const ids = [...withShipments.map((o) => o.id), without.id, '00000000-0000-4000-8000-000000000000'];
    const shipments = await adapter.getShipmentsByOrder(ids);
    expect(shipments).toHaveLength(7);
    for (const [index, stored] of withShipments.entries()) {
      expect(shipments[index]!.map((s) => ({ id: s.supplierShipmentId, order: s.supplierOrderId, status: s.supplierStatus, url: s.trackingUrl }))).toEqual(
        stored.shipments.map((s) => ({ id: s.id, order: stored.id, status: s.status, url: s.trackingUrl })),
      );
      const [first] = shipments[index]!;
      const cost = stored.shipments[0]!.actualCostCents ?? stored.shipments[0]!.rateCents;
      expect(first!.cost && toDecimalString(first!.cost)).toBe(cost === null ? null : cents(cost));
    }
    expect(shipments.slice(5)).toEqual([[], []]);
    expect(wl.sandbox.stats.count('getOrder')).toBe(7);
    await adapter.getOrders(ids.slice(0, 6));
    expect(wl.sandbox.stats.count('getOrder')).toBe(7);
  });

  it('reports an undocumented order status as a contract violation naming it', async () => {
    const stored = newestFirst()[0]!;
    const original = stored.status;
    (stored as { status: string }).status = 'TELEPORTED';
    try {
      const failure = await adapterWith().getOrders([stored.id]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(SupplierContractError);
      expect((failure as SupplierContractError).extensions).toMatchObject({ code: 'SUPPLIER_CONTRACT_VIOLATION', supplier: 'whitelabel' });
      expect((failure as Error).message).toMatch(/TELEPORTED/);
    } finally {
      stored.status = original;
    }
  });
});
