import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REFERENCE_TIME,
  startWhitelabelSandbox,
  type WhitelabelSandbox,
  type WhitelabelSandboxOptions,
} from '../../src/sandbox/whitelabel/index.ts';
import { Contract } from '../support/contract.ts';
import { dataOf, errorCodeOf, orderBody, signHeaders, WhitelabelClient } from './whitelabel-client.ts';

// Rate limits, injected faults, secret rotation and the sandbox clock, each on a fresh sandbox.
let contract: Contract;
let sandbox: WhitelabelSandbox | undefined;

beforeAll(async () => {
  contract = await Contract.load('whitelabel');
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const start = async (options: WhitelabelSandboxOptions = {}) => {
  sandbox = await startWhitelabelSandbox(options);
  return {
    sandbox,
    store: new WhitelabelClient(sandbox.baseUrl, contract, sandbox.credentials.store),
  };
};

describe('whitelabel rate limits', () => {
  it('counts reads down in X-RateLimit-* and answers 429 RATE_LIMITED with Retry-After when spent', async () => {
    const { store } = await start({ rateLimitMode: { scale: 0.05 } });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await store.send('getWallet', 'GET', '/wallet');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(answer.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const refused = await store.send('getCatalog', 'GET', '/catalog');
    expect(refused.status).toBe(429);
    expect(errorCodeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits writes separately from reads', async () => {
    const { store } = await start({ rateLimitMode: { scale: 0.05 } });
    const first = await store.send('createOrder', 'POST', '/orders', { body: orderBody('rl-1', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]) });
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    const second = await store.send('createOrder', 'POST', '/orders', { body: orderBody('rl-2', [{ supplier_sku: 'BPC-157-5MG', qty: 1 }]) });
    expect(second.status).toBe(429);
    expect(sandbox!.state.orderByWooId('rl-2')).toBeUndefined();
    expect((await store.send('getWallet', 'GET', '/wallet')).status).toBe(200);
  });
});

describe('whitelabel faults', () => {
  it('applies a create whose connection is reset, so the retry with the same woo_order_id returns that one order', async () => {
    const { sandbox, store } = await start({ faults: [{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }] });
    const body = orderBody('reset-1', [{ supplier_sku: 'BPC-157-5MG', qty: 2 }]);
    const reserved = dataOf(await store.send('getWallet', 'GET', '/wallet')).reserved_cents;
    await expect(store.send('createOrder', 'POST', '/orders', { body })).rejects.toThrow();

    const retry = await store.send('createOrder', 'POST', '/orders', { body });
    expect(retry.status).toBe(200);
    expect(dataOf(retry).supplier_order_id).toBe(sandbox.state.orderByWooId('reset-1')!.id);
    const newest = dataOf(await store.send('listOrders', 'GET', '/orders', { query: { limit: 5 } })).orders;
    expect(newest.filter((o: { woo_order_id: string }) => o.woo_order_id === 'reset-1')).toHaveLength(1);
    expect(dataOf(await store.send('getWallet', 'GET', '/wallet')).reserved_cents).toBe(reserved + 5895);
  });

  it('answers an injected 503 in the supplier error envelope', async () => {
    const { store } = await start({ faults: [{ kind: 'error', status: 503, operations: ['getWallet'], times: 1 }] });
    const failed = await store.send('getWallet', 'GET', '/wallet');
    expect(failed.status).toBe(503);
    expect(errorCodeOf(failed)).toBe('INTERNAL_ERROR');
    expect((await store.send('getWallet', 'GET', '/wallet')).status).toBe(200);
  });
});

describe('whitelabel credentials and clock', () => {
  it('invalidates the store secret at once when it is rotated, leaving the ops credential working', async () => {
    const { sandbox, store } = await start();
    const rotated = dataOf(await store.send('rotateStoreSecret', 'POST', '/stores/rotate-secret'));
    expect(errorCodeOf(await store.send('getWallet', 'GET', '/wallet'))).toBe('SIGNATURE_INVALID');
    const renewed = { storeId: sandbox.credentials.store.storeId, storeSecret: rotated.new_secret };
    expect((await store.send('getWallet', 'GET', '/wallet', { as: renewed })).status).toBe(200);
    expect((await store.send('getWallet', 'GET', '/wallet', { as: sandbox.credentials.ops })).status).toBe(200);
  });

  it('judges timestamps by the sandbox clock', async () => {
    const { store } = await start({ now: () => REFERENCE_TIME });
    const onTime = signHeaders(store.pair, '', { timestamp: REFERENCE_TIME + 60_000 });
    expect((await store.send('getWallet', 'GET', '/wallet', { unsigned: true, headers: onTime })).status).toBe(200);
    expect(errorCodeOf(await store.send('getWallet', 'GET', '/wallet'))).toBe('SIGNATURE_EXPIRED');
  });
});
