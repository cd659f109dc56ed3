import { createHash, createHmac } from 'node:crypto';
import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import { createUpstream } from '../../src/suppliers/http/upstream.ts';
import type { paths } from '../../src/generated/openapi/whitelabel.ts';
import { hmacSigning, signatureHeaders } from '../../src/suppliers/whitelabel/auth.ts';
import { createWhitelabelClient } from '../../src/suppliers/whitelabel/client.ts';

const errorCode = (body: unknown): string | undefined => (body as { error?: { code?: string } } | undefined)?.error?.code;

const orderBody = (wooOrderId: string) => ({
  woo_order_id: wooOrderId,
  currency: 'USD',
  shipping_address: { first_name: 'John', last_name: 'Doe', address_1: '1 Research Blvd', city: 'Las Vegas', postcode: '89101', country: 'US' },
  items: [{ supplier_sku: 'BPC-157-5MG', qty: 1 }],
});

/** Runs after signing and swaps the body for other bytes, keeping the signed headers. */
const swapBody = (replacement: string): Middleware => ({
  onRequest: ({ request }) => new Request(request, { body: replacement }),
});

describe('whitelabel request signing', () => {
  let sandbox: WhitelabelSandbox;
  const connection = () => ({ baseUrl: sandbox.baseUrl, store: sandbox.credentials.store, timeoutMs: 2_000 });

  beforeAll(async () => {
    sandbox = await startWhitelabelSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());

  it('computes the documented lowercase hex HMAC over storeId:timestamp:nonce:sha256hex(body)', () => {
    const credential = { storeId: 'store-1', storeSecret: 'shh' };
    const headers = signatureHeaders(credential, { timestamp: 1_760_000_000_000, nonce: 'ab'.repeat(16), body: '{"a":1}' });
    const bodyHash = createHash('sha256').update('{"a":1}').digest('hex');
    const expected = createHmac('sha256', 'shh').update(`store-1:1760000000000:${'ab'.repeat(16)}:${bodyHash}`).digest('hex');
    expect(headers).toEqual({ 'X-Store-Id': 'store-1', 'X-Timestamp': '1760000000000', 'X-Nonce': 'ab'.repeat(16), 'X-Signature': expected });
    expect(headers['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs a POST body so the supplier accepts it, with a fresh nonce per request', async () => {
    const upstream = createWhitelabelClient(connection());
    const body = orderBody('auth-accepted-1');
    const created = await upstream.call('createOrder', (client, init) => client.POST('/orders', { ...init, body }));
    expect(created.status).toBe(201);
    // The same request again: signed afresh, so no NONCE_REUSED, and answered as the idempotent repeat.
    const repeated = await upstream.call('createOrder', (client, init) => client.POST('/orders', { ...init, body }));
    expect(repeated.status).toBe(200);
    expect(sandbox.state.orderByWooId('auth-accepted-1')).toBeDefined();
  });

  it('is refused when the body sent differs from the body signed', async () => {
    const upstream = createWhitelabelClient(connection());
    upstream.client.use(swapBody(JSON.stringify(orderBody('auth-tampered-2'))));
    const answer = await upstream.call('createOrder', (client, init) =>
      client.POST('/orders', { ...init, body: orderBody('auth-tampered-1') }),
    );
    expect(answer.status).toBe(401);
    expect(errorCode(answer.body)).toBe('SIGNATURE_INVALID');
    expect(sandbox.state.orderByWooId('auth-tampered-1')).toBeUndefined();
    expect(sandbox.state.orderByWooId('auth-tampered-2')).toBeUndefined();
  });

  it('is refused with SIGNATURE_EXPIRED when its clock is outside the 5-minute window', async () => {
    const upstream = createUpstream<paths>({
      supplier: 'whitelabel',
      baseUrl: sandbox.baseUrl,
      timeoutMs: 2_000,
      middleware: [hmacSigning(sandbox.credentials.store, () => Date.now() - 6 * 60_000)],
    });
    const answer = await upstream.call('getWallet', (client, init) => client.GET('/wallet', init));
    expect(answer.status).toBe(401);
    expect(errorCode(answer.body)).toBe('SIGNATURE_EXPIRED');
  });

  it('signs GETs over the empty body, and admin calls with the ops credential when asked', async () => {
    const store = createWhitelabelClient(connection());
    expect((await store.call('getCatalog', (client, init) => client.GET('/catalog', init))).status).toBe(200);
    // An admin operation tells the two credentials apart: 403 for the store's, past auth for the ops one.
    const shipment = { order_id: '00000000-0000-4000-8000-000000000000', carrier: 'usps', service: 'usps_priority_mail' };
    const ops = createWhitelabelClient({ ...connection(), ops: sandbox.credentials.ops }, 'ops');
    const asStore = await store.call('createShipment', (client, init) => client.POST('/shipments', { ...init, body: shipment }));
    const asOps = await ops.call('createShipment', (client, init) => client.POST('/shipments', { ...init, body: shipment }));
    expect([asStore.status, errorCode(asStore.body)]).toEqual([403, 'FORBIDDEN']);
    expect([asOps.status, errorCode(asOps.body)]).toEqual([404, 'NOT_FOUND']);
    expect(() => createWhitelabelClient(connection(), 'ops')).toThrow(/ops credential/);
  });
});
