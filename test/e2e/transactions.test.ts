import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess } from '../../bench/gateway-process.ts';
import { placementToken } from '../../src/orders/tokens.ts';
import { LIVE_TEST_ADMIN_KEY } from '../../src/sandbox/live-environment.ts';
import { toJsonb } from '../../src/store/json.ts';
import { openStore } from '../../src/store/open.ts';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { postGraphQL, startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';
import { eventually } from '../support/eventually.ts';

/** Long enough that a transaction stays open until a test moves the sandboxes' clock past it. */
const DELAY_MS = 600_000;
/** The follower's documented schedule: the wait after the n-th poll of one transaction. */
const backoffAfter = (polls: number) => Math.min(250 * 2 ** polls, 10_000);

interface Placed {
  createOrder: {
    orders: { id: string; supplier: { code: string }; supplierOrderId: string }[];
    transactions: { id: string; status: string }[];
    userErrors: { code: string; message: string }[];
  };
}
interface TransactionNode {
  node: { status: string; errors: { index: number | null; message: string }[]; orders: { id: string; supplierOrderId: string }[] };
}
const TRANSACTION = 'query ($id: ID!) { node(id: $id) { ... on Transaction { status errors { index message } orders { id supplierOrderId } } } }';

describe('the gateway follows Cenports transactions', () => {
  let gateway: SandboxedGateway;
  // The sandboxes' clock runs this far ahead of the wall clock: moving it settles transactions.
  let shiftMs = 0;
  const getTransactionCalls = () => gateway.sandboxes.cenports.stats.count('getTransaction');

  beforeAll(async () => {
    gateway = await startSandboxedGateway({ sandbox: { transactionDelayMs: DELAY_MS, now: () => Date.now() + shiftMs } });
  });
  afterAll(() => gateway.close());

  it('polls a PROCESSING transaction further and further apart, on the documented schedule', async () => {
    const placed = await gateway.query<Placed>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENPORTS']) });
    expect(placed.data!.createOrder.transactions).toHaveLength(1);
    shiftMs += DELAY_MS / 2; // half-way: the supplier now says PROCESSING, and will for minutes

    // When each poll reaches the supplier, sampled finely; nothing else reads the transaction meanwhile.
    const seen: number[] = [];
    let count = getTransactionCalls();
    const started = Date.now();
    while (Date.now() - started < 8_000) {
      const now = getTransactionCalls();
      for (; count < now; count++) seen.push(Date.now());
      await sleep(10);
    }
    const gaps = seen.slice(1).map((at, i) => at - seen[i]!);
    // Every poll came at least its backoff after the one before (a loaded machine only adds delay)…
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(backoffAfter(i + 1) - 50));
    // …so they spread out: the last gap is several times the first, and a fixed-rate follower
    // (its store tick is 200 ms) would have polled about 40 times in this window, not a handful.
    expect(gaps.at(-1)! / gaps[0]!).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(7);
  }, 30_000);

  it('lets a partner that reads COMPLETED act on its order at once, before the follower\'s next poll', async () => {
    const placed = await gateway.query<Placed>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENPORTS'], freshKey('partner')) }, 'sg_test_partner');
    const transaction = placed.data!.createOrder.transactions[0]!;
    // Four polls in (three, if an older open transaction was polled meanwhile), the follower's
    // next one is seconds away: the reads below come well before it.
    const before = getTransactionCalls();
    await eventually(async () => getTransactionCalls() - before, (polls) => polls >= 4, 10_000);
    shiftMs += DELAY_MS;

    const read = await gateway.query<TransactionNode>(TRANSACTION, { id: transaction.id }, 'sg_test_partner');
    expect(read.data!.node.status).toBe('COMPLETED');
    const [order] = read.data!.node.orders;
    // Its own order at once: Cenports cancels nothing, so the answer is UNSUPPORTED_BY_SUPPLIER,
    // where an order not (yet) known as the partner's would be NOT_FOUND.
    const cancel = await gateway.query<{ cancelOrder: { userErrors: { code: string }[] } }>(
      'mutation ($id: ID!) { cancelOrder(input: { orderId: $id }) { userErrors { code } } }',
      { id: order!.id },
      'sg_test_partner',
    );
    expect(cancel.data!.cancelOrder.userErrors).toEqual([{ code: 'UNSUPPORTED_BY_SUPPLIER' }]);
  }, 30_000);

  it('brings a FAILED transaction\'s per-item errors through GraphQL as Cenports reported them', async () => {
    // Cenports keeps the customer order number (the client's externalReference) unique per
    // channel: a second cart with another key and the same reference fails when it is processed.
    const first = cart(gateway.sandboxes, ['CENPORTS']);
    const second = { ...cart(gateway.sandboxes, ['CENPORTS']), externalReference: first.externalReference };
    const accepted = await gateway.query<Placed>(CREATE_ORDER, { input: first });
    const refused = await gateway.query<Placed>(CREATE_ORDER, { input: second });
    expect(accepted.data!.createOrder.transactions).toHaveLength(1);
    const transaction = refused.data!.createOrder.transactions[0]!;
    expect(['PENDING', 'PROCESSING']).toContain(transaction.status);
    shiftMs += DELAY_MS; // both are due now, and are processed in the order they came

    const read = await eventually(
      async () => (await gateway.query<TransactionNode>(TRANSACTION, { id: transaction.id })).data!.node,
      (node) => node.status === 'FAILED' || node.status === 'COMPLETED',
      10_000,
    );
    const token = placementToken('sandbox-admin', second.idempotencyKey, 'cenports');
    const atSupplier = gateway.sandboxes.cenports.state.transactions.all().find((t) => t.outcome?.errors.some((e) => e.message.includes(token)));
    expect(atSupplier?.outcome?.status).toBe('FAILED');
    expect(read.status).toBe('FAILED');
    expect(read.errors).toEqual(atSupplier!.outcome!.errors.map((e) => ({ index: e.index, message: e.message })));
    expect(read.errors).toEqual([{ index: 0, message: expect.stringContaining(`customer order number ${first.externalReference} of order ${token}`) }]);
    expect(read.orders).toEqual([]);
    expect(gateway.sandboxes.cenports.state.ordersNumbered(token)).toEqual([]);
  }, 30_000);

  it('names the transaction that created an order as the order\'s transaction, and none for an order placed elsewhere', async () => {
    const placed = await gateway.query<Placed>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENPORTS']) });
    const transaction = placed.data!.createOrder.transactions[0]!;
    shiftMs += DELAY_MS;
    const completed = await eventually(
      async () => (await gateway.query<TransactionNode>(TRANSACTION, { id: transaction.id })).data!.node,
      (node) => node.status === 'COMPLETED' && node.orders.length === 1,
      10_000,
    );
    const ORDER_TRANSACTION = 'query ($id: ID!) { node(id: $id) { ... on Order { transaction { id status } } } }';
    type OrderNode = { node: { transaction: { id: string; status: string } | null } };
    // Known once the follower has journaled the order, on its next poll.
    const read = await eventually(
      async () => (await gateway.query<OrderNode>(ORDER_TRANSACTION, { id: completed.orders[0]!.id })).data!.node,
      (node) => node.transaction !== null,
      10_000,
    );
    expect(read.transaction).toEqual({ id: transaction.id, status: 'COMPLETED' });

    const seeded = gateway.sandboxes.cenports.state.orders.find((o) => o.channelId === gateway.sandboxes.cenports.credentials.channelId)!;
    const elsewhere = await gateway.query<OrderNode>(ORDER_TRANSACTION, { id: Buffer.from(`Order:cenports:${seeded.orderNo}`).toString('base64url') });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data!.node).toEqual({ transaction: null });
  }, 30_000);

  it('is picked up by a restarted gateway on the same store, which journals the order as its partner\'s', async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const keys = { a: 'partner-a-key', b: 'partner-b-key' };
    const dataDir = mkdtempSync(join(tmpdir(), 'supplygraph-follow-'));
    const env = {
      SUPPLYGRAPH_DATA_DIR: dataDir,
      SUPPLYGRAPH_API_KEYS: `live-test-admin:admin:${sha256(LIVE_TEST_ADMIN_KEY)},partner-a:partner:${sha256(keys.a)},partner-b:partner:${sha256(keys.b)}`,
    };
    const post = async <T>(url: string, key: string, query: string, variables: Record<string, unknown>) =>
      (await postGraphQL<T>(url, query, variables, key)).data as T;

    const inputA = cart(gateway.sandboxes, ['CENPORTS', 'ORDERSAPI'], freshKey('partner-a'));
    const inputB = cart(gateway.sandboxes, ['CENPORTS'], freshKey('partner-b'));
    const first = await startGatewayProcess(gateway.sandboxes, { env });
    let placedA: Placed;
    let placedB: Placed;
    try {
      placedA = await post<Placed>(first.url, keys.a, CREATE_ORDER, { input: inputA });
      placedB = await post<Placed>(first.url, keys.b, CREATE_ORDER, { input: inputB });
      expect(placedA.createOrder.transactions).toHaveLength(1);
      expect(placedB.createOrder.transactions).toHaveLength(1);
      shiftMs += DELAY_MS / 2;
      // Killed while following them: once it has polled them PROCESSING and recorded when to poll next.
      const polled = getTransactionCalls();
      await eventually(async () => getTransactionCalls(), (calls) => calls >= polled + 2, 10_000);
      await sleep(200);
    } finally {
      await first.kill();
    }

    const second = await startGatewayProcess(gateway.sandboxes, { env });
    try {
      shiftMs += DELAY_MS;
      const read = (id: string) => post<TransactionNode>(second.url, LIVE_TEST_ADMIN_KEY, TRANSACTION, { id });
      const done = (t: TransactionNode) => t.node.status === 'COMPLETED' && t.node.orders.length === 1;
      const a = await eventually(() => read(placedA.createOrder.transactions[0]!.id), done, 40_000);
      const b = await eventually(() => read(placedB.createOrder.transactions[0]!.id), done, 10_000);
      expect(a.node).toMatchObject({ status: 'COMPLETED', errors: [], orders: [{ supplierOrderId: placementToken('partner-a', inputA.idempotencyKey, 'cenports') }] });
      expect(b.node.status).toBe('COMPLETED');

      // GraphQL reads an open transaction live from Cenports; the journal follows on the follower's
      // next poll, which records the order's first status as an event.
      const journaled = (id: string) =>
        eventually(
          () => post<{ node: { events: { source: string }[] } }>(second.url, LIVE_TEST_ADMIN_KEY, 'query ($id: ID!) { node(id: $id) { ... on Order { events { source } } } }', { id }),
          (order) => order.node.events.length > 0,
          20_000,
        );
      expect((await journaled(a.node.orders[0]!.id)).node.events).toEqual([{ source: 'MUTATION' }]);
      expect((await journaled(b.node.orders[0]!.id)).node.events).toEqual([{ source: 'MUTATION' }]);

      // Partner A owns its Cenports order (Cenports cannot cancel, so it gets that far) and not B's.
      const cancel = (id: string) =>
        post<{ cancelOrder: { userErrors: { code: string }[] } }>(second.url, keys.a, 'mutation ($id: ID!) { cancelOrder(input: { orderId: $id }) { userErrors { code } } }', { id });
      expect((await cancel(a.node.orders[0]!.id)).cancelOrder.userErrors).toEqual([{ code: 'UNSUPPORTED_BY_SUPPLIER' }]);
      expect((await cancel(b.node.orders[0]!.id)).cancelOrder.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    } finally {
      await second.stop();
    }

    // The journal kept each order with the request sent and the supplier's answer.
    const store = await openStore({ dataDir });
    try {
      const tokenA = placementToken('partner-a', inputA.idempotencyKey, 'cenports');
      const [cenports] = await store.journal.getMany('cenports', [tokenA]);
      expect(cenports).toMatchObject({
        scope: 'partner-a',
        request: { token: tokenA, externalReference: inputA.externalReference },
        response: { via: 'transaction', answer: { handle: expect.any(String) }, transaction: { status: 'COMPLETED' } },
      });
      const ordersapiId = placedA.createOrder.orders.find((o) => o.supplier.code === 'ORDERSAPI')!.supplierOrderId;
      const [ordersapi] = await store.journal.getMany('ordersapi', [ordersapiId]);
      const tokenO = placementToken('partner-a', inputA.idempotencyKey, 'ordersapi');
      expect(ordersapi).toMatchObject({ scope: 'partner-a', request: { token: tokenO }, response: { via: 'createOrder', answer: { customer_reference: tokenO } } });
      expect(toJsonb([cenports, ordersapi])).not.toMatch(/secret|api[_-]?key|authorization|bearer/i);
    } finally {
      await store.close();
    }
  }, 120_000);
});
