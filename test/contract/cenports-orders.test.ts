import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../support/contract.ts';
import {
  CHANNEL, PARTNER, SKU_A, SKU_B, connect, newOrder, ordersNumbered, placeOrders, type CenportsTestClient, type TransactionBody,
} from './cenports-support.ts';

let contract: Contract;
let client: CenportsTestClient;

beforeAll(async () => {
  contract = await Contract.load('cenports');
  client = await connect(contract);
});
afterAll(() => client?.close());

type Page = { data: { orderNo: string; channelId: string; orderDate: string; status: string; isAcknowledged: boolean }[]; pagination?: Record<string, number> };

describe('cenports orders: asynchronous creation', () => {
  it('shows a new order only once its transaction has completed', async () => {
    const slow = await connect(contract, { transactionDelayMs: 300 });
    try {
      const answer = await slow.request('createOrders', 'POST', '/orders', {
        body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('ASYNC-1')] },
      });
      const submitted = answer.body as TransactionBody;
      expect(submitted.status).toBe('QUEUED');
      expect(await ordersNumbered(slow, ['ASYNC-1'])).toEqual([]);
      const settled = await slow.settled(submitted.handle);
      expect(settled).toMatchObject({ status: 'COMPLETED', handle: submitted.handle });
      expect(settled.completed_at).not.toBeNull();
      expect(settled).not.toHaveProperty('errors');
      expect(await ordersNumbered(slow, ['ASYNC-1'])).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('fails the second submission of an orderNo in the same channel and keeps one order', async () => {
    expect((await placeOrders(client, [newOrder('DUP-1')])).status).toBe('COMPLETED');
    const again = await placeOrders(client, [newOrder('DUP-1')]);
    expect(again.status).toBe('FAILED');
    expect(again.completed_at).toBeNull();
    expect(again.errors).toEqual([{ index: 0, message: 'The order DUP-1 is already existed on our system.' }]);
    expect(await ordersNumbered(client, ['DUP-1'])).toHaveLength(1);
  });

  it('fails the later of two queued submissions of one orderNo', async () => {
    const first = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('RACE-1')] } });
    const second = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('RACE-1')] } });
    expect((await client.settled((first.body as TransactionBody).handle)).status).toBe('COMPLETED');
    expect((await client.settled((second.body as TransactionBody).handle)).status).toBe('FAILED');
    expect(await ordersNumbered(client, ['RACE-1'])).toHaveLength(1);
  });

  it('accepts the same orderNo in another channel, since numbers are unique per channel only', async () => {
    expect((await placeOrders(client, [newOrder('PERCHAN-1')], 'SGSHOP')).status).toBe('COMPLETED');
    expect((await placeOrders(client, [newOrder('PERCHAN-1')], 'SGAMAZON')).status).toBe('COMPLETED');
    const both = await ordersNumbered(client, ['PERCHAN-1']);
    expect(both.map((o) => (o as { channelId: string }).channelId).sort()).toEqual(['SGAMAZON', 'SGSHOP']);
    expect(await ordersNumbered(client, ['PERCHAN-1'], { channelId: 'SGAMAZON' })).toHaveLength(1);
  });

  it('applies none of a batch when one order has an unknown sku or carrier, and says which', async () => {
    const badSku = newOrder('BATCH-2', {
      lineItems: [
        { sku: SKU_A, quantity: 1, consumerPrice: 20, subTotal: 20 },
        { sku: 'NO-SUCH-SKU', quantity: 1, consumerPrice: 31, subTotal: 31 },
      ],
    });
    const badCarrier = newOrder('BATCH-3', { shippingInfo: { carrierCode: 'PIGEON', serviceLevel: 'Ground' } });
    const result = await placeOrders(client, [newOrder('BATCH-1'), badSku, badCarrier]);
    expect(result.status).toBe('FAILED');
    expect(result.errors).toEqual([
      { index: 1, message: 'The line item 2 of order BATCH-2 has been rejected due to product sku does not exist.' },
      { index: 2, message: 'The carrier code is not valid or supported for the order BATCH-3.' },
    ]);
    expect(await ordersNumbered(client, ['BATCH-1', 'BATCH-2', 'BATCH-3'])).toEqual([]);
  });

  it('matches carrier codes without regard to case', async () => {
    const order = newOrder('CARRIER-1', { shippingInfo: { carrierCode: 'FedEx', serviceLevel: 'Ground' } });
    expect((await placeOrders(client, [order])).status).toBe('COMPLETED');
  });

  it('applies a write whose answer was lost to a connection reset, exactly once', async () => {
    client.sandbox.faults.add({ kind: 'resetAfterWrite', operations: ['createOrders'], times: 1 });
    const body = { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('RESET-1')] };
    await expect(client.request('createOrders', 'POST', '/orders', { body })).rejects.toThrow();
    let found: unknown[] = [];
    for (let attempt = 0; attempt < 100 && found.length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      found = await ordersNumbered(client, ['RESET-1']);
    }
    expect(found).toHaveLength(1);
    const retry = await placeOrders(client, [newOrder('RESET-1')]);
    expect(retry.status).toBe('FAILED');
    expect(await ordersNumbered(client, ['RESET-1'])).toHaveLength(1);
  });
});

