import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ORDERSAPI_SANDBOX_CATALOG,
  ORDERSAPI_SANDBOX_CREDENTIALS,
  startOrdersapiSandbox,
  type OrdersapiSandbox,
} from '../../src/sandbox/ordersapi/index.ts';
import { call, Contract } from '../support/contract.ts';

// The Orders API's business behaviour: money, ids, no idempotency, all-or-nothing orders, listing.
let sandbox: OrdersapiSandbox;
let contract: Contract;
const key = { 'x-api-key': ORDERSAPI_SANDBOX_CREDENTIALS.apiKey };

interface WireItem { order_item_id: string; product_id: string; quantity: number; unit_price: number; line_total: number }
interface WireOrder { order_id: string; customer_reference: string | null; status: string; total_amount: number; items: WireItem[] }

async function send(operationId: string, method: string, path: string, body?: unknown) {
  const response = await call(sandbox.baseUrl, method, path, { headers: key, body });
  contract.check(operationId, response);
  return response;
}

async function createOrder(items: { product_id: string; quantity: number }[], customer_reference?: string) {
  const response = await send('createOrder', 'POST', '/orders', { partner_name: 'Lumen Goods', customer_reference, items });
  expect(response.status).toBe(200);
  return response as typeof response & { body: WireOrder };
}

const productWithCents = (cents: number) => {
  const product = ORDERSAPI_SANDBOX_CATALOG.find((p) => p.available && p.priceCents % 100 === cents);
  if (!product) throw new Error(`the catalog has no available product priced at .${cents}`);
  return product;
};

