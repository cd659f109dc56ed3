import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORDERSAPI_SANDBOX_CATALOG,
  ORDERSAPI_SANDBOX_CREDENTIALS,
  startOrdersapiSandbox,
  type OrdersapiSandbox,
} from '../../src/sandbox/ordersapi/index.ts';
import { call, Contract } from '../support/contract.ts';

// The simulator as a test double: seeded data, determinism, and faults a client must survive.
let contract: Contract;
const key = { 'x-api-key': ORDERSAPI_SANDBOX_CREDENTIALS.apiKey };
const started: OrdersapiSandbox[] = [];

async function start(options: Parameters<typeof startOrdersapiSandbox>[0] = {}) {
  const sandbox = await startOrdersapiSandbox({ rateLimitMode: { scale: 10 }, ...options });
  started.push(sandbox);
  return sandbox;
}

async function listOrders(sandbox: OrdersapiSandbox) {
  const response = await call(sandbox.baseUrl, 'GET', '/orders', { headers: key });
  contract.check('listOrders', response);
  return response as typeof response & { body: { count: number; items: { order_id: string; customer_reference: string | null; items: unknown[] }[] } };
}

beforeAll(async () => {
  contract = await Contract.load('ordersapi');
});
afterAll(async () => {
  await Promise.all(started.map((sandbox) => sandbox.close()));
});

describe('seeded data', () => {
  it('serves the same orders for the same seed and different ones for another seed', async () => {
    const [a, b, c] = await Promise.all([start({ seed: 7 }), start({ seed: 7 }), start({ seed: 8 })]);
    const [first, again, other] = await Promise.all([listOrders(a), listOrders(b), listOrders(c)]);
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it('seeds 250 orders of 1 to 4 items over the 180 days before the reference date, all created', async () => {
    const sandbox = await start();
    const { body } = await listOrders(sandbox);
    expect(body.count).toBe(250);
    expect(body.items.every((order) => order.items.length >= 1 && order.items.length <= 4)).toBe(true);
    const orders = sandbox.state.orders();
    expect(new Set(orders.map((order) => order.status))).toEqual(new Set(['created']));
    const times = orders.map((order) => Date.parse(order.createdAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-05-05T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse('2026-11-01T00:00:00Z'));
    expect(body.items[0]!.customer_reference).toMatch(/^CUST-\d{4}$/);
  });

  it('exports a catalog of 80 PRxxxxx products, some unavailable, led by the document example', () => {
    expect(ORDERSAPI_SANDBOX_CATALOG).toHaveLength(80);
    expect(ORDERSAPI_SANDBOX_CATALOG[0]).toEqual({ product_id: 'PR00001', sku: 'BR-4001', name: 'All Day IPA', priceCents: 1099, available: true, currency: 'USD' });
    expect(ORDERSAPI_SANDBOX_CATALOG.every((product) => /^PR\d{5}$/.test(product.product_id) && Number.isSafeInteger(product.priceCents))).toBe(true);
    expect(new Set(ORDERSAPI_SANDBOX_CATALOG.map((product) => product.sku)).size).toBe(80);
    expect(ORDERSAPI_SANDBOX_CATALOG.filter((product) => !product.available).length).toBeGreaterThanOrEqual(8);
  });
});

describe('faults', () => {
  it('applies the order when the connection resets after the write, and a lookup by reference finds exactly one', async () => {
    const sandbox = await start({ seededOrders: 0 });
    sandbox.faults.add({ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 });
    const body = { partner_name: 'RayTech Corp.', customer_reference: 'sg-token-reset', items: [{ product_id: 'PR00001', quantity: 2 }] };
    await expect(call(sandbox.baseUrl, 'POST', '/orders', { headers: key, body })).rejects.toThrow();
    const { body: list } = await listOrders(sandbox);
    const found = list.items.filter((order) => order.customer_reference === 'sg-token-reset');
    expect(found).toHaveLength(1);
    expect(sandbox.state.orders()).toHaveLength(1);
    // The lookup found it, so the client does not resend; the order stands exactly once.
    const read = await call(sandbox.baseUrl, 'GET', `/orders/${found[0]!.order_id}`, { headers: key });
    contract.check('getOrder', read);
    expect(read.body).toEqual(found[0]);
  });

  it('answers an injected 429 with Retry-After that the spec accepts', async () => {
    const sandbox = await start({ faults: [{ kind: 'rateLimit', retryAfterSeconds: 7, operations: ['getOrder'], times: 1 }] });
    const limited = await call(sandbox.baseUrl, 'GET', '/orders/OR00001', { headers: key });
    contract.check('getOrder', limited);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  it('counts the requests it served per operation and status', async () => {
    const sandbox = await start({ seededOrders: 1 });
    await call(sandbox.baseUrl, 'GET', '/orders/OR00001', { headers: key });
    await call(sandbox.baseUrl, 'GET', '/orders/OR00002', { headers: key });
    await call(sandbox.baseUrl, 'POST', '/orders', { headers: key, rawBody: 'not json' });
    expect(sandbox.stats.snapshot().byOperationStatus).toEqual({ getOrder: { 200: 1, 404: 1 }, createOrder: { 422: 1 } });
  });
});

describe('control routes', () => {
  it('answers 404 for an unknown product or order and 400 for a bad change', async () => {
    const sandbox = await start({ seededOrders: 0 });
    const patch = (path: string, method: string, body: unknown) =>
      fetch(`${sandbox.url}/__sandbox/ordersapi/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const statuses = [
      (await patch('products/PR99999', 'PATCH', { available: false })).status,
      (await patch('orders/OR00001/status', 'PUT', { status: 'shipped' })).status,
      (await patch('products/PR00001', 'PATCH', { priceCents: 12.5 })).status,
    ];
    expect(statuses).toEqual([404, 404, 400]);
    expect(sandbox.state.products()[0]!.priceCents).toBe(1099);
  });
});
