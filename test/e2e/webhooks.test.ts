import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { SupplierRegistry } from '../../src/suppliers/registry.ts';
import { order as journalOrder } from '../store/fixtures.ts';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { eventually } from '../support/eventually.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

/** The sender's side, written here from the spec so it shares no code with the gateway or the sandbox. */
function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

interface Delivery {
  secret: string;
  timestamp?: string;
  /** overrides the signature computed from secret, timestamp and body */
  signature?: string;
  /** the body whose signature is sent, when it differs from the body sent */
  signedBody?: string;
}

async function deliver(url: string, body: string, options: Delivery): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
  const timestamp = options.timestamp ?? seconds(Date.now());
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-timestamp': timestamp,
      'x-webhook-signature': options.signature ?? sign(options.secret, timestamp, options.signedBody ?? body),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const statusChanged = (orderNumber: string, changedAt: string, oldStatus = 'paid', newStatus = 'on_the_way', comment: string | null = null) =>
  JSON.stringify({
    event: 'order.status_changed',
    timestamp: changedAt,
    data: { orderId: randomUUID(), orderNumber, oldStatus, newStatus, changedBy: 'external_api', comment, changedAt },
  });

const cancelled = (orderNumber: string, cancelledAt: string, previousStatus: string) =>
  JSON.stringify({
    event: 'order.cancelled',
    timestamp: cancelledAt,
    data: { orderId: randomUUID(), orderNumber, previousStatus, cancelledBy: 'external_api', reason: 'out of stock', cancelledAt },
  });

interface EventView {
  status: string;
  supplierStatus: string;
  previousSupplierStatus: string | null;
  source: string;
  occurredAt: string;
  comment: string | null;
}

const EVENTS = `query ($id: ID!) { node(id: $id) { ... on Order { events { status supplierStatus previousSupplierStatus source occurredAt comment } } } }`;
const UPDATE = `mutation ($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { order { status } userErrors { code message } } }`;
const CANCEL = `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } userErrors { code message } } }`;