beforeAll(async () => {
  contract = await Contract.load('ordersapi');
  sandbox = await startOrdersapiSandbox({ seededOrders: 3 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.resetRateLimits());

describe('money', () => {
  it('renders cents as JSON numbers with at most two decimals and no float drift', async () => {
    const nickel = productWithCents(5);
    const half = productWithCents(50);
    const whole = productWithCents(0);
    const { body, text } = await createOrder([
      { product_id: nickel.product_id, quantity: 3 },
      { product_id: half.product_id, quantity: 1 },
      { product_id: whole.product_id, quantity: 7 },
    ]);
    const [a, b, c] = body.items;
    expect(Math.round(a!.unit_price * 100)).toBe(nickel.priceCents);
    expect(Math.round(a!.line_total * 100)).toBe(nickel.priceCents * 3);
    expect(Math.round(b!.unit_price * 100)).toBe(half.priceCents);
    expect(Math.round(c!.line_total * 100)).toBe(whole.priceCents * 7);
    const totalCents = nickel.priceCents * 3 + half.priceCents + whole.priceCents * 7;
    expect(Math.round(body.total_amount * 100)).toBe(totalCents);
    // On the wire, every amount has at most two decimals (12.5 and 41 are fine, 30.150000000000002 is not).
    const amounts = [...text.matchAll(/"(?:unit_price|line_total|total_amount)":([0-9.eE+-]+)/g)].map((m) => m[1]);
    expect(amounts).toHaveLength(7);
    for (const amount of amounts) expect(amount).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it('copies the price at creation time, so a later price change leaves placed orders alone', async () => {
    const product = productWithCents(99);
    const before = await createOrder([{ product_id: product.product_id, quantity: 2 }]);
    const patched = await fetch(`${sandbox.url}/__sandbox/ordersapi/products/${product.product_id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ priceCents: 1234 }),
    });
    expect(patched.status).toBe(200);
    const after = await createOrder([{ product_id: product.product_id, quantity: 2 }]);
    const reread = await send('getOrder', 'GET', `/orders/${before.body.order_id}`);
    expect(after.body.items[0]).toMatchObject({ unit_price: 12.34, line_total: 24.68 });
    expect((reread.body as WireOrder).items[0]!.unit_price).toBe(before.body.items[0]!.unit_price);
    expect(Math.round(before.body.items[0]!.unit_price * 100)).toBe(product.priceCents);
  });
});

describe('ids and lines', () => {
  it('numbers orders and order items sequentially after the seeded ones', async () => {
    const seededItems = sandbox.state.orders().reduce((n, order) => n + order.items.length, 0);
    const next = sandbox.state.orders().length + 1;
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }, { product_id: 'PR00001', quantity: 4 }]);
    expect(body.order_id).toBe(`OR${String(next).padStart(5, '0')}`);
    expect(body.items.map((item) => item.order_item_id)).toEqual([
      `OI${String(seededItems + 1).padStart(5, '0')}`,
      `OI${String(seededItems + 2).padStart(5, '0')}`,
    ]);
  });

  it('keeps a repeated product as separate lines in request order', async () => {
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }, { product_id: 'PR00002', quantity: 1 }, { product_id: 'PR00001', quantity: 2 }]);
    expect(body.items.map((item) => [item.product_id, item.quantity])).toEqual([['PR00001', 1], ['PR00002', 1], ['PR00001', 2]]);
  });

  it('answers customer_reference null when the request had none', async () => {
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }]);
    expect(body.customer_reference).toBeNull();
  });
});

describe('writes', () => {
  it('places a second order when the same request is sent twice (no idempotency)', async () => {
    const first = await createOrder([{ product_id: 'PR00001', quantity: 1 }], 'REF-TWICE');
    const second = await createOrder([{ product_id: 'PR00001', quantity: 1 }], 'REF-TWICE');
    expect(second.body.order_id).not.toBe(first.body.order_id);
    expect(sandbox.state.orders().filter((order) => order.customerReference === 'REF-TWICE')).toHaveLength(2);
  });

  it('leaves no order, item or consumed id behind when a later item is refused', async () => {
    const unavailable = ORDERSAPI_SANDBOX_CATALOG.find((p) => !p.available)!;
    const countBefore = sandbox.state.orders().length;
    const refused = await send('createOrder', 'POST', '/orders', {
      partner_name: 'Lumen Goods',
      customer_reference: 'REF-REFUSED',
      items: [{ product_id: 'PR00001', quantity: 1 }, { product_id: unavailable.product_id, quantity: 1 }],
    });
    expect(refused.status).toBe(409);
    expect(sandbox.state.orders()).toHaveLength(countBefore);
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }]);
    expect(body.order_id).toBe(`OR${String(countBefore + 1).padStart(5, '0')}`);
  });

  it('refuses a product that went out of stock with 409 and accepts it again when back', async () => {
    const toggle = (available: boolean) =>
      fetch(`${sandbox.url}/__sandbox/ordersapi/products/PR00003`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ available }),
      });
    expect((await toggle(false)).status).toBe(200);
    const refused = await send('createOrder', 'POST', '/orders', { partner_name: 'Lumen Goods', items: [{ product_id: 'PR00003', quantity: 1 }] });
    expect((await toggle(true)).status).toBe(200);
    const accepted = await send('createOrder', 'POST', '/orders', { partner_name: 'Lumen Goods', items: [{ product_id: 'PR00003', quantity: 1 }] });
    expect([refused.status, accepted.status]).toEqual([409, 200]);
  });
});

describe('lifecycle', () => {
  it('creates every order as created and offers no way to cancel it', async () => {
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }]);
    expect(body.status).toBe('created');
    const cancel = await call(sandbox.baseUrl, 'POST', `/orders/${body.order_id}/cancel`, { headers: key });
    const remove = await call(sandbox.baseUrl, 'DELETE', `/orders/${body.order_id}`, { headers: key });
    expect([cancel.status, remove.status]).toEqual([404, 404]);
    expect(sandbox.state.findOrder(body.order_id)?.status).toBe('created');
  });

  it('passes a status the document does not name through unchanged, within the open status set', async () => {
    const { body } = await createOrder([{ product_id: 'PR00001', quantity: 1 }]);
    const moved = await fetch(`${sandbox.url}/__sandbox/ordersapi/orders/${body.order_id}/status`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'shipped' }),
    });
    expect(moved.status).toBe(200);
    const reread = await send('getOrder', 'GET', `/orders/${body.order_id}`);
    expect((reread.body as WireOrder).status).toBe('shipped');
  });
});

describe('listing', () => {
  it('lists every order oldest first, unpaginated, with the new order last', async () => {
    const { body: placed } = await createOrder([{ product_id: 'PR00001', quantity: 1 }], 'REF-LAST');
    const response = await send('listOrders', 'GET', '/orders');
    const list = response.body as { count: number; items: WireOrder[] };
    const ids = list.items.map((order) => order.order_id);
    expect(list.count).toBe(sandbox.state.orders().length);
    expect(ids).toEqual([...ids].sort());
    expect(ids.at(-1)).toBe(placed.order_id);
    expect(list.items.at(-1)).toEqual(placed);
  });
});
