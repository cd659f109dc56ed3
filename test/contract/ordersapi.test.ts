import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ORDERSAPI_SANDBOX_CATALOG,
  ORDERSAPI_SANDBOX_CREDENTIALS,
  startOrdersapiSandbox,
  type OrdersapiSandbox,
} from '../../src/sandbox/ordersapi/index.ts';
import { call, Contract } from '../support/contract.ts';

// Every documented operation and error of the Orders API, each answer checked against the spec.
let sandbox: OrdersapiSandbox;
let contract: Contract;
const key = { 'x-api-key': ORDERSAPI_SANDBOX_CREDENTIALS.apiKey };
const unavailable = ORDERSAPI_SANDBOX_CATALOG.find((product) => !product.available)!;

async function send(operationId: string, method: string, path: string, init: Parameters<typeof call>[3] = {}) {
  const response = await call(sandbox.baseUrl, method, path, { ...init, headers: { ...key, ...init.headers } });
  contract.check(operationId, response);
  return response;
}

const order = (items: unknown, extra: Record<string, unknown> = {}) => ({
  partner_name: 'RayTech Corp.',
  customer_reference: 'CUST-1001',
  items,
  ...extra,
});

beforeAll(async () => {
  contract = await Contract.load('ordersapi');
  sandbox = await startOrdersapiSandbox({});
});
afterAll(() => sandbox.close());
// The documented-mode limit (60/min) stays on so rate-limit headers are checked on every answer.
beforeEach(() => sandbox.resetRateLimits());

describe('authentication', () => {
  it.each([
    ['createOrder', 'POST', '/orders'],
    ['listOrders', 'GET', '/orders'],
    ['getOrder', 'GET', '/orders/OR00001'],
  ])('%s answers 401 without an x-api-key and with a wrong one', async (operationId, method, path) => {
    const body = method === 'POST' ? order([{ product_id: 'PR00001', quantity: 1 }]) : undefined;
    const missing = await call(sandbox.baseUrl, method, path, { body });
    contract.check(operationId, missing);
    const empty = await send(operationId, method, path, { headers: { 'x-api-key': '' }, body });
    const wrong = await send(operationId, method, path, { headers: { 'x-api-key': 'not-the-key' }, body });
    for (const response of [missing, empty, wrong]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: 'Invalid or missing API key' });
    }
  });

  it('answers 401 before looking at an invalid body, and places nothing', async () => {
    const before = sandbox.state.orders().length;
    const response = await send('createOrder', 'POST', '/orders', { headers: { 'x-api-key': 'wrong' }, body: { items: 3 } });
    expect(response.status).toBe(401);
    expect(sandbox.state.orders()).toHaveLength(before);
  });
});

describe('createOrder', () => {
  it('creates the document example order with status created and the product copied in', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: order([{ product_id: 'PR00001', quantity: 1 }]) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      partner_name: 'RayTech Corp.',
      customer_reference: 'CUST-1001',
      status: 'created',
      total_amount: 10.99,
      currency: 'USD',
      items: [{ product_id: 'PR00001', sku: 'BR-4001', product_name: 'All Day IPA', quantity: 1, unit_price: 10.99, line_total: 10.99 }],
    });
    expect((response.body as { order_id: string }).order_id).toMatch(/^OR\d{5}$/);
  });

  it('answers 400 with the document message when items is empty', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: order([]) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: 'Order must contain at least one item.' });
  });

  it('answers 404 naming the product when a product_id is unknown', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: order([{ product_id: 'PR00000', quantity: 1 }]) });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Product not found: PR00000' });
  });

  it('answers 409 naming the product when it is not available', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: order([{ product_id: unavailable.product_id, quantity: 1 }]) });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ detail: `Product is not available: ${unavailable.product_id}` });
  });

  it('lets the first failing item decide between 404 and 409', async () => {
    const unknownFirst = await send('createOrder', 'POST', '/orders', {
      body: order([{ product_id: 'PR99999', quantity: 1 }, { product_id: unavailable.product_id, quantity: 1 }]),
    });
    const unavailableFirst = await send('createOrder', 'POST', '/orders', {
      body: order([{ product_id: unavailable.product_id, quantity: 1 }, { product_id: 'PR99999', quantity: 1 }]),
    });
    expect([unknownFirst.status, unavailableFirst.status]).toEqual([404, 409]);
  });
});

