import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCentreSandbox, type CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { Contract } from '../support/contract.ts';
import { listOrders, orderBody, postOrder } from './centre-support.ts';

let sandbox: CentreSandbox;
let contract: Contract;

beforeAll(async () => {
  contract = await Contract.load('centre');
  sandbox = await startCentreSandbox({ seed: 3 });
});
afterAll(async () => sandbox?.close());
beforeEach(() => sandbox.resetRateLimits());

/** Posts the body and expects a 400 that created nothing; returns the answer's body. */
async function refused(body: unknown, init: { rawBody?: string } = {}) {
  const before = sandbox.state.orders().length;
  const response = await postOrder(sandbox, contract, { body, ...init });
  expect(response.status).toBe(400);
  expect(sandbox.state.orders().length).toBe(before);
  return response.body as { success: boolean; error: string; details?: string[] };
}

function withShipping(changes: Record<string, unknown>) {
  const body = orderBody();
  return { ...body, shippingAddress: { ...(body.shippingAddress as object), ...changes } };
}

describe('centre createOrder: the baseline the refusals vary', () => {
  it('answers 201 PENDING to the minimum valid request with the active key, creating one order', async () => {
    const body = orderBody();
    const response = await postOrder(sandbox, contract, { body });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ success: true, data: { status: 'PENDING' } });
    expect((await listOrders(sandbox, { partnerOrderId: body.partnerOrderId as string })).total).toBe(1);
  });
});

