import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CENTRE_ORDER_STATUSES,
  CENTRE_SEED_REFERENCE_MS,
  startCentreSandbox,
  type CentreSandbox,
} from '../../src/sandbox/centre/index.ts';
import { Contract, call } from '../support/contract.ts';
import { listOrders, orderBody, postOrder } from './centre-support.ts';

const DAY_MS = 86_400_000;
let contract: Contract;
let sandbox: CentreSandbox;

beforeAll(async () => {
  contract = await Contract.load('centre');
  sandbox = await startCentreSandbox({ seed: 42 });
});
afterAll(async () => sandbox?.close());

async function placeOrder(): Promise<string> {
  const response = await postOrder(sandbox, contract, { body: orderBody() });
  expect(response.status).toBe(201);
  return (response.body as { data: { orderId: string } }).data.orderId;
}

function move(orderId: string, status: string) {
  return call(sandbox.url, 'POST', `/__sandbox/centre/orders/${orderId}/status`, { body: { status } });
}

describe('centre sandbox: order lifecycle (control route)', () => {
  it('moves a new order along the whole documented flow to REFUNDED', async () => {
    const orderId = await placeOrder();
    for (const status of ['PROCESSING', 'LABEL_CREATED', 'SHIPPED', 'DELIVERED', 'REFUNDED']) {
      const response = await move(orderId, status);
      expect(response.status).toBe(200);
      expect((response.body as { order: { status: string } }).order.status).toBe(status);
    }
    expect(sandbox.state.order(orderId)?.status).toBe('REFUNDED');
  });

  it('refuses to skip ahead from PENDING to SHIPPED and names the allowed moves', async () => {
    const orderId = await placeOrder();
    const response = await move(orderId, 'SHIPPED');
    expect(response.status).toBe(409);
    expect((response.body as { allowed: string[] }).allowed).toEqual(['PROCESSING', 'ON_HOLD', 'CANCELLED']);
    expect(sandbox.state.order(orderId)?.status).toBe('PENDING');
  });

  it('puts a shipped order on hold and resumes it, but refuses to cancel it', async () => {
    const orderId = await placeOrder();
    for (const status of ['PROCESSING', 'LABEL_CREATED', 'SHIPPED']) expect((await move(orderId, status)).status).toBe(200);
    expect((await move(orderId, 'CANCELLED')).status).toBe(409);
    expect((await move(orderId, 'ON_HOLD')).status).toBe(200);
    expect((await move(orderId, 'SHIPPED')).status).toBe(200);
  });

  it('refuses to hold or cancel a delivered order, and treats REFUNDED as final', async () => {
    const orderId = await placeOrder();
    for (const status of ['PROCESSING', 'LABEL_CREATED', 'SHIPPED', 'DELIVERED']) await move(orderId, status);
    expect((await move(orderId, 'ON_HOLD')).status).toBe(409);
    expect((await move(orderId, 'CANCELLED')).status).toBe(409);
    expect((await move(orderId, 'REFUNDED')).status).toBe(200);
    for (const status of CENTRE_ORDER_STATUSES) expect((await move(orderId, status)).status).toBe(409);
  });

  it('cancels a pending order and then refunds it', async () => {
    const orderId = await placeOrder();
    expect((await move(orderId, 'CANCELLED')).status).toBe(200);
    expect((await move(orderId, 'PROCESSING')).status).toBe(409);
    expect((await move(orderId, 'REFUNDED')).status).toBe(200);
  });

  it('answers 404 for an unknown order and 400 for an unknown status', async () => {
    expect((await move('clnosuchorder0000000000000', 'PROCESSING')).status).toBe(404);
    expect((await move(await placeOrder(), 'LOST')).status).toBe(400);
  });

  it('still answers a duplicate with the same ids after the order moved on', async () => {
    const body = orderBody();
    const created = (await postOrder(sandbox, contract, { body })).body as { data: { orderId: string; orderNumber: string } };
    await move(created.data.orderId, 'PROCESSING');
    const retry = await postOrder(sandbox, contract, { body });
    expect(retry.body).toMatchObject({ orderId: created.data.orderId, orderNumber: created.data.orderNumber });
  });
});

describe('centre sandbox: seeded history', () => {
  it('seeds 300 orders SEED-000001..SEED-000300 over the 180 days before the reference date', async () => {
    const seeded = (await listOrders(sandbox, { source: 'seed', limit: 1000 })).orders;
    expect(seeded).toHaveLength(300);
    expect(seeded[0]?.partnerOrderId).toBe('SEED-000001');
    expect(seeded[299]?.partnerOrderId).toBe('SEED-000300');
    for (const order of seeded) {
      const created = Date.parse(order.createdAt);
      expect(created).toBeLessThan(CENTRE_SEED_REFERENCE_MS);
      expect(created).toBeGreaterThanOrEqual(CENTRE_SEED_REFERENCE_MS - 180 * DAY_MS);
      expect(order.orderId).toMatch(/^cl[a-z0-9]{23}$/);
      expect(order.orderNumber).toMatch(new RegExp(`^ORD-${Math.floor(created / 1000)}-[A-Z0-9]{6}$`));
      expect(order.items.length).toBeGreaterThan(0);
    }
  });

  it('spreads the seeded orders over every status of the lifecycle', async () => {
    const seeded = (await listOrders(sandbox, { source: 'seed', limit: 1000 })).orders;
    expect(new Set(seeded.map((order) => order.status))).toEqual(new Set(CENTRE_ORDER_STATUSES));
  });

  it('serves the same first page for the same seed, and a different one for another seed', async () => {
    const twin = await startCentreSandbox({ seed: 42 });
    const other = await startCentreSandbox({ seed: 43 });
    try {
      const first = await listOrders(sandbox, { source: 'seed', limit: 20 });
      expect((await listOrders(twin, { source: 'seed', limit: 20 })).orders).toEqual(first.orders);
      expect((await listOrders(other, { source: 'seed', limit: 20 })).orders).not.toEqual(first.orders);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('pages the control listing with limit and offset, without gaps or overlaps', async () => {
    const whole = await listOrders(sandbox, { source: 'seed', limit: 100 });
    const pageOne = await listOrders(sandbox, { source: 'seed', limit: 50, offset: 0 });
    const pageTwo = await listOrders(sandbox, { source: 'seed', limit: 50, offset: 50 });
    expect(pageOne.total).toBe(300);
    expect([...pageOne.orders, ...pageTwo.orders].map((o) => o.orderId)).toEqual(whole.orders.map((o) => o.orderId));
  });

  it('exercised every documented operation', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