describe('cenports orders: money', () => {
  it('renders cents as JSON numbers without float drift', async () => {
    const order = newOrder('MONEY-1', {
      lineItems: [
        { sku: SKU_A, quantity: 3, consumerPrice: 0.1, subTotal: 0.3 },
        { sku: SKU_B, quantity: 3, consumerPrice: 19.99, subTotal: 59.97 },
      ],
      subTotal: 60.27,
      shippingCost: 4.99,
      grandTotal: 65.26,
    });
    expect((await placeOrders(client, [order])).status).toBe('COMPLETED');
    const [placed] = (await ordersNumbered(client, ['MONEY-1'])) as { lineItems: { price: number }[]; pricing: Record<string, number> }[];
    expect(placed!.lineItems.map((line) => line.price)).toEqual([0.1, 19.99]);
    expect(placed!.pricing).toEqual({ subTotal: 60.27, discount: 0, shipCost: 4.99, grandTotal: 65.26 });
  });

  it('answers 422 for a price with three decimals', async () => {
    const order = newOrder('MONEY-2', { lineItems: [{ sku: SKU_A, quantity: 1, consumerPrice: 1.005, subTotal: 1.005 }], subTotal: 1.005, grandTotal: 6.005 });
    const answer = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: [order] } });
    expect(answer.status).toBe(422);
    expect((answer.body as { errors: Record<string, string[]> }).errors).toHaveProperty(['orders.0.lineItems.0.consumerPrice']);
  });

  it('answers 422 when a line subTotal is not quantity × consumerPrice or grandTotal does not add up', async () => {
    const order = newOrder('MONEY-3', { lineItems: [{ sku: SKU_A, quantity: 2, consumerPrice: 10, subTotal: 21 }], subTotal: 21, grandTotal: 30 });
    const answer = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: [order] } });
    expect(answer.status).toBe(422);
    expect(Object.keys((answer.body as { errors: object }).errors).sort()).toEqual(['orders.0.grandTotal', 'orders.0.lineItems.0.subTotal']);
  });

  it('answers 422 when one request repeats an orderNo', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('TWICE-1'), newOrder('TWICE-1')] },
    });
    expect(answer.status).toBe(422);
    expect((answer.body as { errors: Record<string, string[]> }).errors['orders.1.orderNo']).toBeDefined();
  });
});