describe('POST /webhooks/pleasurestock on the sandboxed gateway', () => {
  let gateway: SandboxedGateway;
  let hookUrl: string;
  let secret: string;
  let placed: { id: string; orderNumber: string };
  let tick = 0;
  /** a change time no other test uses, so each test counts only its own events */
  const freshTime = () => new Date(Date.UTC(2031, 0, 1, 0, 0, ++tick)).toISOString();

  const place = async () => {
    const { data } = await gateway.query<{ createOrder: { orders: { id: string; supplierOrderId: string }[] } }>(CREATE_ORDER, {
      input: cart(gateway.sandboxes, ['PLEASURESTOCK']),
    });
    const order = data!.createOrder.orders[0]!;
    return { id: order.id, orderNumber: order.supplierOrderId };
  };
  const events = async (id: string) => (await gateway.query<{ node: { events: EventView[] } }>(EVENTS, { id })).data!.node.events;
  const webhookEventsAt = async (id: string, at: string) =>
    (await events(id)).filter((e) => e.source === 'WEBHOOK' && Date.parse(e.occurredAt) === Date.parse(at));

  beforeAll(async () => {
    gateway = await startSandboxedGateway({ webhooks: true });
    hookUrl = new URL('/webhooks/pleasurestock', gateway.url).href;
    secret = gateway.sandboxes.pleasurestock.credentials.webhookSecret;
    placed = await place();
  });
  afterAll(() => gateway.close());

  /** The sandbox's deliveries about one order, once all are done: each answered 200 by the gateway. */
  const deliveredFor = async (orderNumber: string) => {
    await gateway.sandboxes.pleasurestock.webhooks.idle();
    const about = gateway.sandboxes.pleasurestock.webhooks.deliveries.filter((d) => d.body.includes(orderNumber));
    for (const delivery of about) expect(delivery.attempts.at(-1)).toBe(200);
    return about.map((d) => d.event);
  };
  /** An order's history as where each status came from, and the status. */
  const sourcesOf = async (id: string) => (await events(id)).map((e) => [e.source, e.supplierStatus]);

  it('tells a status change the gateway made once, as its MUTATION, though PleasureStock sends order.status_changed for it', async () => {
    const { id, orderNumber } = await place();
    const paid = await gateway.query<{ updateOrderStatus: { userErrors: unknown[] } }>(UPDATE, { input: { orderId: id, status: 'PAID' } });
    expect(paid.data!.updateOrderStatus.userErrors).toEqual([]);
    expect(await deliveredFor(orderNumber)).toEqual(['order.created', 'order.status_changed']);
    expect(await sourcesOf(id)).toEqual([
      ['MUTATION', 'created'],
      ['MUTATION', 'paid'],
    ]);
  });

  it('tells it once even when the delivery arrives before the gateway has journaled its own answer', async () => {
    const { id, orderNumber } = await place();
    await deliveredFor(orderNumber);
    // PleasureStock applies the change and sends its webhook at once, but answers the call late.
    gateway.sandboxes.pleasurestock.faults.set([{ kind: 'latencyAfterWrite', ms: 400, operations: ['updateOrderStatus'], times: 1 }]);
    const deliveries = () => gateway.sandboxes.pleasurestock.webhooks.deliveries.filter((d) => d.body.includes(orderNumber) && d.state === 'delivered').length;
    const before = deliveries();
    const update = gateway.query<{ updateOrderStatus: { userErrors: unknown[] } }>(UPDATE, { input: { orderId: id, status: 'PAID' } });
    await eventually(async () => deliveries(), (n) => n > before, 2_000);
    expect((await update).data!.updateOrderStatus.userErrors).toEqual([]);
    expect(await deliveredFor(orderNumber)).toEqual(['order.created', 'order.status_changed']);
    expect(await sourcesOf(id)).toEqual([
      ['MUTATION', 'created'],
      ['MUTATION', 'paid'],
    ]);
  });

  it('tells a cancellation the gateway made once, though PleasureStock sends order.status_changed and order.cancelled for it', async () => {
    const { id, orderNumber } = await place();
    await gateway.query(CANCEL, { input: { orderId: id, reason: 'changed my mind' } });
    expect(await deliveredFor(orderNumber)).toEqual(['order.created', 'order.status_changed', 'order.cancelled']);
    expect(await sourcesOf(id)).toEqual([
      ['MUTATION', 'created'],
      ['MUTATION', 'cancelled'],
    ]);
  });

  it('records a validly signed delivery once and answers its repeat 200 with no second event', async () => {
    const at = freshTime();
    const body = statusChanged(placed.orderNumber, at, 'paid', 'on_the_way', 'handed to DHL');
    const first = await deliver(hookUrl, body, { secret });
    expect(first).toMatchObject({ status: 200, json: { received: true, duplicate: false } });
    const again = await deliver(hookUrl, body, { secret });
    expect(again).toMatchObject({ status: 200, json: { received: true, duplicate: true } });
    expect(await webhookEventsAt(placed.id, at)).toEqual([
      { status: 'SHIPPED', supplierStatus: 'on_the_way', previousSupplierStatus: 'paid', source: 'WEBHOOK', occurredAt: at, comment: 'handed to DHL' },
    ]);
  });

  it('refuses a bad signature with 401, records nothing and never echoes the secret', async () => {
    const at = freshTime();
    const answer = await deliver(hookUrl, statusChanged(placed.orderNumber, at), { secret: 'whsec_not_the_one' });
    expect(answer).toMatchObject({ status: 401, json: { error: { code: 'INVALID_SIGNATURE' } } });
    expect(answer.text).not.toContain(secret);
    const unsigned = await deliver(hookUrl, statusChanged(placed.orderNumber, at), { secret, signature: 'sha1=abc' });
    expect(unsigned).toMatchObject({ status: 401, json: { error: { code: 'INVALID_SIGNATURE' } } });
    expect(await webhookEventsAt(placed.id, at)).toEqual([]);
  });

  it('refuses a delivery signed 6 minutes ago and records nothing', async () => {
    const at = freshTime();
    const answer = await deliver(hookUrl, statusChanged(placed.orderNumber, at), { secret, timestamp: seconds(Date.now() - 6 * 60_000) });
    expect(answer).toMatchObject({ status: 401, json: { error: { code: 'STALE_TIMESTAMP' } } });
    expect(await webhookEventsAt(placed.id, at)).toEqual([]);
  });

  it('refuses a changed body under the old signature with 401', async () => {
    const at = freshTime();
    const original = statusChanged(placed.orderNumber, at, 'paid', 'on_the_way');
    const changed = statusChanged(placed.orderNumber, at, 'paid', 'delivered');
    const answer = await deliver(hookUrl, changed, { secret, signedBody: original });
    expect(answer).toMatchObject({ status: 401, json: { error: { code: 'INVALID_SIGNATURE' } } });
    expect(await webhookEventsAt(placed.id, at)).toEqual([]);
  });

  it('answers 400 to malformed JSON, a bad timestamp header and a payload missing its order, however well signed', async () => {
    expect(await deliver(hookUrl, '{"event": "order.status_changed", ', { secret })).toMatchObject({ status: 400, json: { error: { code: 'MALFORMED_JSON' } } });
    expect(await deliver(hookUrl, statusChanged(placed.orderNumber, freshTime()), { secret, timestamp: 'yesterday' })).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_TIMESTAMP' } },
    });
    const noOrder = JSON.stringify({ event: 'order.status_changed', timestamp: freshTime(), data: { oldStatus: 'paid', newStatus: 'on_the_way' } });
    const invalid = await deliver(hookUrl, noOrder, { secret });
    expect(invalid).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PAYLOAD' } } });
    expect((invalid.json.error as { details: string[] }).details).toEqual(expect.arrayContaining([expect.stringContaining('data.orderNumber')]));
  });

  it('acknowledges an unknown event type with 200 and records nothing, so PleasureStock does not retry it', async () => {
    const at = freshTime();
    const body = JSON.stringify({ event: 'order.refunded', timestamp: at, data: { orderNumber: placed.orderNumber, refundedAt: at } });
    const answer = await deliver(hookUrl, body, { secret });
    expect(answer).toMatchObject({ status: 200, json: { received: true, ignored: expect.stringContaining('order.refunded') } });
    expect(await webhookEventsAt(placed.id, at)).toEqual([]);
  });
});

