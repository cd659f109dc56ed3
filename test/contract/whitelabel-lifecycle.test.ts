import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFERENCE_TIME, startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import { call, Contract } from '../support/contract.ts';
import { dataOf, errorCodeOf, orderBody, WhitelabelClient, type Json } from './whitelabel-client.ts';

// Business behaviour: wallet reservations and settlement, idempotency, lifecycles, paging, delta sync.
let sandbox: WhitelabelSandbox;
let contract: Contract;
let store: WhitelabelClient;
let ops: WhitelabelClient;

beforeAll(async () => {
  sandbox = await startWhitelabelSandbox({ seed: 3 });
  contract = await Contract.load('whitelabel');
  store = new WhitelabelClient(sandbox.baseUrl, contract, sandbox.credentials.store);
  ops = new WhitelabelClient(sandbox.baseUrl, contract, sandbox.credentials.ops);
});
afterAll(() => sandbox.close());
// Documented limits stay on (answers carry X-RateLimit-*); each test starts with full windows.
beforeEach(() => sandbox.resetRateLimits());

const wallet = async (): Promise<Json> => dataOf(await store.send('getWallet', 'GET', '/wallet'));
const order = async (id: string): Promise<Json> => dataOf(await store.send('getOrder', 'GET', `/orders/${id}`));
const place = async (wooOrderId: string, items: Parameters<typeof orderBody>[1] = [{ supplier_sku: 'BPC-157-5MG', qty: 2 }]) => {
  const answer = await store.send('createOrder', 'POST', '/orders', { body: orderBody(wooOrderId, items) });
  expect(answer.status).toBe(201);
  return dataOf(answer).supplier_order_id as string;
};
const moveTo = async (id: string, status: string) =>
  call(sandbox.url, 'POST', `/__sandbox/whitelabel/orders/${id}/status`, { body: { status } });

describe('whitelabel wallet and money', () => {
  it('reserves subtotal + 895 shipping estimate and leaves the balance unchanged', async () => {
    const before = await wallet();
    const id = await place('money-1', [{ supplier_sku: 'BPC-157-5MG', qty: 2 }, { supplier_sku: 'BPC-157-10MG', qty: 1 }]);
    const placed = await order(id);
    const bpc10 = placed.order_items[1].wholesale_price_cents;
    expect(placed.subtotal_cents).toBe(5000 + bpc10);
    expect(placed.total_estimate_cents).toBe(5000 + bpc10 + 895);
    const after = await wallet();
    expect(after.balance_cents).toBe(before.balance_cents);
    expect(after.reserved_cents - before.reserved_cents).toBe(placed.total_estimate_cents);
  });

  it('charges the catalog wholesale price, not the store unit_price_cents', async () => {
    const id = await place('money-2', [{ supplier_sku: 'BPC-157-5MG', qty: 1, unit_price_cents: 4999 }]);
    const placed = await order(id);
    expect(placed.order_items[0]).toMatchObject({ wholesale_price_cents: 2500, unit_price_cents: 4999, line_total_cents: 2500 });
    expect(placed.subtotal_cents).toBe(2500);
  });

  it('answers 200 with the original order and reserves nothing new when woo_order_id repeats', async () => {
    const id = await place('idem-1');
    const before = await wallet();
    const repeat = await store.send('createOrder', 'POST', '/orders', {
      body: orderBody('idem-1', [{ supplier_sku: 'BPC-157-20MG', qty: 5 }]),
    });
    expect(repeat.status).toBe(200);
    expect(dataOf(repeat)).toMatchObject({ supplier_order_id: id, estimated_total_cents: 5895 });
    expect(await wallet()).toEqual(before);
    expect(sandbox.state.orders().filter((o) => o.wooOrderId === 'idem-1')).toHaveLength(1);
  });

  it('refuses an order the available balance cannot cover, then accepts it once funded', async () => {
    const { available_cents: available } = await wallet();
    await call(sandbox.url, 'PUT', '/__sandbox/whitelabel/wallet', { body: { balance_cents: (await wallet()).balance_cents - available + 1000 } });
    const refused = await store.send('createOrder', 'POST', '/orders', { body: orderBody('funds-1', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]) });
    expect(errorCodeOf(refused)).toBe('INSUFFICIENT_FUNDS');
    expect((await wallet()).available_cents).toBe(1000);
    await call(sandbox.url, 'PUT', '/__sandbox/whitelabel/wallet', { body: { balance_cents: (await wallet()).balance_cents + 2395 } });
    expect(await place('funds-1', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }])).toMatch(/^[0-9a-f-]{36}$/);
    expect((await wallet()).available_cents).toBe(0);
    await call(sandbox.url, 'PUT', '/__sandbox/whitelabel/wallet', { body: { balance_cents: 5_000_000 } });
  });
});

