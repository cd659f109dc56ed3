import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import { Contract } from '../support/contract.ts';
import { dataOf, errorCodeOf, orderBody, signHeaders, WhitelabelClient, type Json } from './whitelabel-client.ts';

// Every operation and every documented error, each answer checked against openapi/whitelabel.yaml.
let sandbox: WhitelabelSandbox;
let contract: Contract;
let store: WhitelabelClient;
let ops: WhitelabelClient;
let catalog: Json[];
const WEBHOOK = '/webhooks/shipstation';

beforeAll(async () => {
  // Limits scaled up: this file sends more than 30 writes a minute, and answers must still carry X-RateLimit-*.
  sandbox = await startWhitelabelSandbox({ seed: 1, rateLimitMode: { scale: 100 } });
  contract = await Contract.load('whitelabel');
  store = new WhitelabelClient(sandbox.baseUrl, contract, sandbox.credentials.store);
  ops = new WhitelabelClient(sandbox.baseUrl, contract, sandbox.credentials.ops);
  catalog = dataOf(await store.send('getCatalog', 'GET', '/catalog')).products;
});
afterAll(() => sandbox.close());

const skuWhere = (predicate: (product: Json) => boolean): string => catalog.find(predicate)!.sku;
const placeOrder = async (wooOrderId: string, qty = 2) =>
  dataOf(await store.send('createOrder', 'POST', '/orders', { body: orderBody(wooOrderId, [{ supplier_sku: 'BPC-157-5MG', qty }]) }));
const firstOrderIn = async (status: string): Promise<Json> =>
  dataOf(await store.send('listOrders', 'GET', '/orders', { query: { status, limit: 1 } })).orders[0];

describe('whitelabel: health and store connection', () => {
  it('answers the health check without authentication', async () => {
    const answer = await store.send('getHealth', 'GET', '/health', { unsigned: true });
    expect(answer.status).toBe(200);
    expect(dataOf(answer)).toMatchObject({ status: 'healthy', version: '1.0.0' });
  });

  it('exchanges a connect code once for a working store credential, then refuses the code', async () => {
    const body = { connect_code: sandbox.credentials.connectCode, store_url: 'https://mystore.com', store_name: 'My Research Store' };
    const first = await store.send('exchangeConnectCode', 'POST', '/stores/connect/exchange', { body, unsigned: true });
    expect(first.status).toBe(200);
    const issued = dataOf(first);
    expect(issued.api_base_url).toBe(sandbox.url);
    const asNewStore = { storeId: issued.store_id, storeSecret: issued.store_secret };
    expect((await store.send('getWallet', 'GET', '/wallet', { as: asNewStore })).status).toBe(200);

    const again = await store.send('exchangeConnectCode', 'POST', '/stores/connect/exchange', { body, unsigned: true });
    expect(again.status).toBe(401);
    expect(errorCodeOf(again)).toBe('UNAUTHORIZED');

    // Rotating this fresh credential leaves the fixed test credentials untouched.
    const rotated = await store.send('rotateStoreSecret', 'POST', '/stores/rotate-secret', { as: asNewStore });
    expect(rotated.status).toBe(200);
    const stale = await store.send('getWallet', 'GET', '/wallet', { as: asNewStore });
    expect(errorCodeOf(stale)).toBe('SIGNATURE_INVALID');
    const fresh = { storeId: issued.store_id, storeSecret: dataOf(rotated).new_secret };
    expect((await store.send('getWallet', 'GET', '/wallet', { as: fresh })).status).toBe(200);
  });

  it('answers 400 VALIDATION_ERROR to a connect request without store_url', async () => {
    const answer = await store.send('exchangeConnectCode', 'POST', '/stores/connect/exchange', {
      body: { connect_code: 'ABC1-2DEF-3GHI' },
      unsigned: true,
    });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('VALIDATION_ERROR');
  });

  it('answers 401 to a rotation signed with a wrong secret and rotates nothing', async () => {
    const wrong = { ...sandbox.credentials.store, storeSecret: 'secret_wrong' };
    const answer = await store.send('rotateStoreSecret', 'POST', '/stores/rotate-secret', { as: wrong });
    expect(errorCodeOf(answer)).toBe('SIGNATURE_INVALID');
    expect((await store.send('getWallet', 'GET', '/wallet')).status).toBe(200);
  });
});

