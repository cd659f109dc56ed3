import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../support/contract.ts';
import {
  CHANNEL, CREDENTIALS, PARTNER, SKU_A, connect, newOrder, placeOrders, type CenportsTestClient, type TransactionBody,
} from './cenports-support.ts';

// Every operation of openapi/cenports.yaml and every documented error, each answer checked against it.
let contract: Contract;
let client: CenportsTestClient;

beforeAll(async () => {
  contract = await Contract.load('cenports');
  client = await connect(contract);
});
afterAll(() => client?.close());

const errorsOf = (body: unknown) => (body as { errors: Record<string, string[]> }).errors;

describe('cenports: POST /authorize', () => {
  it('issues a Bearer token with expires_in of 12 hours and the documented scopes', async () => {
    const answer = await client.request('authorize', 'POST', '/authorize', {
      token: null,
      body: { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 43_200, scopes: ['basic', 'view-account'] });
    expect(answer.body).not.toHaveProperty('exp');
  });

  it('answers 401 invalid_client for a wrong secret', async () => {
    const answer = await client.request('authorize', 'POST', '/authorize', {
      token: null,
      body: { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: 'wrong' },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_client' });
  });

  it('answers 400 invalid_request when client_secret is missing', async () => {
    const answer = await client.request('authorize', 'POST', '/authorize', {
      token: null,
      body: { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 400 unsupported_grant_type for a password grant', async () => {
    const answer = await client.request('authorize', 'POST', '/authorize', {
      token: null,
      body: { grant_type: 'password', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers 400 in the business shape when the body is not JSON', async () => {
    const answer = await client.request('authorize', 'POST', '/authorize', { token: null, rawBody: '{"grant_type":' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: '50001' });
  });
});

describe('cenports: authentication on API calls', () => {
  it('answers 401 Unauthenticated without a token', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { token: null, query: { partnerId: PARTNER } });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Unauthenticated.', error: 'invalid_token' });
  });

  it('answers 401 for a token it never issued', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', {
      token: 'forged-token',
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('AUTH-1')] },
    });
    expect(answer.status).toBe(401);
  });

  it("answers 422 on partnerId when it is not the token's partner", async () => {
    const answer = await client.request('getChannels', 'GET', '/channels', { query: { partnerId: 'SOMEONE-ELSE' } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body).partnerId).toEqual(['The partner id is not valid, please try again.']);
  });
});

describe('cenports: orders', () => {
  it('lists orders in the documented envelope', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, channelId: CHANNEL, limit: 5 } });
    expect(answer.status).toBe(200);
    const body = answer.body as { data: { channelId: string }[]; code: number; status: string };
    expect(body).toMatchObject({ code: 200, status: 'success', message: 'OK' });
    expect(body.data).toHaveLength(5);
    expect(body.data.every((order) => order.channelId === CHANNEL)).toBe(true);
  });

  it('answers 422 when startDate comes without endDate', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, startDate: '2026-10-01' } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ message: 'The given data was invalid.' });
    expect(errorsOf(answer.body)).toHaveProperty('endDate');
  });

  it('answers 422 when partnerId is missing', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { channelId: CHANNEL } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body).partnerId).toEqual(['The partnerId field is required.']);
  });

  it('answers 422 for an unknown channelId', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, channelId: 'NOPE' } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)).toHaveProperty('channelId');
  });

  it('answers 422 for a limit above 300', async () => {
    const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, limit: 301 } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body).limit).toEqual(['The limit field must not be greater than 300.']);
  });

  it('accepts an order asynchronously and answers a transaction', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('TOUR-1')] },
    });
    expect(answer.status).toBe(200);
    const transaction = answer.body as TransactionBody;
    expect(['QUEUED', 'PROCESSING']).toContain(transaction.status);
    expect(transaction.completed_at).toBeNull();
    expect((await client.settled(transaction.handle)).status).toBe('COMPLETED');
  });

  it('answers 422 with the field path when lineItems is empty', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('TOUR-EMPTY', { lineItems: [] })] },
    });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)['orders.0.lineItems']).toEqual(['The orders.0.lineItems field must have at least 1 item.']);
  });

  it('answers 422 for a quantity of zero', async () => {
    const lineItems = [{ sku: SKU_A, quantity: 0, consumerPrice: 20, subTotal: 0 }];
    const answer = await client.request('createOrders', 'POST', '/orders', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: [newOrder('TOUR-QTY', { lineItems, subTotal: 0, grandTotal: 5 })] },
    });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)['orders.0.lineItems.0.quantity']).toEqual(['The orders.0.lineItems.0.quantity field must be at least 1.']);
  });

  it('answers 422 when orders is missing', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId: CHANNEL } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body).orders).toEqual(['The orders field is required.']);
  });

  it('answers 400 in the business shape when the body is not JSON', async () => {
    const answer = await client.request('createOrders', 'POST', '/orders', { rawBody: '{"orders": [' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: '50001', errors: ['Malformed JSON body'] });
  });

  it('acknowledges orders of a channel', async () => {
    const answer = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: 'TOUR-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: [], code: 200, status: 'success', message: 'OK' });
  });

  it('answers 400 code 50001 naming each order number it cannot acknowledge', async () => {
    const answer = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', {
      body: { partnerId: PARTNER, channelId: CHANNEL, orders: 'TOUR-1, NOT-THERE' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: '50001', errors: ['The orderNo NOT-THERE is not able to update.'] });
  });

  it('answers 422 when the acknowledgement has no orders', async () => {
    const answer = await client.request('acknowledgeOrders', 'PATCH', '/orders/acknowledge', { body: { partnerId: PARTNER, channelId: CHANNEL } });
    expect(answer.status).toBe(422);
  });
});

