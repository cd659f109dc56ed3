import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSpan } from '../../src/sandbox/kit/stats.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

/** Long against the gateway's own work, so whether two calls overlapped is plain from their spans. */
const LATENCY_MS = 150;

describe('round trips to a supplier that sends shipments apart from orders (Cenports)', () => {
  let gateway: SandboxedGateway;
  let orderId: string;
  const cenports = () => gateway.sandboxes.cenports;
  const span = (operation: string): RequestSpan => {
    const spans = cenports().stats.spans().filter((s) => s.operationId === operation);
    expect(spans, operation).toHaveLength(1);
    return spans[0]!;
  };

  beforeAll(async () => {
    gateway = await startSandboxedGateway();
    const order = cenports().state.orders.find((o) => o.channelId === cenports().credentials.channelId)!;
    orderId = Buffer.from(`Order:cenports:${order.orderNo}`).toString('base64url');
  });
  afterAll(() => gateway.close());
  beforeEach(async () => {
    // Past the few seconds Cenports' orders are cached for, so every query below reads afresh.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    gateway.resetSandboxes();
    cenports().faults.set([{ kind: 'latency', ms: LATENCY_MS }]);
  });

  it('asks for an order by id and its shipments together, not one after the other', async () => {
    const answer = await gateway.query<{ node: { shipments: unknown[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Order { status shipments { status } } } }',
      { id: orderId },
    );
    expect(answer.errors).toBeUndefined();
    expect(span('getShipments').startMs).toBeLessThan(span('getOrders').endMs);
  });

  it('does not ask for shipments a query leaves out', async () => {
    const answer = await gateway.query('query ($id: ID!) { node(id: $id) { ... on Order { status } } }', { id: orderId });
    expect(answer.errors).toBeUndefined();
    expect(cenports().stats.count('getShipments')).toBe(0);
    const page = await gateway.query('{ orders(first: 20, filter: { suppliers: [CENPORTS] }) { nodes { status } } }');
    expect(page.errors).toBeUndefined();
    expect(cenports().stats.count('getShipments')).toBe(0);
  });

  it('asks for a page\'s shipments in one call after the page, asked for through a fragment too', async () => {
    const answer = await gateway.query<{ orders: { edges: { node: { shipments: unknown[] } }[] } }>(
      '{ orders(first: 20, filter: { suppliers: [CENPORTS] }) { edges { node { ...Shipped } } } } fragment Shipped on Order { shipments { status } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.orders.edges).toHaveLength(20);
    expect(span('getShipments').startMs).toBeGreaterThanOrEqual(span('getOrders').endMs);
  });
});