describe('whitelabel: HMAC authentication', () => {
  const expectRefused = async (code: string, options: Parameters<WhitelabelClient['send']>[3]) => {
    const answer = await store.send('getCatalog', 'GET', '/catalog', options);
    expect(answer.status).toBe(401);
    expect(errorCodeOf(answer)).toBe(code);
  };

  it('answers 401 UNAUTHORIZED without the HMAC headers', () => expectRefused('UNAUTHORIZED', { unsigned: true }));

  it('answers 401 UNAUTHORIZED to an unknown store id', () =>
    expectRefused('UNAUTHORIZED', { as: { storeId: '00000000-0000-4000-8000-000000000000', storeSecret: 'x' } }));

  it('answers 401 UNAUTHORIZED to a nonce that is not 32 hex characters', () =>
    expectRefused('UNAUTHORIZED', { headers: { 'x-nonce': 'not-hex' } }));

  it('answers 401 SIGNATURE_EXPIRED to a timestamp more than 5 minutes old or ahead', async () => {
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      await expectRefused('SIGNATURE_EXPIRED', { unsigned: true, headers: signHeaders(store.pair, '', { timestamp: Date.now() + skew }) });
    }
  });

  it('accepts a timestamp 4 minutes old', async () => {
    const headers = signHeaders(store.pair, '', { timestamp: Date.now() - 4 * 60_000 });
    expect((await store.send('getCatalog', 'GET', '/catalog', { unsigned: true, headers })).status).toBe(200);
  });

  it('answers 401 SIGNATURE_INVALID to a signature made with another secret', () =>
    expectRefused('SIGNATURE_INVALID', { as: { ...sandbox.credentials.store, storeSecret: 'secret_wrong' } }));

  it('answers 401 SIGNATURE_INVALID to an uppercase hex signature', async () => {
    const headers = signHeaders(store.pair);
    await expectRefused('SIGNATURE_INVALID', { unsigned: true, headers: { ...headers, 'x-signature': headers['x-signature']!.toUpperCase() } });
  });

  it('answers 401 SIGNATURE_INVALID when the body is not the one signed, and places nothing', async () => {
    const signedFor = JSON.stringify(orderBody('tamper-1', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]));
    const answer = await store.send('createOrder', 'POST', '/orders', {
      body: orderBody('tamper-1', [{ supplier_sku: 'BPC-157-5MG', qty: 9 }]),
      unsigned: true,
      headers: signHeaders(store.pair, signedFor),
    });
    expect(errorCodeOf(answer)).toBe('SIGNATURE_INVALID');
    expect(sandbox.state.orderByWooId('tamper-1')).toBeUndefined();
  });

  it('answers 401 NONCE_REUSED when a signed request is replayed', async () => {
    const headers = signHeaders(store.pair);
    expect((await store.send('getCatalog', 'GET', '/catalog', { unsigned: true, headers })).status).toBe(200);
    await expectRefused('NONCE_REUSED', { unsigned: true, headers });
  });
});

describe('whitelabel: catalog and wallet', () => {
  it('lists about 60 products with integer cent prices, BPC-157-5MG at 2500', () => {
    expect(catalog).toHaveLength(60);
    expect(catalog.find((p) => p.sku === 'BPC-157-5MG')).toMatchObject({ wholesale_price_cents: 2500, map_price_cents: 4999 });
    for (const product of catalog) expect(product.wholesale_price_cents === null || Number.isInteger(product.wholesale_price_cents)).toBe(true);
  });

  it('reads the wallet with available = balance - reserved', async () => {
    const wallet = dataOf(await store.send('getWallet', 'GET', '/wallet'));
    expect(wallet.available_cents).toBe(wallet.balance_cents - wallet.reserved_cents);
    expect(wallet).toMatchObject({ currency: 'USD', pending_payments: 0 });
  });
});

