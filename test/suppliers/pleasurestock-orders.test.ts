import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/domain/money.ts';
import type { OrderModel } from '../../src/domain/models.ts';
import type { Order, PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, centsToText, startSandbox } from './pleasurestock-support.ts';

/** The mapping the gateway documents, written out independently of the adapter's table. */
const EXPECTED_STATUS: Record<string, string> = {
  created: 'AWAITING_PAYMENT',
  part_paid: 'PARTIALLY_PAID',
  paid: 'PAID',
  on_the_way: 'SHIPPED',
  delivered: 'DELIVERED',
  accepted: 'COMPLETED',
  cancelled: 'CANCELLED',
};

/** The sandbox's orders newest first, as its spec orders the list. */
const newestFirst = (sandbox: PleasurestockSandbox): Order[] =>
  sandbox.state.orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => b.order.createdAt - a.order.createdAt || b.index - a.index)
    .map(({ order }) => order);

const totalCents = (order: Order) => order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);

function expectSameOrder(model: OrderModel, stored: Order): void {
  expect(model.supplierOrderId).toBe(stored.orderNumber);
  expect(model.externalReference).toBe(stored.externalOrderId);
  expect(model.supplierStatus).toBe(stored.status);
  expect(model.status).toBe(EXPECTED_STATUS[stored.status]);
  expect(Date.parse(model.createdAt!)).toBe(Math.floor(stored.createdAt / 1000) * 1000);
  expect(model.total!.currency).toBe(stored.currency);
  expect(toDecimalString(model.total!)).toBe(centsToText(totalCents(stored)));
  expect(model.lines.map((l) => [l.supplierProductId, l.sku, l.quantity, toDecimalString(l.unitPrice!), toDecimalString(l.lineTotal!)])).toEqual(
    stored.lines.map((l) => [l.psId, l.sku, l.quantity, centsToText(l.unitPriceCents), centsToText(l.unitPriceCents * l.quantity)]),
  );
  expect(model.shipments).toEqual([]);
}