describe('POST /webhooks/pleasurestock over the store alone', () => {
  const SECRET = 'whsec_e2e_only';
  const start = Date.parse('2030-06-01T12:00:00.000Z');
  let clock = start;
  let store: Store;
  let gateway: Gateway;
  let hookUrl: string;

  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory' });
    const orders = { suppliers: new SupplierRegistry([]), store, owner: 'webhooks-test', leaseMs: 15_000, now: () => clock };
    gateway = await createGateway({ orders, logError: () => {}, webhooks: { pleasurestock: { secret: SECRET } } });
    hookUrl = new URL('/webhooks/pleasurestock', await gateway.listen(0)).href;
  });
  afterAll(async () => {
    await gateway.close();
    await store.close();
  });

  const journalOf = async (orderNumber: string) => (await store.journal.getMany('pleasurestock', [orderNumber]))[0]!;
  const eventsOf = async (orderNumber: string) => (await store.events.forOrders([{ supplier: 'pleasurestock', supplierOrderId: orderNumber }]))[0]!;
  const placeInJournal = (orderNumber: string) =>
    store.journal.upsert({
      supplier: 'pleasurestock',
      supplierOrderId: orderNumber,
      scope: 'partner',
      status: 'AWAITING_PAYMENT',
      supplierStatus: 'created',
      order: journalOrder({ supplier: 'pleasurestock', supplierOrderId: orderNumber, status: 'AWAITING_PAYMENT', supplierStatus: 'created', lines: [], total: null }),
    });

  it('moves the journal of an order the gateway placed forward, never back', async () => {
    await placeInJournal('ORD-20300601-JRNL01');
    const timestamp = seconds(clock);
    const paid = statusChanged('ORD-20300601-JRNL01', '2030-06-01T11:59:00.000Z', 'created', 'paid');
    expect((await deliver(hookUrl, paid, { secret: SECRET, timestamp })).status).toBe(200);
    expect(await journalOf('ORD-20300601-JRNL01')).toMatchObject({ status: 'PAID', supplierStatus: 'paid', order: { status: 'PAID', supplierStatus: 'paid' } });
    // a late retry of an older change is recorded as an event but leaves the journal where it is
    const late = statusChanged('ORD-20300601-JRNL01', '2030-06-01T11:58:00.000Z', 'created', 'part_paid');
    expect((await deliver(hookUrl, late, { secret: SECRET, timestamp })).status).toBe(200);
    expect(await journalOf('ORD-20300601-JRNL01')).toMatchObject({ status: 'PAID', supplierStatus: 'paid' });
    expect((await eventsOf('ORD-20300601-JRNL01')).map((e) => `${e.source}:${e.supplierStatus}`)).toEqual(['WEBHOOK:part_paid', 'WEBHOOK:paid']);
  });

  it('records an order it did not place as an event only, and a cancellation told twice once', async () => {
    const at = '2030-06-01T11:59:30.000Z';
    const timestamp = seconds(clock);
    await deliver(hookUrl, statusChanged('ORD-20300601-ELSE01', at, 'paid', 'cancelled'), { secret: SECRET, timestamp });
    const second = await deliver(hookUrl, cancelled('ORD-20300601-ELSE01', at, 'paid'), { secret: SECRET, timestamp });
    expect(second.json).toMatchObject({ received: true, duplicate: true });
    expect(await eventsOf('ORD-20300601-ELSE01')).toEqual([
      expect.objectContaining({ status: 'CANCELLED', supplierStatus: 'cancelled', previousSupplierStatus: 'paid', source: 'WEBHOOK' }),
    ]);
    expect(await store.journal.getMany('pleasurestock', ['ORD-20300601-ELSE01'])).toEqual([null]);
  });

  it("measures the 5-minute window on the gateway's clock, both ways", async () => {
    const body = (n: number) => statusChanged(`ORD-20300601-CLCK0${n}`, '2030-06-01T11:00:00.000Z');
    expect((await deliver(hookUrl, body(1), { secret: SECRET, timestamp: seconds(clock - 4 * 60_000) })).status).toBe(200);
    expect((await deliver(hookUrl, body(2), { secret: SECRET, timestamp: seconds(clock + 4 * 60_000) })).status).toBe(200);
    expect((await deliver(hookUrl, body(3), { secret: SECRET, timestamp: seconds(clock + 6 * 60_000) })).status).toBe(401);
    clock = start + 10 * 60_000;
    expect((await deliver(hookUrl, body(4), { secret: SECRET, timestamp: seconds(start) })).status).toBe(401);
    clock = start;
    expect(await eventsOf('ORD-20300601-CLCK03')).toEqual([]);
  });

  it('has no route when no secret is configured', async () => {
    const bare = await createGateway({
      orders: { suppliers: new SupplierRegistry([]), store, owner: 'webhooks-test-bare', leaseMs: 15_000, now: Date.now },
      logError: () => {},
    });
    const url = new URL('/webhooks/pleasurestock', await bare.listen(0)).href;
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
