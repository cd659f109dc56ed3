import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { Contract } from '../support/contract.ts';
import { psClient, type ErrorBody } from './pleasurestock-support.ts';

// Every operation of openapi/pleasurestock.yaml and every error the supplier documents, each
// answer checked against the spec.
let sandbox: PleasurestockSandbox;
let limited: PleasurestockSandbox;
let contract: Contract;
let api: ReturnType<typeof psClient>;

beforeAll(async () => {
  contract = await Contract.load('pleasurestock');
  sandbox = await startPleasurestockSandbox({ seed: 1 });
  limited = await startPleasurestockSandbox({ seed: 1, rateLimitMode: { scale: 0.05 } });
  api = psClient(sandbox, contract);
});
afterAll(async () => {
  await sandbox?.close();
  await limited?.close();
});

const error = (body: unknown) => body as ErrorBody;
const pricedProduct = () => sandbox.state.products.find((p) => p.priceCents !== null)!;

describe('pleasurestock authentication', () => {
  it('answers 401 when the X-API-Key header is missing', async () => {
    const res = await api.send('getProducts', 'GET', '/products');
    expect(res.status).toBe(401);
    expect(error(res.body)).toMatchObject({ success: false, error: 'Unauthorized' });
  });

  it('answers 401 for an unknown key and for a live key in the sandbox', async () => {
    for (const key of ['pk_test_nope', 'pk_live_your_api_key_here']) {
      const res = await api.send('getProduct', 'GET', `/products/${pricedProduct().internalId}`, { headers: { 'x-api-key': key } });
      expect(res.status).toBe(401);
    }
  });

  it('answers 401 on a standard endpoint when the key comes as a Bearer token', async () => {
    const res = await api.send('convertToTry', 'GET', '/currency/convert-to-try', {
      query: { amount: 1, currency: 'EUR' },
      headers: { authorization: `Bearer ${sandbox.credentials.apiKey}` },
    });
    expect(res.status).toBe(401);
  });

  it('answers 401 on an external endpoint when the key comes in X-API-Key', async () => {
    const res = await api.send('listOrders', 'GET', '/external/orders', { headers: { 'x-api-key': sandbox.credentials.apiKey } });
    expect(res.status).toBe(401);
    expect(error(res.body).message).toContain('Bearer');
  });

  it('answers 401 on every remaining operation without a key', async () => {
    const order = sandbox.state.orders[0]!.orderNumber;
    const calls: [string, string, string, unknown?][] = [
      ['submitSales', 'POST', '/sales', { sales: [] }],
      ['getSmartReordering', 'GET', '/smart-reordering'],
      ['submitSmartReorder', 'POST', '/external/smart-reorder', { products: [] }],
      ['createOrder', 'POST', '/external/orders', { items: [] }],
      ['getOrder', 'GET', `/external/orders/${order}`],
      ['updateOrderStatus', 'PUT', `/external/orders/${order}/status`, { status: 'paid' }],
      ['registerWebhook', 'POST', '/external/webhook', { url: 'http://127.0.0.1:1/hook' }],
    ];
    for (const [operationId, method, path, body] of calls) {
      const res = await api.send(operationId, method, path, body === undefined ? {} : { body });
      expect(res.status, operationId).toBe(401);
    }
  });

  it('answers 403 to a non-manager key on every external write and lets it read', async () => {
    const viewer = sandbox.credentials.viewerApiKey;
    const order = sandbox.state.orders[0]!.orderNumber;
    const writes: [string, string, string, unknown][] = [
      ['createOrder', 'POST', '/external/orders', { items: [{ ps_id: pricedProduct().internalId, quantity: 1 }] }],
      ['updateOrderStatus', 'PUT', `/external/orders/${order}/status`, { status: 'cancelled' }],
      ['submitSmartReorder', 'POST', '/external/smart-reorder', { products: [] }],
      ['registerWebhook', 'POST', '/external/webhook', { url: 'http://127.0.0.1:1/hook' }],
    ];
    for (const [operationId, method, path, body] of writes) {
      const res = await api.ext(operationId, method, path, { body }, viewer);
      expect(res.status, operationId).toBe(403);
      expect(error(res.body).error).toBe('Forbidden');
    }
    expect((await api.ext('listOrders', 'GET', '/external/orders', {}, viewer)).status).toBe(200);
    expect((await api.ext('getOrder', 'GET', `/external/orders/${order}`, {}, viewer)).status).toBe(200);
    expect(sandbox.state.order(order)!.status).toBe(sandbox.state.orders[0]!.status);
  });
});