describe('whitelabel: createOrder', () => {
  const refusal = async (body: unknown) => store.send('createOrder', 'POST', '/orders', { body });

  it('answers 201 FUNDED for a new order and 200 with the same order when woo_order_id repeats', async () => {
    const created = await store.send('createOrder', 'POST', '/orders', { body: orderBody('c-1001', [{ supplier_sku: 'BPC-157-5MG', qty: 2 }]) });
    expect(created.status).toBe(201);
    expect(dataOf(created)).toMatchObject({ status: 'FUNDED', estimated_total_cents: 5895, is_funded: true });
    const repeated = await store.send('createOrder', 'POST', '/orders', { body: orderBody('c-1001', [{ supplier_sku: 'BPC-157-5MG', qty: 2 }]) });
    expect(repeated.status).toBe(200);
    expect(dataOf(repeated).supplier_order_id).toBe(dataOf(created).supplier_order_id);
  });

  it.each([
    ['UNKNOWN_SKU', () => 'NOPE-1MG', 1],
    ['PRICE_NOT_CONFIGURED', () => skuWhere((p) => p.wholesale_price_cents === null), 1],
    ['OUT_OF_STOCK', () => skuWhere((p) => !p.in_stock), 1],
    ['QUANTITY_OUT_OF_RANGE', () => 'BPC-157-5MG', 51],
  ])('answers 400 %s naming the item', async (code, sku, qty) => {
    const items = [{ supplier_sku: 'BPC-157-5MG', qty: 1 }, { supplier_sku: sku(), qty }];
    const answer = await refusal(orderBody(`c-${code}`, items));
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe(code);
    expect((answer.body as Json).error.details).toMatchObject({ index: 1, supplier_sku: sku() });
    expect(sandbox.state.orderByWooId(`c-${code}`)).toBeUndefined();
  });

  it.each([
    ['a zero quantity', orderBody('c-v1', [{ supplier_sku: 'BPC-157-5MG', qty: 0 }])],
    ['a fractional quantity', orderBody('c-v2', [{ supplier_sku: 'BPC-157-5MG', qty: 1.5 }])],
    ['empty items', orderBody('c-v3', [])],
    ['another currency than the wallet', { ...orderBody('c-v4', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]), currency: 'EUR' }],
    ['no shipping address', { ...orderBody('c-v5', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]), shipping_address: undefined }],
  ])('answers 400 VALIDATION_ERROR with issues to %s', async (_case, body) => {
    const answer = await refusal(body);
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('VALIDATION_ERROR');
    expect((answer.body as Json).error.details.issues.length).toBeGreaterThan(0);
  });

  it('answers 400 VALIDATION_ERROR to malformed JSON', async () => {
    const answer = await store.send('createOrder', 'POST', '/orders', { rawBody: '{"woo_order_id": ' });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('VALIDATION_ERROR');
  });

  it('answers 400 INSUFFICIENT_FUNDS when the wallet cannot cover the estimate, creating nothing', async () => {
    const poor = await startWhitelabelSandbox({ walletBalanceCents: 1000 });
    try {
      const client = new WhitelabelClient(poor.baseUrl, contract, poor.credentials.store);
      const answer = await client.send('createOrder', 'POST', '/orders', { body: orderBody('poor-1', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]) });
      expect(answer.status).toBe(400);
      expect(errorCodeOf(answer)).toBe('INSUFFICIENT_FUNDS');
      expect((answer.body as Json).error.details).toEqual({ required_cents: 3395, available_cents: 1000 });
      expect(poor.state.orderByWooId('poor-1')).toBeUndefined();
      expect(dataOf(await client.send('getWallet', 'GET', '/wallet')).reserved_cents).toBe(0);
    } finally {
      await poor.close();
    }
  });
});

describe('whitelabel: reading orders', () => {
  it('lists a page of orders with pagination', async () => {
    const answer = await store.send('listOrders', 'GET', '/orders', { query: { page: 2, limit: 10 } });
    expect(answer.status).toBe(200);
    expect(dataOf(answer).orders).toHaveLength(10);
    expect(dataOf(answer).pagination).toMatchObject({ page: 2, limit: 10 });
  });

  it.each([[{ limit: 101 }], [{ page: 0 }], [{ status: 'LOST' }]])('answers 400 VALIDATION_ERROR to list query %j', async (query) => {
    const answer = await store.send('listOrders', 'GET', '/orders', { query });
    expect(errorCodeOf(answer)).toBe('VALIDATION_ERROR');
  });

  it('reads one order with items and shipments', async () => {
    const listed = await firstOrderIn('COMPLETE');
    const answer = await store.send('getOrder', 'GET', `/orders/${listed.id}`);
    expect(dataOf(answer)).toEqual(listed);
    expect(dataOf(answer).shipments[0].status).toBe('DELIVERED');
  });

  it.each(['6a1b2c3d-0000-4000-8000-000000000000', 'not-a-uuid'])('answers 404 NOT_FOUND to order %s', async (id) => {
    const answer = await store.send('getOrder', 'GET', `/orders/${id}`);
    expect(answer.status).toBe(404);
    expect(errorCodeOf(answer)).toBe('NOT_FOUND');
  });

  it('lists order updates since a moment', async () => {
    const answer = await store.send('getOrderUpdates', 'GET', '/orders/updates', { query: { since: '2026-10-25T00:00:00Z', limit: 5 } });
    expect(dataOf(answer).updates.length).toBeGreaterThanOrEqual(5);
    expect(dataOf(answer).has_more).toBe(true);
  });

  it.each([[{}], [{ since: 'yesterday' }], [{ since: '2026-10-25T00:00:00Z', limit: 500 }]])(
    'answers 400 VALIDATION_ERROR to updates query %j',
    async (query) => {
      expect(errorCodeOf(await store.send('getOrderUpdates', 'GET', '/orders/updates', { query }))).toBe('VALIDATION_ERROR');
    },
  );
});

