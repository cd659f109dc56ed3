import { setTimeout as sleep } from 'node:timers/promises';
import { createHmac, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { eventually } from '../support/eventually.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface OrderUpdate {
  orderId: string;
  supplier: { code: string };
  order: { id: string; supplierOrderId: string; status: string } | null;
  status: string;
  supplierStatus: string;
  previousSupplierStatus: string | null;
  source: string;
  occurredAt: string;
}
interface ShipmentUpdate {
  shipment: { id: string; trackingNumber: string | null; order: { id: string } | null };
  status: string;
  previousStatus: string | null;
  source: string;
}

const ORDER_UPDATED = `subscription ($filter: OrderUpdateFilter) {
  orderUpdated(filter: $filter) {
    orderId supplier { code } order { id supplierOrderId status } status supplierStatus previousSupplierStatus source occurredAt
  }
}`;
const SHIPMENT_UPDATED = `subscription ($filter: ShipmentUpdateFilter) {
  shipmentUpdated(filter: $filter) { shipment { id trackingNumber order { id } } status previousStatus source }
}`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(input: { orderId: $id, reason: "changed my mind" }) { userErrors { code } } }`;
const UPDATE = `mutation ($id: ID!, $status: OrderStatus!) { updateOrderStatus(input: { orderId: $id, status: $status }) { userErrors { code } } }`;

/** Generous where the machine may be loaded; the one-second promise is checked from the cause's answer. */
const WITHIN_A_SECOND = 1_000;
const POLL_INTERVAL_MS = 200;

/** The sender's side of a PleasureStock webhook, from its spec (shares no code with the gateway). */
function signedDelivery(secret: string, body: string, signature?: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-timestamp': timestamp,
      'x-webhook-signature': signature ?? `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
    },
    body,
  };
}

interface Subscription<T> {
  received: T[];
  /** the first update matching `accept` within `ms`; throws naming what did arrive otherwise */
  next(accept: (update: T) => boolean, ms?: number): Promise<T>;
  close(): void;
}

