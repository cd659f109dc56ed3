import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCentreSandbox, type CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { Contract } from '../support/contract.ts';
import { ORDERS_PATH, listOrders, orderBody, postOrder } from './centre-support.ts';

type RateLimited = { success: false; error: string; retryAfter: number };

let contract: Contract;
let limited: CentreSandbox;
let faulty: CentreSandbox;

beforeAll(async () => {
  contract = await Contract.load('centre');
  // 0.05 of the documented limits: 5 a minute, 10 per 10 s.
  limited = await startCentreSandbox({ rateLimitMode: { scale: 0.05 } });
  faulty = await startCentreSandbox({ seed: 5 });
});
afterAll(async () => {
  await limited?.close();
  await faulty?.close();
});
afterEach(() => {
  faulty.faults.clear();
  faulty.resetRateLimits();
});

describe('centre createOrder: rate limits', () => {
  it('answers 429 with Retry-After and the same retryAfter in the body once the minute budget is spent', async () => {
    limited.resetRateLimits();
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await postOrder(limited, contract, { body: orderBody() });
      expect(response.status).toBe(201);
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const body = orderBody();
    const refused = await postOrder(limited, contract, { body });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({ success: false, error: 'Rate limit exceeded', retryAfter });
    expect((await listOrders(limited, { partnerOrderId: body.partnerOrderId as string })).total).toBe(0);
  });

  it('counts refused keys against the budget too', async () => {
    limited.resetRateLimits();
    for (let i = 0; i < 5; i += 1) {
      const response = await postOrder(limited, contract, { body: orderBody(), headers: { 'x-api-key': 'wrong' } });
      expect(response.status).toBe(401);
    }
    expect((await postOrder(limited, contract, { body: orderBody() })).status).toBe(429);
  });

  it('answers 429 beyond 10 simultaneous requests', async () => {
    const slow = await startCentreSandbox({ seed: 9, processingMs: 500 });
    try {
      const responses = await Promise.all(Array.from({ length: 12 }, () => postOrder(slow, contract, { body: orderBody() })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([...Array<number>(10).fill(201), 429, 429]);
      const refused = responses.find((response) => response.status === 429);
      expect((refused?.body as RateLimited).retryAfter).toBe(Number(refused?.headers.get('retry-after')));
      expect(slow.state.placedOrders()).toHaveLength(10);
    } finally {
      await slow.close();
    }
  });
});

describe('centre createOrder: injected faults', () => {
  it('answers an injected 500 with the documented server error body', async () => {
    faulty.faults.add({ kind: 'error', status: 500, times: 1 });
    const response = await postOrder(faulty, contract, { body: orderBody() });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ success: false, error: 'Internal server error', message: 'Injected fault' });
  });

  it('answers an injected 503 in the same shape, as the spec records for 5XX', async () => {
    faulty.faults.add({ kind: 'error', status: 503, times: 1 });
    const response = await postOrder(faulty, contract, { body: orderBody() });
    expect(response.status).toBe(503);
    expect((response.body as { success: boolean }).success).toBe(false);
  });

  it('answers an injected 429 with retryAfter equal to its Retry-After header', async () => {
    faulty.faults.add({ kind: 'rateLimit', retryAfterSeconds: 7, times: 1 });
    const response = await postOrder(faulty, contract, { body: orderBody() });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body).toEqual({ success: false, error: 'Rate limit exceeded', retryAfter: 7 });
  });

  it('applies the write while the client sees a reset, and a retry with the same partnerOrderId finds that one order', async () => {
    faulty.faults.add({ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 });
    const body = orderBody();
    await expect(
      fetch(`${faulty.baseUrl}${ORDERS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': faulty.credentials.apiKey },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    const afterReset = await listOrders(faulty, { partnerOrderId: body.partnerOrderId as string });
    expect(afterReset.total).toBe(1);
    const retry = await postOrder(faulty, contract, { body });
    expect(retry.status).toBe(400);
    expect((retry.body as { orderId: string }).orderId).toBe(afterReset.orders[0]?.orderId);
    expect((await listOrders(faulty, { partnerOrderId: body.partnerOrderId as string })).total).toBe(1);
    expect(faulty.state.placedOrders().filter((order) => order.partnerOrderId === body.partnerOrderId)).toHaveLength(1);
  });

  it('exercised every documented operation', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