describe('createOrder schema violations answer 422 in FastAPI shape', () => {
  it('lists every missing field at once', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: {} });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        { loc: ['body', 'partner_name'], msg: 'Field required', type: 'missing' },
        { loc: ['body', 'items'], msg: 'Field required', type: 'missing' },
      ],
    });
  });

  it.each([
    [0, 'greater_than'],
    [-2, 'greater_than'],
    [1.5, 'int_from_float'],
    ['3', 'int_type'],
    [null, 'int_type'],
    [2_147_483_648, 'less_than_equal'],
  ])('refuses quantity %j with type %s', async (quantity, type) => {
    const response = await send('createOrder', 'POST', '/orders', { body: order([{ product_id: 'PR00001', quantity }]) });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: [{ loc: ['body', 'items', 0, 'quantity'], type, input: quantity }] });
  });

  it('refuses wrong types with their location', async () => {
    const response = await send('createOrder', 'POST', '/orders', {
      body: { partner_name: 7, customer_reference: 12, items: [{ product_id: 1, quantity: 1 }, 'PR00001'] },
    });
    expect(response.status).toBe(422);
    const detail = (response.body as { detail: { loc: unknown[]; type: string }[] }).detail;
    expect(detail.map((problem) => [problem.loc.join('.'), problem.type])).toEqual([
      ['body.partner_name', 'string_type'],
      ['body.customer_reference', 'string_type'],
      ['body.items.0.product_id', 'string_type'],
      ['body.items.1', 'model_attributes_type'],
    ]);
  });

  it('refuses items that is not a list', async () => {
    const response = await send('createOrder', 'POST', '/orders', { body: order('PR00001') });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: [{ loc: ['body', 'items'], type: 'list_type' }] });
  });

  it('refuses a missing body and a malformed one', async () => {
    const missing = await send('createOrder', 'POST', '/orders');
    const malformed = await send('createOrder', 'POST', '/orders', { rawBody: '{"partner_name": ' });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] });
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ detail: [{ type: 'json_invalid', msg: 'JSON decode error' }] });
  });
});

describe('reads', () => {
  it('getOrder returns a seeded order with its line items', async () => {
    const response = await send('getOrder', 'GET', '/orders/OR00001');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ order_id: 'OR00001', status: 'created', currency: 'USD' });
    expect((response.body as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(1);
  });

  it.each(['OR00000', 'OR99999', 'not-an-id'])('getOrder answers 404 with the id for %s', async (id) => {
    const response = await send('getOrder', 'GET', `/orders/${id}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: `Order not found: ${id}` });
  });

  it('listOrders returns every order and their count', async () => {
    const response = await send('listOrders', 'GET', '/orders');
    const body = response.body as { count: number; items: { order_id: string }[] };
    expect(response.status).toBe(200);
    expect(body.count).toBe(sandbox.state.orders().length);
    expect(body.items).toHaveLength(body.count);
  });
});

describe('rate limits and faults', () => {
  it('sends X-RateLimit headers that count down', async () => {
    const first = await send('listOrders', 'GET', '/orders');
    const second = await send('getOrder', 'GET', '/orders/OR00002');
    expect(first.headers.get('x-ratelimit-limit')).toBe('60');
    expect(Number(first.headers.get('x-ratelimit-remaining')) - Number(second.headers.get('x-ratelimit-remaining'))).toBe(1);
  });

  it('answers 429 with Retry-After once the scaled limit is spent', async () => {
    const limited = await startOrdersapiSandbox({ rateLimitMode: { scale: 0.05 }, seededOrders: 0 });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await call(limited.baseUrl, 'GET', '/orders', { headers: key });
        contract.check('listOrders', last);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(last!.body).toEqual({ detail: 'Rate limit exceeded' });
    } finally {
      await limited.close();
    }
  });

  it('answers an injected supplier failure in its documented 5XX shape', async () => {
    sandbox.faults.add({ kind: 'error', status: 503, operations: ['getOrder'], times: 1 });
    const failed = await send('getOrder', 'GET', '/orders/OR00001');
    const recovered = await send('getOrder', 'GET', '/orders/OR00001');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ detail: 'Injected fault' });
    expect(recovered.status).toBe(200);
  });
});

it('exercises every operation in the spec', () => {
  expect(contract.unexercised()).toEqual([]);
});
