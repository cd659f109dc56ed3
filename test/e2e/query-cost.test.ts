import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { postGraphQL, startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}
interface Answer {
  status: number;
  retryAfter: string | null;
  data?: Record<string, unknown>;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  cost: Cost;
}

/** POSTs like a client and keeps what the cost model reports: extensions.cost and Retry-After. */
async function ask(gateway: SandboxedGateway, query: string, key = 'sg_test_admin', variables?: Record<string, unknown>): Promise<Answer> {
  const { headers, ...answer } = await postGraphQL(gateway.url, query, variables, key);
  return { ...(answer as Omit<Answer, 'retryAfter' | 'cost'>), retryAfter: headers.get('retry-after'), cost: answer.extensions?.cost as Cost };
}

describe('query cost, charged to a per-key budget', () => {
  // A small budget, 20 points a second: slow enough that a loaded machine's pauses barely refill it.
  const budget = { maxQueryCost: 100, bucketSize: 200, restorePerSecond: 20 };
  // 97 points each: two take a full bucket to a few points, which then need seconds to hold 97 again.
  const PRODUCTS = '{ products(first: 95, filter: { suppliers: [PLEASURESTOCK] }) { nodes { id } } }';
  const CENPORTS_ORDERS = '{ orders(first: 95, filter: { suppliers: [CENPORTS] }) { nodes { id } } }';
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway({ cost: budget });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('reports the requested cost from first and the actual cost from the nodes returned', async () => {
    const placed = await ask(gateway, CREATE_ORDER, 'sg_test_admin', { input: cart(gateway.sandboxes, ['CENTRE']) });
    expect(placed.errors).toBeUndefined();
    expect(placed.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
    const listed = await ask(gateway, '{ orders(first: 10, filter: { suppliers: [CENTRE] }) { nodes { id supplier { code } } pageInfo { hasNextPage } } }');
    expect(listed.errors).toBeUndefined();
    expect((listed.data!.orders as { nodes: unknown[] }).nodes).toHaveLength(1);
    // 2 for the connection, then per order 1 and 1 for its supplier: 10 asked for, 1 returned
    expect(listed.cost).toMatchObject({ requestedQueryCost: 2 + 10 * 2, actualQueryCost: 2 + 1 * 2 });
    expect(listed.cost.throttleStatus).toMatchObject({ maximumAvailable: 200, restoreRate: 20 });
  });

  it('refuses a query above the per-query limit before anything runs, naming its cost and the limit', async () => {
    const answer = await ask(gateway, '{ orders(first: 50) { nodes { id supplier { code } } } }');
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.message).toMatch(/\b102\b.*\b100\b/);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', cost: 102, maxCost: 100, retryable: false });
    expect(answer.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 0 });
    expect(Object.values(gateway.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('charges nothing for an operation the caller’s role may not send', async () => {
    const before = (await ask(gateway, '{ __typename }', 'sg_test_reader')).cost.throttleStatus.currentlyAvailable;
    const answer = await ask(gateway, 'mutation { cancelOrder(input: { orderId: "x" }) { userErrors { code } } }', 'sg_test_reader');
    expect(answer.errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect(answer.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 0 });
    expect(answer.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(before);
  });

  it('throttles a key whose budget is spent, without running the query, and lets it run again after the hint', async () => {
    let answer = await ask(gateway, PRODUCTS);
    expect(answer.cost).toMatchObject({ requestedQueryCost: 97, actualQueryCost: 97 });
    for (let i = 0; i < 10 && answer.status === 200; i++) answer = await ask(gateway, PRODUCTS);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'THROTTLED', retryable: true });

    gateway.resetSandboxes();
    const throttled = await ask(gateway, CENPORTS_ORDERS);
    expect(throttled.status).toBe(429);
    expect(throttled.data).toBeUndefined();
    const retryAfterMs = throttled.errors![0]!.extensions.retryAfterMs as number;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual((97 / budget.restorePerSecond) * 1000);
    expect(Number(throttled.retryAfter)).toBe(Math.ceil(retryAfterMs / 1000));
    expect(throttled.cost).toMatchObject({ requestedQueryCost: 97, actualQueryCost: 0 });
    expect(throttled.cost.throttleStatus.currentlyAvailable).toBeLessThan(97);
    expect(gateway.sandboxes.cenports.stats.count()).toBe(0);

    // Another key has a bucket of its own.
    const reader = await ask(gateway, CENPORTS_ORDERS, 'sg_test_reader');
    expect(reader.errors).toBeUndefined();
    expect(reader.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(budget.bucketSize - 97);

    await sleep(retryAfterMs + 100);
    const again = await ask(gateway, CENPORTS_ORDERS);
    expect(again.errors).toBeUndefined();
    const returned = (again.data!.orders as { nodes: unknown[] }).nodes.length;
    expect(returned).toBeGreaterThan(0);
    expect(again.cost).toMatchObject({ requestedQueryCost: 97, actualQueryCost: 2 + returned });
  });

  it('refunds what a query asked for beyond what it returned', async () => {
    // 90 asked for, none returned.
    const first = await ask(gateway, '{ suppliers { code } }', 'sg_test_partner');
    const started = performance.now();
    const answer = await ask(gateway, '{ orders(first: 90, filter: { suppliers: [CENTRE], externalReference: "no-such-reference" }) { nodes { id } } }', 'sg_test_partner');
    const drift = Math.ceil(((performance.now() - started) / 1000) * budget.restorePerSecond) + 2;
    expect(answer.errors).toBeUndefined();
    expect(answer.cost).toMatchObject({ requestedQueryCost: 92, actualQueryCost: 2 });
    const before = first.cost.throttleStatus.currentlyAvailable;
    const after = answer.cost.throttleStatus.currentlyAvailable;
    expect(after).toBeGreaterThanOrEqual(before - 2 - 1);
    expect(after).toBeLessThanOrEqual(Math.min(budget.bucketSize, before - 2 + drift));
  });
});
