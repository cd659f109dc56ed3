import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../support/contract.ts';
import {
  CHANNEL, CREDENTIALS, PARTNER, SKU_A, SKU_B, authorize, connect, moveOrder, newOrder, ordersNumbered, placeOrders,
  type CenportsTestClient, type TransactionBody,
} from './cenports-support.ts';

let contract: Contract;
let client: CenportsTestClient;

beforeAll(async () => {
  contract = await Contract.load('cenports');
  client = await connect(contract);
});
afterAll(() => client?.close());

type Inventory = { data: { warehouseCode: string; warehouseInventory: { productSku: string; quantity: string }[] }[] };
type Shipments = { data: { shipmentId: string; orderNo: string; status: string; acknowledged: boolean; items: { lineItem: string }[]; trackingUrl: string | null }[] };

async function stock(warehouseCode: string, sku: string, actual: boolean): Promise<number> {
  const query: Record<string, string | boolean> = actual
    ? { partnerId: PARTNER, warehouseCode, actualStock: true }
    : { partnerId: PARTNER, channelId: CHANNEL, warehouseCode };
  const answer = await client.request('getInventories', 'GET', '/inventories', { query });
  const warehouse = (answer.body as Inventory).data.find((w) => w.warehouseCode === warehouseCode)!;
  return Number(warehouse.warehouseInventory.find((item) => item.productSku === sku)!.quantity);
}

async function updateStock(warehouseCode: string, inventories: unknown[]): Promise<TransactionBody> {
  const answer = await client.request('updateInventories', 'PATCH', '/inventories', { body: { partnerId: PARTNER, warehouseCode, inventories } });
  expect(answer.status).toBe(200);
  return client.settled((answer.body as TransactionBody).handle);
}

async function shipmentsOf(orderNo: string) {
  const answer = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER, channelId: CHANNEL, orders: orderNo } });
  return (answer.body as Shipments).data;
}

describe('cenports inventories', () => {
  it('sets stock with TRUE_UP and adjusts it with DIFFERENTIAL, in order', async () => {
    const result = await updateStock('CENPORTS-NJ', [
      { productSKU: SKU_B, quantity: 10, type: 'TRUE_UP' },
      { productSKU: SKU_B, quantity: -6, type: 'DIFFERENTIAL' },
    ]);
    expect(result.status).toBe('COMPLETED');
    expect(await stock('CENPORTS-NJ', SKU_B, true)).toBe(4);
  });

  it('fails an update that would take stock below zero and changes nothing else in it', async () => {
    await updateStock('CENPORTS-TX', [{ productSKU: SKU_A, quantity: 3, type: 'TRUE_UP' }]);
    const result = await updateStock('CENPORTS-TX', [
      { productSKU: SKU_B, quantity: 77, type: 'TRUE_UP' },
      { productSKU: SKU_A, quantity: -5, type: 'DIFFERENTIAL' },
      { productSKU: 'NO-SUCH-SKU', quantity: 1, type: 'TRUE_UP' },
    ]);
    expect(result.status).toBe('FAILED');
    expect(result.errors!.map((e) => e.index)).toEqual([1, 2]);
    expect(await stock('CENPORTS-TX', SKU_A, true)).toBe(3);
    expect(await stock('CENPORTS-TX', SKU_B, true)).not.toBe(77);
  });

  it('answers 422 for a negative TRUE_UP, a missing warehouseCode or an unknown warehouse', async () => {
    const negative = await client.request('updateInventories', 'PATCH', '/inventories', {
      body: { partnerId: PARTNER, warehouseCode: 'CENPORTS', inventories: [{ productSKU: SKU_A, quantity: -1, type: 'TRUE_UP' }] },
    });
    expect(negative.status).toBe(422);
    const missing = await client.request('updateInventories', 'PATCH', '/inventories', {
      body: { partnerId: PARTNER, inventories: [{ productSKU: SKU_A, quantity: 1, type: 'TRUE_UP' }] },
    });
    expect((missing.body as { errors: object }).errors).toHaveProperty('warehouseCode');
    const unknown = await client.request('getInventories', 'GET', '/inventories', { query: { partnerId: PARTNER, actualStock: true, warehouseCode: 'CENPORTS,NOWHERE' } });
    expect(unknown.status).toBe(422);
  });

  it('returns only the requested warehouses', async () => {
    const answer = await client.request('getInventories', 'GET', '/inventories', { query: { partnerId: PARTNER, channelId: CHANNEL, warehouseCode: 'CENPORTS-TX, CENPORTS' } });
    expect((answer.body as Inventory).data.map((w) => w.warehouseCode)).toEqual(['CENPORTS', 'CENPORTS-TX']);
  });

  it('holds an open order’s quantity back from available stock and takes it off actual stock when shipped', async () => {
    await updateStock('CENPORTS', [{ productSKU: SKU_A, quantity: 50, type: 'TRUE_UP' }, { productSKU: SKU_B, quantity: 50, type: 'TRUE_UP' }]);
    const availableBefore = await stock('CENPORTS', SKU_B, false);
    expect((await placeOrders(client, [newOrder('STOCK-1')])).status).toBe('COMPLETED');
    const [order] = (await ordersNumbered(client, ['STOCK-1'])) as { lineItems: { shipFromWarehouseCode: string }[] }[];
    expect(order!.lineItems.map((l) => l.shipFromWarehouseCode)).toEqual(['CENPORTS', 'CENPORTS']);
    expect(await stock('CENPORTS', SKU_B, false)).toBe(availableBefore - 2);
    expect(await stock('CENPORTS', SKU_B, true)).toBe(50);
    expect((await moveOrder(client, 'STOCK-1', 'Processing')).status).toBe(200);
    expect((await moveOrder(client, 'STOCK-1', 'Shipped')).status).toBe(200);
    expect(await stock('CENPORTS', SKU_B, true)).toBe(48);
    expect(await stock('CENPORTS', SKU_B, false)).toBe(availableBefore - 2);
  });
});