describe('subscriptions over graphql-ws on /graphql', () => {
  let gateway: SandboxedGateway;
  let wsUrl: string;
  const clients: Client[] = [];

  const connect = (key: string | null, params?: Record<string, unknown>) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: params ?? (key ? { Authorization: `Bearer ${key}` } : {}),
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  /** Subscribes and resolves once the server has taken the subscription on. */
  const subscribe = async <T,>(client: Client, query: string, field: string, variables: Record<string, unknown> = {}): Promise<Subscription<T>> => {
    const received: T[] = [];
    const failures: unknown[] = [];
    const stop = client.subscribe<Record<string, T>>(
      { query, variables },
      { next: (result) => (result.data ? received.push(result.data[field]!) : failures.push(result.errors)), error: (e) => failures.push(e), complete: () => {} },
    );
    // The server reads one socket's messages in order: once a later (refused) operation has
    // been answered, the subscription before it is registered.
    await new Promise<void>((resolve) => client.subscribe({ query: '{ __typename }' }, { next: () => {}, error: () => resolve(), complete: () => resolve() }));
    return {
      received,
      async next(accept, ms = WITHIN_A_SECOND) {
        for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(10)) {
          const found = received.find(accept);
          if (found) return found;
          if (failures.length > 0) throw new Error(`the subscription failed: ${JSON.stringify(failures)}`);
        }
        throw new Error(`no matching update within ${ms} ms; received ${JSON.stringify(received)}`);
      },
      close: stop,
    };
  };

  const place = async (suppliers: Parameters<typeof cart>[1], key = 'sg_test_admin') => {
    const answer = await gateway.query<{ createOrder: { orders: { id: string; supplierOrderId: string; supplier: { code: string } }[]; userErrors: unknown[] } }>(
      CREATE_ORDER,
      { input: cart(gateway.sandboxes, suppliers) },
      key,
    );
    expect(answer.data!.createOrder.userErrors).toEqual([]);
    return answer.data!.createOrder.orders;
  };

  const eventsOf = async (orderId: string) =>
    (await gateway.query<{ node: { events: { source: string; supplierStatus: string }[] } }>('query ($id: ID!) { node(id: $id) { ... on Order { events { source supplierStatus } } } }', { id: orderId }))
      .data!.node.events;

  beforeAll(async () => {
    gateway = await startSandboxedGateway({ polling: { intervalMs: POLL_INTERVAL_MS } });
    wsUrl = gateway.url.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway.close();
  });

  it('sends a createOrder to a subscriber as a MUTATION update within a second of the answer', async () => {
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated');
    const [order] = await place(['ORDERSAPI']);
    const update = await updates.next((u) => u.orderId === order!.id);
    expect(update).toMatchObject({ supplier: { code: 'ORDERSAPI' }, source: 'MUTATION', previousSupplierStatus: null });
    expect(update.order).toMatchObject({ id: order!.id, supplierOrderId: order!.supplierOrderId });
    updates.close();
  });

  it('sends cancelOrder and updateOrderStatus as MUTATION updates with the status before', async () => {
    const [whitelabel] = await place(['WHITELABEL']);
    const [pleasurestock] = await place(['PLEASURESTOCK']);
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { statuses: ['CANCELLED', 'REFUNDED', 'PAID'] } });
    expect((await gateway.query<{ cancelOrder: { userErrors: unknown[] } }>(CANCEL, { id: whitelabel!.id })).data!.cancelOrder.userErrors).toEqual([]);
    const cancelled = await updates.next((u) => u.orderId === whitelabel!.id);
    expect(cancelled).toMatchObject({ source: 'MUTATION', previousSupplierStatus: 'FUNDED' });
    expect(['CANCELLED', 'REFUNDED']).toContain(cancelled.status);
    const paid = await gateway.query<{ updateOrderStatus: { userErrors: unknown[] } }>(UPDATE, { id: pleasurestock!.id, status: 'PAID' });
    expect(paid.data!.updateOrderStatus.userErrors).toEqual([]);
    expect(await updates.next((u) => u.orderId === pleasurestock!.id)).toMatchObject({ status: 'PAID', supplierStatus: 'paid', source: 'MUTATION' });
    updates.close();
  });

  it('sends a WhiteLabel cancel as one MUTATION update even when the poller sees it at the supplier before the answer comes back', async () => {
    const [order] = await place(['WHITELABEL']);
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { orderIds: [order!.id] } });
    // Cancelled at once, answered five poll rounds later: the poller reads the cancelled order first.
    gateway.sandboxes.whitelabel.faults.set([{ kind: 'latencyAfterWrite', ms: 5 * POLL_INTERVAL_MS, operations: ['cancelOrder'], times: 1 }]);
    expect((await gateway.query<{ cancelOrder: { userErrors: unknown[] } }>(CANCEL, { id: order!.id })).data!.cancelOrder.userErrors).toEqual([]);
    expect(await updates.next(() => true)).toMatchObject({ source: 'MUTATION', previousSupplierStatus: 'FUNDED' });
    await sleep(3 * POLL_INTERVAL_MS);
    expect(updates.received).toHaveLength(1);
    expect((await eventsOf(order!.id)).map((e) => e.source)).toEqual(['MUTATION', 'MUTATION']);
    updates.close();
  });

  it('records a Cenports order placed through the gateway once, as placed, though the poller lists it before the transaction is followed', async () => {
    const placed = await gateway.query<{ createOrder: { transactions: { id: string }[]; userErrors: unknown[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENPORTS']) });
    expect(placed.data!.createOrder.userErrors).toEqual([]);
    const transactionId = placed.data!.createOrder.transactions[0]!.id;
    const completed = await eventually(
      async () =>
        (await gateway.query<{ node: { status: string; orders: { id: string }[] } }>('query ($id: ID!) { node(id: $id) { ... on Transaction { status orders { id } } } }', { id: transactionId }))
          .data!.node,
      (transaction) => transaction.status === 'COMPLETED' && transaction.orders.length === 1,
    );
    await sleep(3 * POLL_INTERVAL_MS);
    expect((await eventsOf(completed.orders[0]!.id)).map((e) => e.source)).toEqual(['MUTATION']);
  });

  it('sends a signed PleasureStock webhook as a WEBHOOK update within a second, and nothing for a bad signature', async () => {
    const [order] = await place(['PLEASURESTOCK']);
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { orderIds: [order!.id] } });
    const secret = gateway.sandboxes.pleasurestock.credentials.webhookSecret;
    const hookUrl = new URL('/webhooks/pleasurestock', gateway.url).href;
    const body = (changedAt: string) =>
      JSON.stringify({
        event: 'order.status_changed',
        timestamp: changedAt,
        data: { orderId: randomUUID(), orderNumber: order!.supplierOrderId, oldStatus: 'paid', newStatus: 'on_the_way', changedBy: 'external_api', comment: null, changedAt },
      });

    const forged = await fetch(hookUrl, signedDelivery(secret, body(new Date().toISOString()), `sha256=${'0'.repeat(64)}`));
    expect(forged.status).toBe(401);
    await sleep(500);
    expect(updates.received).toEqual([]);

    const delivered = await fetch(hookUrl, signedDelivery(secret, body(new Date().toISOString())));
    expect(delivered.status).toBe(200);
    const update = await updates.next(() => true);
    expect(update).toMatchObject({ orderId: order!.id, source: 'WEBHOOK', status: 'SHIPPED', supplierStatus: 'on_the_way', previousSupplierStatus: 'paid' });
    updates.close();
  });

  it('leaves out other suppliers when the filter names one', async () => {
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { suppliers: ['ORDERSAPI'] } });
    const [centre] = await place(['CENTRE']);
    const [ordersapi] = await place(['ORDERSAPI']);
    await updates.next((u) => u.orderId === ordersapi!.id);
    expect(updates.received.map((u) => u.supplier.code)).not.toContain('CENTRE');
    expect(updates.received.map((u) => u.orderId)).not.toContain(centre!.id);
    updates.close();
  });

  it('tells a partner only of the orders it placed', async () => {
    const updates = await subscribe<OrderUpdate>(connect('sg_test_partner'), ORDER_UPDATED, 'orderUpdated', { filter: { suppliers: ['ORDERSAPI'] } });
    const [others] = await place(['ORDERSAPI'], 'sg_test_admin');
    const [own] = await place(['ORDERSAPI'], 'sg_test_partner');
    await updates.next((u) => u.orderId === own!.id);
    expect(updates.received.map((u) => u.orderId)).not.toContain(others!.id);
    updates.close();
  });

  it('publishes a WhiteLabel status change made at the supplier, found by its delta sync, as POLLING', async () => {
    const [order] = await place(['WHITELABEL']);
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { orderIds: [order!.id] } });
    const control = new URL(`/__sandbox/whitelabel/orders/${order!.supplierOrderId}/status`, gateway.sandboxes.whitelabel.baseUrl);
    const moved = await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'RELEASED_TO_FULFILLMENT' }) });
    expect(moved.status).toBe(200);
    const update = await updates.next(() => true, 10 * POLL_INTERVAL_MS + WITHIN_A_SECOND);
    expect(update).toMatchObject({ source: 'POLLING', status: 'PROCESSING', supplierStatus: 'RELEASED_TO_FULFILLMENT', previousSupplierStatus: 'FUNDED' });
    // The order itself is read as node(id:) reads it, which may be up to 2 s old.
    expect(update.order).toMatchObject({ id: order!.id });
    updates.close();
  });

  it('publishes a WhiteLabel shipment whose tracking appears as a shipmentUpdated', async () => {
    const [order] = await place(['WHITELABEL']);
    const shipments = await subscribe<ShipmentUpdate>(connect('sg_test_reader'), SHIPMENT_UPDATED, 'shipmentUpdated', { filter: { orderIds: [order!.id] } });
    const created = await gateway.query<{ createShipment: { shipment: { id: string } } }>(
      'mutation ($id: ID!) { createShipment(input: { orderId: $id, carrier: "usps", service: "usps_priority_mail", weightOz: 16 }) { shipment { id } } }',
      { id: order!.id },
    );
    const shipped = await gateway.query<{ markShipmentShipped: { userErrors: unknown[] } }>(
      'mutation ($id: ID!) { markShipmentShipped(input: { shipmentId: $id, trackingNumber: "9400111899223100000042" }) { userErrors { code } } }',
      { id: created.data!.createShipment.shipment.id },
    );
    expect(shipped.data!.markShipmentShipped.userErrors).toEqual([]);
    const update = await shipments.next(() => true, 10 * POLL_INTERVAL_MS + WITHIN_A_SECOND);
    expect(update).toMatchObject({ status: 'IN_TRANSIT', source: 'POLLING', shipment: { trackingNumber: '9400111899223100000042', order: { id: order!.id } } });
    shipments.close();
  });

  it('publishes a Cenports order shipped at the supplier, found by polling, as an orderUpdated and a shipmentUpdated', async () => {
    const page = await gateway.query<{ orders: { nodes: { id: string; supplierOrderId: string; supplierStatus: string }[] } }>(
      '{ orders(first: 50, filter: { suppliers: [CENPORTS] }) { nodes { id supplierOrderId supplierStatus } } }',
    );
    const order = page.data!.orders.nodes.find((o) => o.supplierStatus === 'Processing');
    expect(order).toBeDefined();
    // Cenports has no change feed: the first round only takes a baseline to compare with.
    await sleep(3 * POLL_INTERVAL_MS);
    const updates = await subscribe<OrderUpdate>(connect('sg_test_reader'), ORDER_UPDATED, 'orderUpdated', { filter: { orderIds: [order!.id] } });
    const shipments = await subscribe<ShipmentUpdate>(connect('sg_test_reader'), SHIPMENT_UPDATED, 'shipmentUpdated', { filter: { orderIds: [order!.id] } });
    const control = new URL(`/__sandbox/cenports/orders/${order!.supplierOrderId}/status`, gateway.sandboxes.cenports.url);
    const moved = await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'Shipped' }) });
    expect(moved.status).toBe(200);
    const update = await updates.next(() => true, 10 * POLL_INTERVAL_MS + WITHIN_A_SECOND);
    expect(update).toMatchObject({ source: 'POLLING', supplierStatus: 'Shipped', previousSupplierStatus: 'Processing', supplier: { code: 'CENPORTS' } });
    const shipment = await shipments.next(() => true, 10 * POLL_INTERVAL_MS + WITHIN_A_SECOND);
    expect(shipment).toMatchObject({ source: 'POLLING', shipment: { order: { id: order!.id } } });
    updates.close();
    shipments.close();
  });

  it('refuses a connection without a known key', async () => {
    for (const params of [{}, { Authorization: 'Bearer sg_not_a_key' }]) {
      const client = connect(null, params);
      const closed = await new Promise<{ code: number }>((resolve) => {
        client.on('closed', (event) => resolve(event as { code: number }));
        client.subscribe({ query: ORDER_UPDATED }, { next: () => {}, error: () => {}, complete: () => {} });
      });
      expect(closed.code).toBe(4403);
    }
  });

  it('serves only subscriptions over the socket and checks them like HTTP operations', async () => {
    const client = connect('sg_test_reader');
    const errorsOf = (query: string) =>
      new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) =>
        client.subscribe({ query }, { next: () => {}, error: (errors) => resolve(errors as never), complete: () => resolve([]) }),
      );
    expect((await errorsOf('{ suppliers { code } }'))[0]!.extensions?.code).toBe('BAD_REQUEST');
    expect((await errorsOf('subscription { orderUpdated { nope } }'))[0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const deep = `subscription { orderUpdated { order { lines { product { inventory { product { inventory { product { inventory { product { sku } } } } } } } } } } }`;
    expect((await errorsOf(deep))[0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers queries sent with GET on the same path', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ suppliers { code } }')}`, {
      headers: { authorization: 'Bearer sg_test_reader', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { suppliers: unknown[] } }).data.suppliers).toHaveLength(5);
  });
});