describe('pleasurestock catalog and reporting errors', () => {
  it('answers 400 for out-of-range paging and malformed batch ids', async () => {
    expect((await api.std('getProducts', 'GET', '/products', { query: { limit: 1001 } })).status).toBe(400);
    expect((await api.std('getProducts', 'GET', '/products', { query: { page: 0 } })).status).toBe(400);
    const res = await api.std('getProducts', 'GET', '/products', { query: { ids: 'ps_vj31ucxsab,not-an-id' } });
    expect(res.status).toBe(400);
    expect(error(res.body).details).toEqual(['ids: not-an-id']);
  });

  it('answers 400 for a malformed product id and 404 for an unknown one', async () => {
    expect((await api.std('getProduct', 'GET', '/products/12345')).status).toBe(400);
    const res = await api.std('getProduct', 'GET', '/products/db57e260-b151-4bf1-ac63-175baef9f96d');
    expect(res.status).toBe(404);
    expect(error(res.body).error).toBe('Not found');
  });

  it('refuses a sales batch with per-record errors and stores none of it', async () => {
    const before = sandbox.state.sales.size;
    const res = await api.std('submitSales', 'POST', '/sales', {
      body: {
        sales: [
          { internal_id: pricedProduct().internalId, date: '2026-10-30', quantity: 1 },
          { internal_id: 'invalid_id_123', date: '2026-10-30', quantity: 1 },
          { internal_id: 'ps_zzzzzzzzzz', date: '2026-13-01', quantity: -1 },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'Validation errors',
      processed: 0,
      errors: [
        { index: 1, error: 'Invalid internal_id format', received: 'invalid_id_123' },
        { index: 2, error: 'Product not found' },
        { index: 2, error: 'Invalid date format' },
        { index: 2, error: 'Invalid quantity' },
      ],
    });
    expect(sandbox.state.sales.size).toBe(before);
  });

  it('answers 400 to an empty sales batch', async () => {
    const res = await api.std('submitSales', 'POST', '/sales', { body: { sales: [] } });
    expect(res.status).toBe(400);
    expect(error(res.body).details).toEqual(['sales: must hold at least one record']);
  });

  it('answers 400 to a date that is not a calendar day', async () => {
    expect((await api.std('getSmartReordering', 'GET', '/smart-reordering', { query: { date: '2026-02-30' } })).status).toBe(400);
    expect((await api.std('getSmartReordering', 'GET', '/smart-reordering', { query: { date: 'tomorrow' } })).status).toBe(400);
  });

  it('answers 400 to an unsupported currency or an amount with three decimals', async () => {
    expect((await api.std('convertToTry', 'GET', '/currency/convert-to-try', { query: { amount: 10, currency: 'JPY' } })).status).toBe(400);
    expect((await api.std('convertToTry', 'GET', '/currency/convert-to-try', { query: { amount: '1.005', currency: 'EUR' } })).status).toBe(400);
  });

  it('answers 400 to smart reorder data with under 7 days of history or an unknown product', async () => {
    const short = await api.ext('submitSmartReorder', 'POST', '/external/smart-reorder', {
      body: { products: [{ ps_id: pricedProduct().internalId, quantity: 1, current_stock: 1, sales_history: [1, 2, 3] }] },
    });
    expect(short.status).toBe(400);
    expect(error(short.body).details).toEqual(['products[0].sales_history: must contain at least 7 days of data']);
    const unknown = await api.ext('submitSmartReorder', 'POST', '/external/smart-reorder', {
      body: { products: [{ ps_id: 'ps_zzzzzzzzzz', quantity: 1, current_stock: 1, sales_history: [1, 1, 1, 1, 1, 1, 1] }] },
    });
    expect(unknown.status).toBe(400);
    expect(error(unknown.body).error).toBe('Product not found');
  });
});

describe('pleasurestock order errors', () => {
  const create = (body: unknown) => api.ext('createOrder', 'POST', '/external/orders', { body });

  it('answers 400 to an empty cart', async () => {
    const res = await create({ items: [] });
    expect(res.status).toBe(400);
    expect(error(res.body).details).toEqual(['items: must not be empty']);
  });

  it('answers 400 "Product not found" naming every unknown ps_id and creates nothing', async () => {
    const before = sandbox.state.orders.length;
    const res = await create({ items: [{ ps_id: pricedProduct().internalId, quantity: 1 }, { ps_id: 'ps_0000000000', quantity: 1 }] });
    expect(res.status).toBe(400);
    expect(error(res.body)).toMatchObject({ error: 'Product not found', details: ['items[1].ps_id: ps_0000000000'] });
    expect(sandbox.state.orders.length).toBe(before);
  });

  it('answers 400 "Price not configured" for a product without a price unless a customPrice is given', async () => {
    const unpriced = sandbox.state.products.find((p) => p.priceCents === null)!;
    const res = await create({ items: [{ ps_id: unpriced.internalId, quantity: 2 }] });
    expect(res.status).toBe(400);
    expect(error(res.body).error).toBe('Price not configured');
    const priced = await create({ items: [{ ps_id: unpriced.internalId, quantity: 2, customPrice: 12.5 }] });
    expect(priced.status).toBe(200);
  });

  it('answers 400 to quantities that are not integers of at least 1', async () => {
    for (const quantity of [0, -3, 1.5, '2']) {
      const res = await create({ items: [{ ps_id: pricedProduct().internalId, quantity }] });
      expect(res.status, String(quantity)).toBe(400);
      expect(error(res.body).details).toEqual(['items[0].quantity: must be an integer of at least 1']);
    }
  });

  it('answers 400 to a customPrice with more than two decimals and to malformed JSON', async () => {
    const res = await create({ items: [{ ps_id: pricedProduct().internalId, quantity: 1, customPrice: 9.999 }] });
    expect(res.status).toBe(400);
    const malformed = await api.ext('createOrder', 'POST', '/external/orders', { rawBody: '{"items": [' });
    expect(malformed.status).toBe(400);
    expect(error(malformed.body).message).toBe('Malformed JSON body');
  });

  it('answers 400 to an unknown status filter', async () => {
    expect((await api.ext('listOrders', 'GET', '/external/orders', { query: { status: 'shipped' } })).status).toBe(400);
  });

  it('answers 404 for an unknown order number, and for an order UUID in its place', async () => {
    expect((await api.ext('getOrder', 'GET', '/external/orders/ORD-20990101-XXXXXX')).status).toBe(404);
    expect((await api.ext('getOrder', 'GET', `/external/orders/${sandbox.state.orders[0]!.orderId}`)).status).toBe(404);
    const put = await api.ext('updateOrderStatus', 'PUT', '/external/orders/ORD-20990101-XXXXXX/status', { body: { status: 'paid' } });
    expect(put.status).toBe(404);
  });

  it('answers 400 "Invalid status transition" for a refused move and 400 for a status partners cannot set', async () => {
    const accepted = sandbox.state.orders.find((o) => o.status === 'accepted')!;
    const res = await api.ext('updateOrderStatus', 'PUT', `/external/orders/${accepted.orderNumber}/status`, { body: { status: 'cancelled' } });
    expect(res.status).toBe(400);
    expect(error(res.body)).toMatchObject({ error: 'Invalid status transition', message: 'Invalid status transition from accepted to cancelled' });
    const created = sandbox.state.orders.find((o) => o.status === 'paid')!;
    const back = await api.ext('updateOrderStatus', 'PUT', `/external/orders/${created.orderNumber}/status`, { body: { status: 'created' } });
    expect(back.status).toBe(400);
    expect(created.status).toBe('paid');
  });

  it('answers 400 to a webhook URL that is not absolute http(s)', async () => {
    const res = await api.ext('registerWebhook', 'POST', '/external/webhook', { body: { url: 'ftp://example.org/hook' } });
    expect(res.status).toBe(400);
  });
});

describe('pleasurestock successful answers', () => {
  it('answers every read and write with the documented body and rate-limit headers', async () => {
    const product = pricedProduct();
    const order = sandbox.state.orders.find((o) => o.status === 'created')!;
    const answers = [
      await api.std('getProducts', 'GET', '/products', { query: { limit: 5, includeCategory: true, includeTcc: true, includeTsp: true, withImages: true } }),
      await api.std('getProduct', 'GET', `/products/${product.id}`, { query: { includeCategory: true, includeTcc: true, includeTsp: true } }),
      await api.std('submitSales', 'POST', '/sales', { body: { sales: [{ internal_id: product.id, date: '2026-10-31', quantity: 3, stock_on_hand: 40 }] } }),
      await api.std('getSmartReordering', 'GET', '/smart-reordering', { query: { date: '2026-11-01' } }),
      await api.std('convertToTry', 'GET', '/currency/convert-to-try', { query: { amount: 100, currency: 'EUR' } }),
      await api.ext('submitSmartReorder', 'POST', '/external/smart-reorder', {
        body: { products: [{ ps_id: product.internalId, quantity: 15, current_stock: 85, sales_history: [5, 8, 12, 6, 9, 11, 7] }] },
      }),
      await api.ext('createOrder', 'POST', '/external/orders', { body: { items: [{ ps_id: product.internalId, quantity: 1 }], externalOrderId: null, comment: null } }),
      await api.ext('listOrders', 'GET', '/external/orders', { query: { status: 'created', limit: 5 } }),
      await api.ext('getOrder', 'GET', `/external/orders/${order.orderNumber}`),
      await api.ext('updateOrderStatus', 'PUT', `/external/orders/${order.orderNumber}/status`, { body: { status: 'paid', comment: 'Payment confirmed' } }),
      await api.ext('registerWebhook', 'POST', '/external/webhook', { body: { url: 'http://127.0.0.1:9/hook' } }),
    ];
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(200));
    for (const answer of answers) {
      expect(Number(answer.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
      expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(answer.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    }
    sandbox.setWebhookTarget(null);
  });

  it('answers injected faults in its own error shape', async () => {
    sandbox.faults.add({ kind: 'error', status: 500, operations: ['getProducts'], times: 1 });
    const res = await api.std('getProducts', 'GET', '/products');
    expect(res.status).toBe(500);
    expect(error(res.body)).toMatchObject({ success: false, error: 'Internal server error' });
  });
});

describe('pleasurestock rate limits', () => {
  const limitedApi = () => psClient(limited, contract);

  it('answers 429 with Retry-After once the smart reordering bucket (100/hour) is spent', async () => {
    const client = limitedApi();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await client.std('getSmartReordering', 'GET', '/smart-reordering')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const last = await client.std('getSmartReordering', 'GET', '/smart-reordering');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(error(last.body).error).toBe('Rate limit exceeded');
  });

  it('counts standard and external requests in separate buckets with their own X-RateLimit-Limit', async () => {
    const client = limitedApi();
    const products = await client.std('getProducts', 'GET', '/products', { query: { limit: 1 } });
    const orders = await client.ext('listOrders', 'GET', '/external/orders', { query: { limit: 1 } });
    expect(products.headers.get('x-ratelimit-limit')).toBe('50');
    expect(orders.headers.get('x-ratelimit-limit')).toBe('250');
    let last = products;
    for (let i = 0; i < 50 && last.status === 200; i += 1) last = await client.std('getProducts', 'GET', '/products', { query: { limit: 1 } });
    expect(last.status).toBe(429);
    expect((await client.ext('listOrders', 'GET', '/external/orders', { query: { limit: 1 } })).status).toBe(200);
  });
});

describe('pleasurestock contract coverage', () => {
  it('exercised every operation of the spec', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