describe('cenports order lifecycle and shipments', () => {
  it('ships an order in parts: Incompleted with one shipment, then Shipped with two, then Delivered', async () => {
    expect((await placeOrders(client, [newOrder('LIFE-1')])).status).toBe('COMPLETED');
    expect(await shipmentsOf('LIFE-1')).toEqual([]);
    expect((await moveOrder(client, 'LIFE-1', 'Processing')).status).toBe(200);
    expect((await moveOrder(client, 'LIFE-1', 'Incompleted')).status).toBe(200);
    const [partly] = (await ordersNumbered(client, ['LIFE-1'])) as { status: string; lineItems: { status: string }[] }[];
    expect(partly!.status).toBe('Incompleted');
    expect(partly!.lineItems.map((l) => l.status)).toEqual(['shipped', 'pending']);
    expect((await shipmentsOf('LIFE-1')).map((s) => s.items.map((i) => i.lineItem))).toEqual([['1']]);
    expect((await moveOrder(client, 'LIFE-1', 'Shipped')).status).toBe(200);
    const shipped = await shipmentsOf('LIFE-1');
    expect(shipped).toHaveLength(2);
    expect(shipped.every((s) => s.trackingUrl?.startsWith('https://www.ups.com/'))).toBe(true);
    expect((await moveOrder(client, 'LIFE-1', 'Delivered')).status).toBe(200);
    expect((await shipmentsOf('LIFE-1')).map((s) => s.status)).toEqual(['delivered', 'delivered']);
  });

  it('refuses moves backwards, skips and moves out of final states with 409', async () => {
    expect((await placeOrders(client, [newOrder('LIFE-2'), newOrder('LIFE-3')])).status).toBe('COMPLETED');
    expect((await moveOrder(client, 'LIFE-2', 'Delivered')).status).toBe(409);
    expect((await moveOrder(client, 'LIFE-2', 'Cancelled')).status).toBe(200);
    expect((await moveOrder(client, 'LIFE-2', 'Processing')).status).toBe(409);
    const [cancelled] = (await ordersNumbered(client, ['LIFE-2'])) as { status: string; lineItems: { status: string }[] }[];
    expect(cancelled!.status).toBe('Cancelled');
    expect(cancelled!.lineItems.map((l) => l.status)).toEqual(['cancelled', 'cancelled']);
    await moveOrder(client, 'LIFE-3', 'Processing');
    await moveOrder(client, 'LIFE-3', 'Shipped');
    expect((await moveOrder(client, 'LIFE-3', 'Pending')).status).toBe(409);
    expect((await moveOrder(client, 'LIFE-3', 'Cancelled')).status).toBe(409);
  });

  it('acknowledges every shipment of an order, and the acknowledged filter follows', async () => {
    expect((await placeOrders(client, [newOrder('SHIPACK-1')])).status).toBe('COMPLETED');
    await moveOrder(client, 'SHIPACK-1', 'Processing');
    await moveOrder(client, 'SHIPACK-1', 'Incompleted');
    await moveOrder(client, 'SHIPACK-1', 'Shipped');
    const unacked = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER, channelId: CHANNEL, orders: 'SHIPACK-1', acknowledged: false } });
    expect((unacked.body as Shipments).data).toHaveLength(2);
    const answer = await client.request('acknowledgeShipments', 'PATCH', '/shipments/acknowledge', { body: { partnerId: PARTNER, shipments: [{ orderNo: 'SHIPACK-1' }] } });
    expect((await client.settled((answer.body as TransactionBody).handle)).status).toBe('COMPLETED');
    expect((await shipmentsOf('SHIPACK-1')).map((s) => s.acknowledged)).toEqual([true, true]);
  });

  it('fails a shipment acknowledgement naming the order without shipments, acknowledging none', async () => {
    expect((await placeOrders(client, [newOrder('SHIPACK-2'), newOrder('SHIPACK-3')])).status).toBe('COMPLETED');
    await moveOrder(client, 'SHIPACK-2', 'Processing');
    await moveOrder(client, 'SHIPACK-2', 'Shipped');
    const answer = await client.request('acknowledgeShipments', 'PATCH', '/shipments/acknowledge', {
      body: { partnerId: PARTNER, shipments: [{ orderNo: 'SHIPACK-2' }, { orderNo: 'SHIPACK-3' }] },
    });
    const result = await client.settled((answer.body as TransactionBody).handle);
    expect(result.status).toBe('FAILED');
    expect(result.errors).toEqual([{ index: 1, message: 'The order SHIPACK-3 has no shipment to acknowledge.' }]);
    expect((await shipmentsOf('SHIPACK-2')).map((s) => s.acknowledged)).toEqual([false]);
  });

  it('pages shipments like orders', async () => {
    const answer = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER, channelId: CHANNEL, isPaginated: true, limit: 10, page: 2 } });
    const body = answer.body as Shipments & { pagination: Record<string, number> };
    expect(body.data).toHaveLength(10);
    expect(body.pagination).toMatchObject({ currentPage: 2, perPage: 10 });
    expect(body.pagination.total).toBeGreaterThan(20);
  });
});