describe('cenports orders: reading', () => {
  const page = async (query: Record<string, string | number | boolean>) =>
    (await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, ...query } })).body as Page;

  it('returns 50 orders by default and no pagination block without isPaginated', async () => {
    const body = await page({});
    expect(body.data).toHaveLength(50);
    expect(body).not.toHaveProperty('pagination');
  });

  it('pages with isPaginated and page, newest order date first, without overlap', async () => {
    const first = await page({ isPaginated: true, limit: 100, page: 1 });
    const second = await page({ isPaginated: true, limit: 100, page: 2 });
    expect(first.pagination).toMatchObject({ perPage: 100, currentPage: 1, count: 100 });
    expect(first.pagination!.total).toBeGreaterThanOrEqual(300);
    expect(first.pagination!.totalPages).toBe(Math.ceil(first.pagination!.total! / 100));
    const dates = [...first.data, ...second.data].map((o) => o.orderDate);
    expect(dates).toEqual([...dates].sort().reverse());
    // an orderNo is unique per channel only, so an order is its channel plus its number
    const keys = new Set([...first.data, ...second.data].map((o) => `${o.channelId}|${o.orderNo}`));
    expect(keys.size).toBe(200);
    const beyond = await page({ isPaginated: true, limit: 300, page: 99 });
    expect(beyond.data).toEqual([]);
  });

  it('returns a comma-separated batch of order numbers, ignoring spaces and unknown numbers', async () => {
    const body = await page({ orders: 'SG-100001, SG-100150 ,NOT-A-NUMBER' });
    expect(body.data.map((o) => o.orderNo).sort()).toEqual(['SG-100001', 'SG-100150']);
  });

  it('answers 422 for an orders list longer than 255 characters', async () => {
    const orders = Array.from({ length: 30 }, (_, i) => `SG-${100001 + i}`).join(',');
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, orders } });
    expect(answer.status).toBe(422);
  });

  it('filters by an inclusive order-date range', async () => {
    const body = await page({ startDate: '2026-09-01', endDate: '2026-09-30', limit: 300 });
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((o) => o.orderDate >= '2026-09-01' && o.orderDate < '2026-10-01')).toBe(true);
  });

  it('answers 422 when endDate is before startDate or not a date', async () => {
    const reversed = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, startDate: '2026-09-30', endDate: '2026-09-01' } });
    expect(reversed.status).toBe(422);
    const invalid = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, startDate: '2026-02-30', endDate: '2026-03-01' } });
    expect(invalid.status).toBe(422);
  });

  it('filters by acknowledgement, and acknowledging moves an order between the two', async () => {
    expect((await placeOrders(client, [newOrder('ACK-1')])).status).toBe('COMPLETED');
    const unacked = await page({ isAcknowledged: false, orders: 'ACK-1' });
    expect(unacked.data.map((o) => o.isAcknowledged)).toEqual([false]);
    const ack = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: 'ACK-1' } });
    expect(ack.status).toBe(200);
    expect((await page({ isAcknowledged: false, orders: 'ACK-1' })).data).toEqual([]);
    expect((await page({ isAcknowledged: true, orders: 'ACK-1' })).data).toHaveLength(1);
    const again = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: 'ACK-1' } });
    expect(again.status).toBe(200);
  });

  it('acknowledges nothing when any listed order is unknown', async () => {
    expect((await placeOrders(client, [newOrder('ACK-2')])).status).toBe('COMPLETED');
    const answer = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', { body: { partnerId: PARTNER, channelId: CHANNEL, orders: 'ACK-2,ACK-MISSING' } });
    expect(answer.status).toBe(400);
    expect((await page({ orders: 'ACK-2' })).data[0]!.isAcknowledged).toBe(false);
  });

  it('spreads seeded orders over the whole status lifecycle and the last 180 days', async () => {
    const all = [...(await page({ isPaginated: true, limit: 300, page: 1 })).data, ...(await page({ isPaginated: true, limit: 300, page: 2 })).data];
    const seeded = all.filter((o) => o.orderNo.startsWith('SG-'));
    expect(seeded).toHaveLength(300);
    expect(new Set(seeded.map((o) => o.status))).toEqual(new Set(['Pending', 'Processing', 'Incompleted', 'Shipped', 'Delivered', 'Cancelled']));
    const dates = seeded.map((o) => o.orderDate).sort();
    expect(dates[0]! >= '2026-05-04').toBe(true);
    expect(dates[dates.length - 1]! < '2026-11-01').toBe(true);
  });
});

describe('cenports orders: seeded determinism', () => {
  it('serves the same first page for the same seed and a different one for another seed', async () => {
    const firstPage = async (seed: number) => {
      const sandbox = await connect(contract, { seed });
      try {
        const answer = await sandbox.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, isPaginated: true } });
        return JSON.stringify(answer.body);
      } finally {
        await sandbox.close();
      }
    };
    const [a, b, c] = [await firstPage(7), await firstPage(7), await firstPage(8)];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
