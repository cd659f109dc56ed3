import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { eventually } from '../support/eventually.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface OrderEvent {
  source: string;
  status: string;
  supplierStatus: string;
  previousSupplierStatus: string | null;
  occurredAt: string;
}

const EVENTS = `query ($id: ID!) {
  node(id: $id) { ... on Order { events { source status supplierStatus previousSupplierStatus occurredAt } } }
}`;
const POLL_INTERVAL_MS = 200;

describe('Order.events over HTTP', () => {
  let gateway: SandboxedGateway;
  const eventsOf = async (id: string) => (await gateway.query<{ node: { events: OrderEvent[] } }>(EVENTS, { id })).data!.node.events;
  /** Moves an order as the supplier's own staff would, through the sandbox's control route. */
  const moveAtSupplier = async (url: URL, status: string) => {
    const moved = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status }) });
    expect(moved.status).toBe(200);
  };

  beforeAll(async () => {
    gateway = await startSandboxedGateway({ polling: { intervalMs: POLL_INTERVAL_MS } });
  });
  afterAll(() => gateway.close());

  it('lists a WhiteLabel status change made at the supplier as a POLLING event after the placement', async () => {
    const placed = await gateway.query<{ createOrder: { orders: { id: string; supplierOrderId: string }[]; userErrors: unknown[] } }>(CREATE_ORDER, {
      input: cart(gateway.sandboxes, ['WHITELABEL']),
    });
    expect(placed.data!.createOrder.userErrors).toEqual([]);
    const [order] = placed.data!.createOrder.orders;
    await moveAtSupplier(new URL(`/__sandbox/whitelabel/orders/${order!.supplierOrderId}/status`, gateway.sandboxes.whitelabel.baseUrl), 'RELEASED_TO_FULFILLMENT');

    const events = await eventually(() => eventsOf(order!.id), (list) => list.some((e) => e.source === 'POLLING'));
    expect(events).toEqual([
      expect.objectContaining({ source: 'MUTATION', supplierStatus: 'FUNDED' }),
      expect.objectContaining({ source: 'POLLING', status: 'PROCESSING', supplierStatus: 'RELEASED_TO_FULFILLMENT', previousSupplierStatus: 'FUNDED' }),
    ]);
    expect(Date.parse(events[1]!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(events[0]!.occurredAt));
    // Later rounds see nothing new and record nothing more.
    await sleep(3 * POLL_INTERVAL_MS);
    expect(await eventsOf(order!.id)).toEqual(events);
  });

  it('lists a Cenports status change made at the supplier as a POLLING event after the placement', async () => {
    const placed = await gateway.query<{ createOrder: { transactions: { id: string }[]; userErrors: unknown[] } }>(CREATE_ORDER, {
      input: cart(gateway.sandboxes, ['CENPORTS']),
    });
    expect(placed.data!.createOrder.userErrors).toEqual([]);
    const transaction = await eventually(
      async () =>
        (
          await gateway.query<{ node: { status: string; orders: { id: string; supplierOrderId: string; supplierStatus: string }[] } }>(
            'query ($id: ID!) { node(id: $id) { ... on Transaction { status orders { id supplierOrderId supplierStatus } } } }',
            { id: placed.data!.createOrder.transactions[0]!.id },
          )
        ).data!.node,
      (t) => t.status === 'COMPLETED' && t.orders.length === 1,
    );
    const [order] = transaction.orders;
    // Cenports has no change feed: the poller compares each round with the last, so let it see the
    // order first. Two more reads of its order list mean one whole round began after the order existed.
    const reads = () => gateway.sandboxes.cenports.stats.count('getOrders');
    const readsBefore = reads();
    await eventually(async () => reads(), (n) => n >= readsBefore + 2);
    const before = await eventsOf(order!.id);
    expect(before).toEqual([expect.objectContaining({ source: 'MUTATION', supplierStatus: 'Pending' })]);
    await moveAtSupplier(new URL(`/__sandbox/cenports/orders/${order!.supplierOrderId}/status`, gateway.sandboxes.cenports.url), 'Processing');

    const events = await eventually(() => eventsOf(order!.id), (list) => list.some((e) => e.source === 'POLLING'));
    expect(events).toEqual([
      before[0],
      expect.objectContaining({ source: 'POLLING', status: 'PROCESSING', supplierStatus: 'Processing', previousSupplierStatus: 'Pending' }),
    ]);
  });
});