describe('cenports channels', () => {
  const contactInfo = { address: '1742 Sabre Street', city: 'Hayward', state: 'CA', country: 'US', postalCode: '94545' };

  it('generates a channel id when none is sent, and the new channel takes orders', async () => {
    const answer = await client.request('createChannel', 'POST', '/channels', {
      body: { partnerId: PARTNER, channelName: 'Generated', contactPhone: '1112223333', contactInfo },
    });
    const channelId = (answer.body as { data: { channelId: string; channelName: string } }).data.channelId;
    expect(channelId).toMatch(/^CH\d{6}$/);
    expect((await placeOrders(client, [newOrder('NEWCH-1')], channelId)).status).toBe('COMPLETED');
  });

  it('answers 422 for a channel id that is already taken', async () => {
    const answer = await client.request('createChannel', 'POST', '/channels', {
      body: { partnerId: PARTNER, channelId: 'SGAMAZON', channelName: 'Again', contactPhone: '1', contactInfo },
    });
    expect(answer.status).toBe(422);
    expect((answer.body as { errors: Record<string, string[]> }).errors.channelId).toEqual(['The channel id has already been taken.']);
  });
});

describe('cenports tokens', () => {
  it('answers 401 once the token has outlived expires_in, and a new token works', async () => {
    let clock = Date.UTC(2026, 10, 1);
    const timed = await connect(contract, { now: () => clock, tokenTtlSeconds: 60 });
    try {
      const query = { partnerId: PARTNER };
      expect((await timed.request('getChannels', 'GET', '/channels', { query })).status).toBe(200);
      clock += 61_000;
      const expired = await timed.request('getChannels', 'GET', '/channels', { query });
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ message: 'Unauthenticated.' });
      timed.token = await authorize(timed);
      expect((await timed.request('getChannels', 'GET', '/channels', { query })).status).toBe(200);
    } finally {
      await timed.close();
    }
  });

  it('keeps the credentials on the handle equal to the exported constant', () => {
    expect(client.sandbox.credentials).toEqual(CREDENTIALS);
  });
});