describe('centre createOrder: authentication', () => {
  it('answers 401 "Missing API Key" when the X-API-Key header is empty', async () => {
    const response = await postOrder(sandbox, contract, { body: orderBody(), headers: { 'x-api-key': '' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, error: 'Missing API Key' });
  });

  it('answers 401 "Missing API Key" when the header is absent altogether', async () => {
    const response = await fetch(`${sandbox.baseUrl}/sales-channels/integration/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(orderBody()),
    });
    const seen = { status: response.status, headers: response.headers, body: await response.json() };
    contract.check('createOrder', seen);
    expect(seen.status).toBe(401);
    expect(seen.body).toEqual({ success: false, error: 'Missing API Key' });
  });

  it('answers 401 "Invalid API Key" for a key no channel owns', async () => {
    const response = await postOrder(sandbox, contract, { body: orderBody(), headers: { 'x-api-key': 'crp_test_not_a_real_key' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, error: 'Invalid API Key' });
  });

  it('checks the key before it reads the body', async () => {
    const response = await postOrder(sandbox, contract, { rawBody: '{not json', headers: { 'x-api-key': 'wrong' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, error: 'Invalid API Key' });
  });

  it('answers 403 "Sales Channel is not active" for the paused channel and creates nothing', async () => {
    const body = orderBody();
    const response = await postOrder(sandbox, contract, { body, headers: { 'x-api-key': sandbox.credentials.inactiveApiKey } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ success: false, error: 'Sales Channel is not active' });
    expect((await listOrders(sandbox, { partnerOrderId: body.partnerOrderId as string })).total).toBe(0);
  });
});

describe('centre createOrder: validation', () => {
  it('lists every missing field as "<path> is required"', async () => {
    const body = orderBody({ customer: { firstName: 'John', lastName: 'Doe' } });
    delete (body.shippingAddress as Record<string, unknown>).address1;
    expect(await refused(body)).toEqual({
      success: false,
      error: 'Validation error',
      details: ['customer.email is required', 'shippingAddress.address1 is required'],
    });
  });

  it('reads an empty body as an empty order and names the top-level fields', async () => {
    const answer = await refused(undefined, { rawBody: '' });
    expect(answer.details).toEqual(['partnerOrderId is required', 'customer is required', 'shippingAddress is required']);
  });

  it('treats empty strings as missing', async () => {
    expect((await refused(orderBody({ partnerOrderId: '' }))).details).toEqual(['partnerOrderId is required']);
  });

  it('refuses an invalid email', async () => {
    const answer = await refused(orderBody({ customer: { firstName: 'J', lastName: 'D', email: 'not-an-email' } }));
    expect(answer.details).toEqual(['customer.email must be a valid email']);
  });

  it('refuses a state that is not two uppercase letters, in shipping and billing addresses', async () => {
    expect((await refused(withShipping({ state: 'California' }))).details).toEqual(['shippingAddress.state must be a 2-letter state code']);
    expect((await refused(withShipping({ state: 'ca' }))).details).toEqual(['shippingAddress.state must be a 2-letter state code']);
    const billing = orderBody({ billingAddress: { state: 'N Y' } });
    expect((await refused(billing)).details).toEqual(['billingAddress.state must be a 2-letter state code']);
  });

  it('refuses a field of the wrong type', async () => {
    expect((await refused(withShipping({ zip: 90001 }))).details).toEqual(['shippingAddress.zip must be a string']);
  });

  it('answers a body that is not JSON with a 400 in the supplier shape', async () => {
    const answer = await refused(undefined, { rawBody: '{"partnerOrderId": ' });
    expect(answer).toEqual({ success: false, error: 'Malformed JSON body' });
  });
});

describe('centre createOrder: items', () => {
  it.each([
    ['missing', undefined],
    ['empty', []],
    ['not an array', { variantId: 'BPC-157-5MG', quantity: 1 }],
  ])('answers 400 "Items array is required" when items are %s', async (_case, items) => {
    expect(await refused(orderBody({ items }))).toEqual({ success: false, error: 'Items array is required' });
  });

  it('answers a validation error naming an item without variantId', async () => {
    const answer = await refused(orderBody({ items: [{ variantId: 'BPC-157-5MG', quantity: 1 }, { quantity: 2 }] }));
    expect(answer).toEqual({ success: false, error: 'Validation error', details: ['items[1].variantId is required'] });
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
    ['a numeric string', '2'],
    ['not a number', 'two'],
    ['missing', undefined],
  ])('answers 400 "Invalid quantity for variant <id>" when quantity is %s', async (_case, quantity) => {
    const answer = await refused(orderBody({ items: [{ variantId: 'TB500-10MG', quantity: 1 }, { variantId: 'clxyz123abc456def789', quantity }] }));
    expect(answer).toEqual({ success: false, error: 'Invalid quantity for variant clxyz123abc456def789' });
  });

  it('answers 400 "Price not configured" for a variant neither id nor SKU finds', async () => {
    const answer = await refused(orderBody({ items: [{ variantId: 'BPC-157-5MG', quantity: 1 }, { variantId: 'test-variant-id', quantity: 1 }] }));
    expect(answer).toEqual({
      success: false,
      error: 'Price not configured for variant test-variant-id on this channel. Tried both ID and SKU lookup.',
    });
  });

  it('answers 400 "Price not configured" for a known variant without a channel price, by SKU and by id', async () => {
    expect((await refused(orderBody({ items: [{ variantId: 'SEMAGLUTIDE-5MG', quantity: 1 }] }))).error).toBe(
      'Price not configured for variant SEMAGLUTIDE-5MG on this channel. Tried both ID and SKU lookup.',
    );
    const unpriced = sandbox.priceList.find((entry) => entry.sku === 'TIRZEPATIDE-10MG');
    expect(unpriced?.priceCents).toBeNull();
    expect((await refused(orderBody({ items: [{ variantId: unpriced?.variantId, quantity: 1 }] }))).error).toBe(
      `Price not configured for variant ${unpriced?.variantId} on this channel. Tried both ID and SKU lookup.`,
    );
  });

  it('looks SKUs up exactly, so a lower-case SKU is not found', async () => {
    expect((await refused(orderBody({ items: [{ variantId: 'bpc-157-5mg', quantity: 1 }] }))).error).toMatch(/^Price not configured for variant bpc-157-5mg/);
  });

  it('reports validation before items, and items before prices', async () => {
    const everything = orderBody({ customer: undefined, items: [{ variantId: 'nope', quantity: 0 }] });
    expect((await refused(everything)).error).toBe('Validation error');
    const itemsAndPrice = orderBody({ items: [{ variantId: 'nope', quantity: 0 }] });
    expect((await refused(itemsAndPrice)).error).toBe('Invalid quantity for variant nope');
  });

  it('exercised every documented operation', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