describe('whitelabel order lifecycle', () => {
  it('ships an order through fulfilment, settling the wallet by subtotal + actual shipping', async () => {
    const id = await place('life-1');
    for (const status of ['RELEASED_TO_FULFILLMENT', 'PICKING', 'PACKED']) {
      const moved = await moveTo(id, status);
      expect(moved.status).toBe(200);
    }
    const before = await wallet();
    const shipment = dataOf(
      await ops.send('createShipment', 'POST', '/shipments', { body: { order_id: id, carrier: 'usps', service: 'usps_priority_mail', weight_oz: 20 } }),
    );
    expect(shipment.rate_cents).toBe(895 + 150);
    await ops.send('markShipmentShipped', 'POST', `/shipments/${shipment.shipment_id}/ship`, { body: { actual_cost_cents: 850 } });

    const shipped = await order(id);
    expect(shipped).toMatchObject({ status: 'SHIPPED', actual_total_cents: 5850, reserved_cents: 0 });
    const after = await wallet();
    expect(before.balance_cents - after.balance_cents).toBe(5850);
    expect(before.reserved_cents - after.reserved_cents).toBe(5895);

    const pending = dataOf(await store.send('getPendingTracking', 'GET', '/tracking/pending'));
    expect(pending.orders.map((o: Json) => o.order_id)).toContain(id);
    await store.send('acknowledgeTracking', 'POST', '/tracking/acknowledge', { body: { order_ids: [id] } });
    const acknowledged = dataOf(await store.send('getPendingTracking', 'GET', '/tracking/pending'));
    expect(acknowledged.orders.map((o: Json) => o.order_id)).not.toContain(id);

    const hook = (event: string) =>
      store.send('receiveShipstationWebhook', 'POST', '/webhooks/shipstation', {
        body: { event, tracking_number: shipment.tracking_number },
        unsigned: true,
        query: { secret: sandbox.credentials.webhookSecret },
      });
    expect(dataOf(await hook('DELIVERED'))).toMatchObject({ order_status: 'COMPLETE', changed: true });
    expect(dataOf(await hook('DELIVERED'))).toMatchObject({ order_status: 'COMPLETE', changed: false });
    expect((await order(id)).shipments[0].status).toBe('DELIVERED');
    expect((await wallet()).balance_cents).toBe(after.balance_cents);
  });

  it('refuses transitions the lifecycle does not allow, with 409 INVALID_STATE', async () => {
    const id = await place('life-2');
    expect((await moveTo(id, 'PACKED')).status).toBe(409);
    expect((await moveTo(id, 'COMPLETE')).status).toBe(409);
    expect((await order(id)).status).toBe('FUNDED');
  });

  it('releases the reservation when funding lapses and takes it again when funded', async () => {
    const id = await place('life-3');
    const reserved = (await wallet()).reserved_cents;
    expect((await moveTo(id, 'AWAITING_FUNDS')).status).toBe(200);
    expect((await wallet()).reserved_cents).toBe(reserved - 5895);
    expect((await moveTo(id, 'FUNDED')).status).toBe(200);
    expect((await wallet()).reserved_cents).toBe(reserved);
  });

  it('cancels a funded order as REFUNDED, releasing its reservation once', async () => {
    const id = await place('cancel-1');
    const before = await wallet();
    const first = dataOf(await store.send('cancelOrder', 'POST', `/orders/${id}/cancel`, { body: { reason: 'Changed mind' } }));
    expect(first).toMatchObject({ status: 'REFUNDED', released_cents: 5895, available_cents: before.available_cents + 5895 });
    const again = dataOf(await store.send('cancelOrder', 'POST', `/orders/${id}/cancel`));
    expect(again).toMatchObject({ status: 'REFUNDED', released_cents: 0, available_cents: before.available_cents + 5895 });
    expect((await order(id)).cancel_reason).toBe('Changed mind');
  });

  it('cancels as CANCELLED when refund_to_wallet is false or nothing was reserved', async () => {
    const id = await place('cancel-2');
    const noRefund = dataOf(await store.send('cancelOrder', 'POST', `/orders/${id}/cancel`, { body: { refund_to_wallet: false } }));
    expect(noRefund).toMatchObject({ status: 'CANCELLED', released_cents: 5895 });
    const lapsed = await place('cancel-3');
    await moveTo(lapsed, 'AWAITING_FUNDS');
    const unfunded = dataOf(await store.send('cancelOrder', 'POST', `/orders/${lapsed}/cancel`));
    expect(unfunded).toMatchObject({ status: 'CANCELLED', released_cents: 0 });
  });

  it('refuses to cancel a SHIPPED or COMPLETE order and changes nothing', async () => {
    for (const status of ['SHIPPED', 'COMPLETE']) {
      const listed = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { status, limit: 1 } })).orders[0];
      const answer = await store.send('cancelOrder', 'POST', `/orders/${listed.id}/cancel`);
      expect(answer.status).toBe(409);
      expect((await order(listed.id)).status).toBe(status);
    }
  });
});