describe('pleasurestock adapter: orders', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('reads a cold page\'s order details at most four at a time, and more than one at a time', async () => {
    sandbox.faults.set([{ kind: 'latency', ms: 30, operations: ['getOrder'] }]);
    const page = await adapterFor(sandbox).listOrders({ offset: 0, limit: 24 }, {});
    expect(page.items).toHaveLength(24);
    const details = sandbox.stats.spans().filter((span) => span.operationId === 'getOrder');
    expect(details).toHaveLength(24);
    // the most detail calls the sandbox was serving at one instant
    const inFlight = (at: number) => details.filter((span) => span.startMs <= at && at < span.endMs).length;
    const most = Math.max(...details.map((span) => inFlight(span.startMs)));
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  it('lists orders newest first with lines, exact totals and every status mapped', async () => {
    const adapter = adapterFor(sandbox);
    const page = await adapter.listOrders({ offset: 0, limit: 20 }, {});
    const expected = newestFirst(sandbox).slice(0, 20);
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(expected.map((o) => o.orderNumber));
    expect(page.hasMore).toBe(true);
    page.items.forEach((order, i) => expectSameOrder(order, expected[i]!));
    expect(sandbox.stats.count('listOrders')).toBe(1);
    expect(sandbox.stats.count('getOrder')).toBe(20);
  });

  it('pages through every order exactly once, and a second pass fetches no lines again', async () => {
    const adapter = adapterFor(sandbox);
    const pass = async () => {
      const seen: OrderModel[] = [];
      for (let offset = 0; ; offset += 70) {
        const page = await adapter.listOrders({ offset, limit: 70 }, {});
        seen.push(...page.items);
        if (!page.hasMore) break;
      }
      return seen;
    };
    const all = await pass();
    const expected = newestFirst(sandbox);
    expect(all.map((o) => o.supplierOrderId)).toEqual(expected.map((o) => o.orderNumber));
    all.forEach((order, i) => expectSameOrder(order, expected[i]!));
    // Every documented status occurs in the seeded data, and each was mapped as documented.
    expect(new Set(all.map((o) => o.supplierStatus))).toEqual(new Set(Object.keys(EXPECTED_STATUS)));
    expect(sandbox.stats.count('getOrder')).toBe(expected.length);
    const listCalls = sandbox.stats.count('listOrders');
    expect(listCalls).toBe(Math.ceil(expected.length / 70));

    sandbox.stats.reset();
    expect((await pass()).map((o) => o.supplierOrderId)).toEqual(expected.map((o) => o.orderNumber));
    expect(sandbox.stats.count('getOrder')).toBe(0);
    expect(sandbox.stats.count('listOrders')).toBe(listCalls);
  });

  it('cuts a window wider than 100 into list calls of at most 100', async () => {
    const adapter = adapterFor(sandbox);
    const page = await adapter.listOrders({ offset: 10, limit: 250 }, {});
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(newestFirst(sandbox).slice(10, 260).map((o) => o.orderNumber));
    expect(sandbox.stats.count('listOrders')).toBe(3);
  });

  it('pushes a status filter down when it names exactly one PleasureStock status', async () => {
    const adapter = adapterFor(sandbox);
    const cancelled = newestFirst(sandbox).filter((o) => o.status === 'cancelled');
    const page = await adapter.listOrders({ offset: 0, limit: 100 }, { statuses: ['CANCELLED'] });
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(cancelled.slice(0, 100).map((o) => o.orderNumber));
    expect(page.hasMore).toBe(cancelled.length > 100);
    expect(sandbox.stats.count('listOrders')).toBe(1);
  });

  it('asks for every order when the filter spans several PleasureStock statuses', async () => {
    const adapter = adapterFor(sandbox);
    const page = await adapter.listOrders({ offset: 0, limit: 30 }, { statuses: ['PAID', 'SHIPPED'] });
    expect(page.items.map((o) => o.supplierOrderId)).toEqual(newestFirst(sandbox).slice(0, 30).map((o) => o.orderNumber));
  });

  it('answers an empty list without a call when no PleasureStock status matches the filter', async () => {
    const adapter = adapterFor(sandbox);
    expect(await adapter.listOrders({ offset: 0, limit: 10 }, { statuses: ['REFUNDED', 'ON_HOLD'] })).toEqual({ items: [], hasMore: false });
    expect(sandbox.stats.count()).toBe(0);
  });

  it('gets orders by number with one detail call each, in order, null for unknown numbers', async () => {
    const adapter = adapterFor(sandbox);
    const stored = sandbox.state.orders.slice(40, 52);
    const ids = [...stored.map((o) => o.orderNumber), 'ORD-20000101-NOSUCH', stored[0]!.orderNumber];
    const answers = await adapter.getOrders(ids);
    expect(answers.map((o) => o?.supplierOrderId ?? null)).toEqual([...stored.map((o) => o.orderNumber), null, stored[0]!.orderNumber]);
    stored.forEach((order, i) => expectSameOrder(answers[i]!, order));
    expect(sandbox.stats.count('getOrder')).toBe(13);
  });

  it('runs at most four detail calls at once', async () => {
    let inFlight = 0;
    let most = 0;
    // Real HTTP, counted on the way through.
    const counting: typeof fetch = async (...args) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await fetch(...args);
      } finally {
        inFlight -= 1;
      }
    };
    sandbox.faults.set([{ kind: 'latency', ms: 30, operations: ['getOrder'] }]);
    const adapter = adapterFor(sandbox, { fetch: counting });
    const ids = sandbox.state.orders.slice(0, 16).map((o) => o.orderNumber);
    expect((await adapter.getOrders(ids)).every((o) => o !== null)).toBe(true);
    expect(most).toBe(4);
  });

  it('reuses orders read within two seconds and reads them again after', async () => {
    const adapter = adapterFor(sandbox, { ordersTtlMs: 300 });
    const { items } = await adapter.listOrders({ offset: 0, limit: 5 }, {});
    sandbox.stats.reset();
    const ids = items.map((o) => o.supplierOrderId);
    expect((await adapter.getOrders(ids)).map((o) => o?.supplierOrderId)).toEqual(ids);
    expect(sandbox.stats.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await adapter.getOrders(ids);
    expect(sandbox.stats.count('getOrder')).toBe(5);
  });

  it('never keeps an order longer than two seconds, whatever it is configured with', async () => {
    let at = 0;
    const adapter = adapterFor(sandbox, { ordersTtlMs: 60_000, now: () => at });
    const id = sandbox.state.orders[3]!.orderNumber;
    await adapter.getOrders([id]);
    at += 1_999;
    await adapter.getOrders([id]);
    expect(sandbox.stats.count('getOrder')).toBe(1);
    at += 2;
    await adapter.getOrders([id]);
    expect(sandbox.stats.count('getOrder')).toBe(2);
  });
});