describe('cenports: channels', () => {
  it('lists the seeded channels', async () => {
    const answer = await client.request('getChannels', 'GET', '/channels', { query: { partnerId: PARTNER } });
    expect(answer.status).toBe(200);
    const ids = (answer.body as { data: { channelId: string }[] }).data.map((c) => c.channelId);
    expect(ids).toEqual(expect.arrayContaining([...CREDENTIALS.channelIds]));
  });

  it('creates a channel and answers with the document’s channalName spelling', async () => {
    const answer = await client.request('createChannel', 'POST', '/channels', {
      body: {
        partnerId: PARTNER,
        channelId: 'TOURCH',
        channelName: 'Tour Channel',
        contactEmail: 'tour@example.com',
        contactInfo: { address: '1742 Sabre Street', city: 'Hayward', state: 'CA', country: 'US', postalCode: '94545' },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { partnerId: PARTNER, channelId: 'TOURCH', channalName: 'Tour Channel' } });
  });

  it('answers 422 when neither contactEmail nor contactPhone is sent', async () => {
    const answer = await client.request('createChannel', 'POST', '/channels', {
      body: { partnerId: PARTNER, channelName: 'No contact', contactInfo: { address: 'a', city: 'b', state: 'CA', country: 'US', postalCode: '1' } },
    });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)).toHaveProperty('contactEmail');
  });
});

describe('cenports: shipments', () => {
  it('lists shipments of a channel', async () => {
    const answer = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER, channelId: CHANNEL, limit: 3 } });
    expect(answer.status).toBe(200);
    expect((answer.body as { data: unknown[] }).data).toHaveLength(3);
  });

  it('answers 422 without channelId', async () => {
    const answer = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body).channelId).toEqual(['The channelId field is required.']);
  });

  it('accepts a shipment acknowledgement asynchronously', async () => {
    const list = await client.request('getShipments', 'GET', '/shipments', { query: { partnerId: PARTNER, channelId: CHANNEL, limit: 1 } });
    const orderNo = (list.body as { data: { orderNo: string }[] }).data[0]!.orderNo;
    const answer = await client.request('acknowledgeShipments', 'PATCH', '/shipments/acknowledge', {
      body: { partnerId: PARTNER, shipments: [{ orderNo }] },
    });
    expect(answer.status).toBe(200);
    expect((await client.settled((answer.body as TransactionBody).handle)).status).toBe('COMPLETED');
  });

  it('answers 422 for an empty shipments array', async () => {
    const answer = await client.request('acknowledgeShipments', 'PATCH', '/shipments/acknowledge', { body: { partnerId: PARTNER, shipments: [] } });
    expect(answer.status).toBe(422);
  });
});