describe('whitelabel: cancelOrder', () => {
  it('cancels a funded order', async () => {
    const placed = await placeOrder('cancel-1');
    const answer = await store.send('cancelOrder', 'POST', `/orders/${placed.supplier_order_id}/cancel`, {
      body: { reason: 'Customer requested cancellation', refund_to_wallet: true },
    });
    expect(dataOf(answer)).toMatchObject({ status: 'REFUNDED', released_cents: 5895 });
  });

  it('answers 409 INVALID_STATE to cancelling a SHIPPED order', async () => {
    const shipped = await firstOrderIn('SHIPPED');
    const answer = await store.send('cancelOrder', 'POST', `/orders/${shipped.id}/cancel`, { body: {} });
    expect(answer.status).toBe(409);
    expect((answer.body as Json).error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'SHIPPED' } });
  });

  it('answers 404 NOT_FOUND to cancelling an unknown order', async () => {
    const answer = await store.send('cancelOrder', 'POST', '/orders/6a1b2c3d-0000-4000-8000-000000000000/cancel');
    expect(answer.status).toBe(404);
  });

  it('answers 400 VALIDATION_ERROR to a non-boolean refund_to_wallet', async () => {
    const placed = await placeOrder('cancel-2');
    const answer = await store.send('cancelOrder', 'POST', `/orders/${placed.supplier_order_id}/cancel`, { body: { refund_to_wallet: 'yes' } });
    expect(errorCodeOf(answer)).toBe('VALIDATION_ERROR');
  });
});

describe('whitelabel: shipments (admin)', () => {
  it('creates a shipment with a label, then marks it shipped', async () => {
    const placed = await placeOrder('ship-1');
    const created = await ops.send('createShipment', 'POST', '/shipments', {
      body: { order_id: placed.supplier_order_id, carrier: 'usps', service: 'usps_priority_mail', weight_oz: 16 },
    });
    expect(created.status).toBe(201);
    expect(dataOf(created)).toMatchObject({ status: 'LABEL_CREATED', rate_cents: 895 });
    const shipped = await ops.send('markShipmentShipped', 'POST', `/shipments/${dataOf(created).shipment_id}/ship`, {
      body: { actual_cost_cents: 850 },
    });
    expect(dataOf(shipped)).toMatchObject({ status: 'IN_TRANSIT', tracking_number: dataOf(created).tracking_number });

    const twice = await ops.send('markShipmentShipped', 'POST', `/shipments/${dataOf(created).shipment_id}/ship`, { body: {} });
    expect(errorCodeOf(twice)).toBe('INVALID_STATE');
  });

  it('answers 403 FORBIDDEN to the store credential on both admin operations', async () => {
    const placed = await placeOrder('ship-2');
    const create = await store.send('createShipment', 'POST', '/shipments', {
      body: { order_id: placed.supplier_order_id, carrier: 'usps', service: 'usps_priority_mail' },
    });
    expect(create.status).toBe(403);
    expect(errorCodeOf(create)).toBe('FORBIDDEN');
    const ship = await store.send('markShipmentShipped', 'POST', '/shipments/6a1b2c3d-0000-4000-8000-000000000000/ship');
    expect(errorCodeOf(ship)).toBe('FORBIDDEN');
  });

  it('answers 404 NOT_FOUND to an unknown order or shipment', async () => {
    const create = await ops.send('createShipment', 'POST', '/shipments', {
      body: { order_id: '6a1b2c3d-0000-4000-8000-000000000000', carrier: 'usps', service: 'usps_priority_mail' },
    });
    expect(create.status).toBe(404);
    const ship = await ops.send('markShipmentShipped', 'POST', '/shipments/6a1b2c3d-0000-4000-8000-000000000000/ship');
    expect(ship.status).toBe(404);
  });

  it('answers 409 INVALID_STATE to a shipment for a COMPLETE order', async () => {
    const complete = await firstOrderIn('COMPLETE');
    const answer = await ops.send('createShipment', 'POST', '/shipments', {
      body: { order_id: complete.id, carrier: 'usps', service: 'usps_priority_mail' },
    });
    expect(answer.status).toBe(409);
  });

  it('answers 400 VALIDATION_ERROR to a shipment without a carrier or a negative cost', async () => {
    const placed = await placeOrder('ship-3');
    const create = await ops.send('createShipment', 'POST', '/shipments', { body: { order_id: placed.supplier_order_id, service: 'x' } });
    expect(errorCodeOf(create)).toBe('VALIDATION_ERROR');
    const shipment = dataOf(
      await ops.send('createShipment', 'POST', '/shipments', { body: { order_id: placed.supplier_order_id, carrier: 'usps', service: 'x' } }),
    );
    const ship = await ops.send('markShipmentShipped', 'POST', `/shipments/${shipment.shipment_id}/ship`, { body: { actual_cost_cents: -1 } });
    expect(errorCodeOf(ship)).toBe('VALIDATION_ERROR');
  });
});

