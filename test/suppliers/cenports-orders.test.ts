import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { CENPORTS_ORDER_STATUS, CENPORTS_SHIPMENT_STATUS } from '../../src/suppliers/cenports/status-map.ts';
import { adapterFor, CHANNEL, dollars, type FullAdapter } from './cenports-support.ts';

describe('cenports adapter: orders and shipments against the sandbox', () => {
  let sandbox: CenportsSandbox;
  let adapter: FullAdapter;
  const channelOrders = () => sandbox.state.findOrders({ channelId: CHANNEL });
  const channelShipments = () => sandbox.state.findShipments({ channelId: CHANNEL });

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.faults.clear();
    adapter = adapterFor(sandbox);
    await adapter.listSalesChannels(); // authorizes, so counts below are reads only
    sandbox.stats.reset();
  });

  it('lists the channel’s orders newest first with exact money, lines and mapped statuses, in one call', async () => {
    const page = await adapter.listOrders({ offset: 0, limit: 10 }, {});
    const expected = channelOrders().slice(0, 10);
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(expected.map((o) => o.orderNo));
    expect(page.hasMore).toBe(true);
    expect(sandbox.stats.count('getOrders')).toBe(1);
    page.items.forEach((order, i) => {
      const stored = expected[i]!;
      expect(order.status).toBe(CENPORTS_ORDER_STATUS[stored.status]);
      expect(order.supplierStatus).toBe(stored.status);
      expect(order.createdAt).toBe(new Date(stored.orderDate).toISOString());
      expect(order.total && toDecimalString(order.total)).toBe(dollars(stored.grandTotalCents));
      expect(order.total?.currency).toBe('USD');
      expect(order.externalReference).toBe(stored.customerOrderNo);
      expect(order.acknowledged).toBe(stored.acknowledged);
      expect(order.lines.map((l) => [l.sku, l.supplierProductId, l.quantity, toDecimalString(l.unitPrice!), toDecimalString(l.lineTotal!)])).toEqual(
        stored.lines.map((l) => [l.sku, l.sku, l.quantity, dollars(l.priceCents), dollars(l.priceCents * l.quantity)]),
      );
    });
  });

  it('pages through every order of the channel exactly once, one call per window', async () => {
    const seen: string[] = [];
    let calls = 0;
    for (let offset = 0; ; offset += 25) {
      const page = await adapter.listOrders({ offset, limit: 25 }, {});
      calls += 1;
      seen.push(...page.items.map((o) => o.supplierOrderId));
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(channelOrders().map((o) => o.orderNo));
    expect(sandbox.stats.count('getOrders')).toBe(calls);
  });

  it('reads a window no single page can hold with two calls and returns exactly its items', async () => {
    const all = channelOrders();
    // Items 1..300 fit in no page of 300: pages 1 and 2 (the second empty, as the channel holds fewer).
    const page = await adapter.listOrders({ offset: 1, limit: 300 }, {});
    expect(sandbox.stats.count('getOrders')).toBe(2);
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(all.slice(1).map((o) => o.orderNo));
    expect(page.hasMore).toBe(false);
  });

  it('pushes the created-at range down as whole UTC days', async () => {
    const all = channelOrders();
    const pivot = all[Math.floor(all.length / 2)]!.orderDate;
    const after = new Date(pivot - 5 * 86_400_000).toISOString();
    const before = new Date(pivot).toISOString();
    const page = await adapter.listOrders({ offset: 0, limit: 300 }, { createdAfter: after, createdBefore: before });
    const firstDay = Date.parse(after.slice(0, 10));
    const lastDay = Date.parse(before.slice(0, 10)) + 86_400_000;
    const expected = all.filter((o) => o.orderDate >= firstDay && o.orderDate < lastDay).map((o) => o.orderNo);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(expected);
  });

  it('answers filters nothing can match without calling Cenports', async () => {
    expect(await adapter.listOrders({ offset: 0, limit: 5 }, { statuses: ['AWAITING_PAYMENT'] })).toEqual({ items: [], hasMore: false });
    const reversed = { createdAfter: '2026-10-05T00:00:00Z', createdBefore: '2026-10-01T00:00:00Z' };
    expect(await adapter.listOrders({ offset: 0, limit: 5 }, reversed)).toEqual({ items: [], hasMore: false });
    expect(sandbox.stats.count()).toBe(0);
  });

  it('fetches 25 orders by number in ONE call, in id order, null for numbers the channel lacks', async () => {
    const numbers = channelOrders().slice(0, 23).map((o) => o.orderNo).reverse();
    const elsewhere = sandbox.state.orders.find((o) => o.channelId !== CHANNEL)!.orderNo;
    const ids = [...numbers.slice(0, 12), 'SG-999999', ...numbers.slice(12), elsewhere];
    const orders = await adapter.getOrders(ids);
    expect(orders.map((o) => o?.supplierOrderId ?? null)).toEqual([...numbers.slice(0, 12), null, ...numbers.slice(12), null]);
    expect(sandbox.stats.count('getOrders')).toBe(1);
  });

  it('splits an order batch only when the comma list would pass 255 characters', async () => {
    const numbers = channelOrders().slice(0, 30).map((o) => o.orderNo);
    const orders = await adapter.getOrders(numbers);
    expect(orders.map((o) => o?.supplierOrderId)).toEqual(numbers);
    // 30 numbers of 9 characters make 299 characters with their commas: two lists.
    expect(sandbox.stats.count('getOrders')).toBe(2);
  });

  it('answers lookups of orders a list just returned without another call', async () => {
    const cached = adapterFor(sandbox, { ordersTtlMs: 2_000 });
    const { items } = await cached.listOrders({ offset: 0, limit: 5 }, {});
    sandbox.stats.reset();
    const ids = items.map((o) => o.supplierOrderId);
    expect((await cached.getOrders(ids)).map((o) => o?.supplierOrderId)).toEqual(ids);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('reports an order status the spec does not document as a contract violation naming it', async () => {
    const stored = channelOrders()[0]!;
    const status = stored.status;
    (stored as { status: string }).status = 'Teleported';
    try {
      const failure = await adapter.getOrders([stored.orderNo]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(SupplierContractError);
      expect((failure as Error).message).toMatch(/Teleported/);
    } finally {
      stored.status = status;
    }
  });

  it('lists the channel’s shipments newest first with their tracking and mapped status', async () => {
    const expected = channelShipments();
    const seen = [];
    for (let offset = 0; ; offset += 40) {
      const page = await adapter.listShipments({ offset, limit: 40 }, {});
      seen.push(...page.items);
      if (!page.hasMore) break;
    }
    expect(seen.map((s) => s.supplierShipmentId)).toEqual(expected.map((s) => s.shipmentId));
    seen.forEach((shipment, i) => {
      const stored = expected[i]!;
      expect(shipment).toMatchObject({
        supplierOrderId: stored.orderNo,
        status: CENPORTS_SHIPMENT_STATUS[stored.status],
        supplierStatus: stored.status,
        carrier: stored.carrier,
        trackingNumber: stored.trackingNumber,
        shippedAt: new Date(stored.shipDate).toISOString(),
        acknowledged: stored.acknowledged,
      });
    });
    expect(new Set(seen.map((s) => s.status))).toEqual(new Set(expected.map((s) => CENPORTS_SHIPMENT_STATUS[s.status])));
  });

  it('pushes order numbers and acknowledgement of a shipment filter down', async () => {
    const orderNos = [...new Set(channelShipments().map((s) => s.orderNo))].slice(0, 5);
    const page = await adapter.listShipments({ offset: 0, limit: 50 }, { supplierOrderIds: orderNos, acknowledged: false });
    const expected = channelShipments().filter((s) => orderNos.includes(s.orderNo) && !s.acknowledged);
    expect(page.items.map((s) => s.supplierShipmentId)).toEqual(expected.map((s) => s.shipmentId));
    expect(sandbox.stats.count('getShipments')).toBe(1);
  });

  it('fetches the shipments of 20 orders in ONE call, an empty list for an order without any', async () => {
    const orders = channelOrders().slice(0, 20);
    const byOrder = await adapter.getShipmentsByOrder(orders.map((o) => o.orderNo));
    expect(sandbox.stats.count('getShipments')).toBe(1);
    orders.forEach((order, i) => {
      const expected = sandbox.state.shipmentsOf(order).map((s) => s.shipmentId).sort();
      expect(byOrder[i]!.map((s) => s.supplierShipmentId).sort()).toEqual(expected);
    });
    expect(byOrder.some((list) => list.length === 0)).toBe(true);
    expect(byOrder.some((list) => list.length > 0)).toBe(true);
  });
});