describe('cenports: inventories and transactions', () => {
  it('answers available stock per warehouse with string quantities', async () => {
    const answer = await client.request('getInventories', 'GET', '/inventories', { query: { partnerId: PARTNER, channelId: CHANNEL } });
    expect(answer.status).toBe(200);
    const data = (answer.body as { data: { warehouseInventory: { quantity: unknown }[] }[] }).data;
    expect(data).toHaveLength(3);
    expect(data[0]!.warehouseInventory).toHaveLength(150);
    expect(typeof data[0]!.warehouseInventory[0]!.quantity).toBe('string');
  });

  it('answers 422 for available stock without channelId', async () => {
    const answer = await client.request('getInventories', 'GET', '/inventories', { query: { partnerId: PARTNER } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)).toHaveProperty('channelId');
  });

  it('accepts an inventory update asynchronously', async () => {
    const answer = await client.request('updateInventories', 'PATCH', '/inventories', {
      body: { partnerId: PARTNER, warehouseCode: 'CENPORTS', inventories: [{ productSKU: SKU_A, quantity: 40, type: 'TRUE_UP' }] },
    });
    expect(answer.status).toBe(200);
    expect((await client.settled((answer.body as TransactionBody).handle)).status).toBe('COMPLETED');
  });

  it('answers 422 for an update type it does not know', async () => {
    const answer = await client.request('updateInventories', 'PATCH', '/inventories', {
      body: { partnerId: PARTNER, warehouseCode: 'CENPORTS', inventories: [{ productSKU: SKU_A, quantity: 1, type: 'SET' }] },
    });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)['inventories.0.type']).toEqual(['The inventories.0.type field must be TRUE_UP or DIFFERENTIAL.']);
  });

  it('answers 404 for a handle it never issued', async () => {
    const answer = await client.request('getTransaction', 'GET', '/transaction', {
      query: { partnerId: PARTNER, handle: 'd93ff46f-3621-47e2-89a0-74d8caeae8a3' },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: '40400' });
  });

  it('answers 422 for a handle that is not a UUID', async () => {
    const answer = await client.request('getTransaction', 'GET', '/transaction', { query: { partnerId: PARTNER, handle: '12345' } });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer.body)).toHaveProperty('handle');
  });

  it('finds a transaction by its handle in upper case', async () => {
    const { handle } = await placeOrders(client, [newOrder('TOUR-CASE')]);
    const answer = await client.request('getTransaction', 'GET', '/transaction', { query: { partnerId: PARTNER, handle: handle.toUpperCase() } });
    expect(answer.status).toBe(200);
    expect((answer.body as TransactionBody).handle).toBe(handle);
  });
});

describe('cenports: rate limit', () => {
  it('answers 429 with Retry-After once the scaled 60-a-minute budget is spent', async () => {
    const limited = await connect(contract, { rateLimitMode: { scale: 0.05 } }); // 3 a minute; authorize used one
    try {
      const seen: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        seen.push((await limited.request('getChannels', 'GET', '/channels', { query: { partnerId: PARTNER } })).status);
      }
      expect(seen).toEqual([200, 200, 429]);
      const refused = await limited.request('authorize', 'POST', '/authorize', {
        token: null,
        body: { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret },
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
      expect(refused.body).toMatchObject({ code: '42900' });
    } finally {
      await limited.close();
    }
  });
});

describe('cenports: coverage', () => {
  it('exercised every operation of the spec', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