describe('whitelabel paging, delta sync and seeded data', () => {
  it('pages orders newest first without overlap', async () => {
    const first = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { page: 1, limit: 100 } }));
    const third = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { page: 3, limit: 100 } }));
    expect(first.pagination.total).toBeGreaterThanOrEqual(250);
    expect(first.pagination.total_pages).toBe(Math.ceil(first.pagination.total / 100));
    const created = first.orders.map((o: Json) => Date.parse(o.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const ids = new Set(first.orders.map((o: Json) => o.id));
    expect(third.orders.some((o: Json) => ids.has(o.id))).toBe(false);
    const beyond = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { page: 99, limit: 100 } }));
    expect(beyond.orders).toEqual([]);
  });

  it('filters orders by status', async () => {
    const page = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { status: 'REFUNDED', limit: 100 } }));
    expect(page.orders.length).toBeGreaterThan(0);
    expect(page.orders.every((o: Json) => o.status === 'REFUNDED')).toBe(true);
  });

  it('walks order updates oldest first with next_since, missing none', async () => {
    const since = new Date(REFERENCE_TIME - 20 * 86_400_000).toISOString();
    const expected = sandbox.state.orders().filter((o) => o.updatedAt > Date.parse(since)).length;
    const seen: string[] = [];
    let cursor = since;
    for (let more = true; more; ) {
      const page = dataOf(await store.send('getOrderUpdates', 'GET', '/orders/updates', { query: { since: cursor, limit: 7 } }));
      const times = page.updates.map((u: Json) => Date.parse(u.updated_at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      seen.push(...page.updates.map((u: Json) => u.order_id));
      cursor = page.next_since;
      more = page.has_more;
    }
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  it('lists an order in updates after its status changes', async () => {
    const id = await place('sync-1');
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await moveTo(id, 'RELEASED_TO_FULFILLMENT');
    const updates = dataOf(await store.send('getOrderUpdates', 'GET', '/orders/updates', { query: { since } })).updates;
    expect(updates).toEqual([expect.objectContaining({ order_id: id, woo_order_id: 'sync-1', status: 'RELEASED_TO_FULFILLMENT' })]);
  });

  it('seeds 250 orders over every documented status and the 180 days before the reference date', async () => {
    const fresh = await startWhitelabelSandbox({ seed: 3 });
    try {
      const client = new WhitelabelClient(fresh.baseUrl, contract, fresh.credentials.store);
      const seeded: Json[] = [];
      for (let page = 1, pages = 1; page <= pages; page += 1) {
        const answer = dataOf(await client.send('listOrders', 'GET', '/orders', { query: { page, limit: 100 } }));
        seeded.push(...answer.orders);
        pages = answer.pagination.total_pages;
      }
      expect(seeded).toHaveLength(250);
      expect(new Set(seeded.map((o) => o.status))).toEqual(new Set([
        'RECEIVED', 'AWAITING_FUNDS', 'FUNDED', 'RELEASED_TO_FULFILLMENT', 'PICKING', 'PACKED',
        'SHIPPED', 'COMPLETE', 'ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE', 'CANCELLED', 'REFUNDED',
      ]));
      const created = seeded.map((o) => Date.parse(o.created_at));
      expect(Math.min(...created)).toBeGreaterThanOrEqual(REFERENCE_TIME - 180 * 86_400_000);
      expect(Math.min(...created)).toBeLessThan(REFERENCE_TIME - 150 * 86_400_000);
      expect(Math.max(...created)).toBeLessThan(REFERENCE_TIME);
      expect(Math.max(...created)).toBeGreaterThan(REFERENCE_TIME - 30 * 86_400_000);
    } finally {
      await fresh.close();
    }
  });

  it('serves the same first page for the same seed and a different one for another seed', async () => {
    const firstPage = async (seed: number) => {
      const other = await startWhitelabelSandbox({ seed });
      try {
        const client = new WhitelabelClient(other.baseUrl, contract, other.credentials.store);
        const answer = await client.send('listOrders', 'GET', '/orders', { query: { limit: 20 } });
        const products = dataOf(await client.send('getCatalog', 'GET', '/catalog')).products;
        return { orders: dataOf(answer).orders, products };
      } finally {
        await other.close();
      }
    };
    const [a, b, c] = [await firstPage(7), await firstPage(7), await firstPage(8)];
    expect(a).toEqual(b);
    expect(c.orders).not.toEqual(a.orders);
  });
});