describe('whitelabel: tracking and the ShipStation webhook', () => {
  const hook = (body: unknown, secret = sandbox.credentials.webhookSecret) =>
    store.send('receiveShipstationWebhook', 'POST', WEBHOOK, { body, unsigned: true, query: { secret } });

  it('lists pending tracking and acknowledges it', async () => {
    const pending = dataOf(await store.send('getPendingTracking', 'GET', '/tracking/pending', { query: { limit: 2 } }));
    expect(pending.orders.length).toBeGreaterThan(0);
    const ids = [pending.orders[0].order_id, 'no-such-order'];
    const answer = await store.send('acknowledgeTracking', 'POST', '/tracking/acknowledge', { body: { order_ids: ids } });
    expect(dataOf(answer)).toEqual({ acknowledged: [ids[0]], ignored: ['no-such-order'] });
  });

  it('answers 400 VALIDATION_ERROR to an empty acknowledgement and to limit=0', async () => {
    const ack = await store.send('acknowledgeTracking', 'POST', '/tracking/acknowledge', { body: { order_ids: [] } });
    expect(errorCodeOf(ack)).toBe('VALIDATION_ERROR');
    const list = await store.send('getPendingTracking', 'GET', '/tracking/pending', { query: { limit: 0 } });
    expect(errorCodeOf(list)).toBe('VALIDATION_ERROR');
  });

  it('delivers an in-transit shipment and completes its order', async () => {
    const inTransit = sandbox.state.orders().find((o) => o.status === 'SHIPPED' && o.shipments[0]?.status === 'IN_TRANSIT')!;
    const answer = await hook({ event: 'DELIVERED', tracking_number: inTransit.shipments[0]!.trackingNumber, carrier: 'usps' });
    expect(dataOf(answer)).toMatchObject({ shipment_status: 'DELIVERED', order_status: 'COMPLETE', changed: true });
  });

  it('answers 401 UNAUTHORIZED to a wrong webhook secret', async () => {
    const answer = await hook({ event: 'DELIVERED', tracking_number: '1' }, 'whsec_wrong');
    expect(answer.status).toBe(401);
    expect(errorCodeOf(answer)).toBe('UNAUTHORIZED');
  });

  it('answers 404 NOT_FOUND to an unknown tracking number', async () => {
    expect((await hook({ event: 'DELIVERED', tracking_number: '9400000000000000000000' })).status).toBe(404);
  });

  it('answers 409 INVALID_STATE to delivering a shipment that never left', async () => {
    const placed = await placeOrder('hook-1');
    const shipment = dataOf(
      await ops.send('createShipment', 'POST', '/shipments', { body: { order_id: placed.supplier_order_id, carrier: 'usps', service: 'x' } }),
    );
    const answer = await hook({ event: 'DELIVERED', tracking_number: shipment.tracking_number });
    expect(answer.status).toBe(409);
  });

  it('answers 400 VALIDATION_ERROR to an unknown event', async () => {
    expect(errorCodeOf(await hook({ event: 'EXPLODED', tracking_number: '1' }))).toBe('VALIDATION_ERROR');
  });
});

describe('whitelabel: coverage', () => {
  it('exercised every operation in the spec', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
