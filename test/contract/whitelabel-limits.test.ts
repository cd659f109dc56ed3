import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import { Contract } from '../support/contract.ts';
import { errorCodeOf, signHeaders, WhitelabelClient } from './whitelabel-client.ts';

// WhiteLabel's documented limits as written (not scaled), its answers to injected faults and its
// replay protection, each answer checked against the spec, which requires Retry-After on a 429.
let sandbox: WhitelabelSandbox;
let store: WhitelabelClient;

beforeAll(async () => {
  sandbox = await startWhitelabelSandbox({ seed: 5 });
  store = new WhitelabelClient(sandbox.baseUrl, await Contract.load('whitelabel'), sandbox.credentials.store);
});
afterAll(() => sandbox?.close());

describe('whitelabel webhook bucket', () => {
  it('answers the 11th ShipStation callback of a minute 429 RATE_LIMITED with Retry-After, leaving reads alone', async () => {
    sandbox.resetRateLimits();
    const hook = () =>
      store.send('receiveShipstationWebhook', 'POST', '/webhooks/shipstation', {
        body: { event: 'DELIVERED', tracking_number: '9400000000000000000000' },
        unsigned: true,
        query: { secret: sandbox.credentials.webhookSecret },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await hook()).status);
    expect(statuses).toEqual(Array(10).fill(404));
    const refused = await hook();
    expect(refused.status).toBe(429);
    expect(errorCodeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('10');
    const read = await store.send('getCatalog', 'GET', '/catalog');
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-limit')).toBe('100');
  });
});

describe('whitelabel under injected faults', () => {
  it('answers getCatalog 503 in its error envelope', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, operations: ['getCatalog'], times: 1 }]);
    const answer = await store.send('getCatalog', 'GET', '/catalog');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ success: false, error: { code: expect.any(String) } });
  });

  it('answers an injected 429 on the unthrottled health check with Retry-After, as documented', async () => {
    sandbox.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 3, operations: ['getHealth'], times: 1 }]);
    const answer = await store.send('getHealth', 'GET', '/health', { unsigned: true });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
  });
});

describe('whitelabel replay protection', () => {
  it('refuses a nonce already used even when the request is signed afresh with a new timestamp', async () => {
    const nonce = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const signedAt = Date.now();
    const first = await store.send('getWallet', 'GET', '/wallet', { unsigned: true, headers: signHeaders(store.pair, '', { nonce, timestamp: signedAt }) });
    expect(first.status).toBe(200);
    // A valid signature over a new timestamp: only the nonce repeats.
    const later = signHeaders(store.pair, '', { nonce, timestamp: signedAt + 1_000 });
    const replay = await store.send('getWallet', 'GET', '/wallet', { unsigned: true, headers: later });
    expect(replay.status).toBe(401);
    expect(errorCodeOf(replay)).toBe('NONCE_REUSED');
  });
});
