import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { Contract } from '../support/contract.ts';
import { psClient } from './pleasurestock-support.ts';

// The document lists only 500, but proxies in front of PleasureStock answer 502, 503 and 504: the
// spec documents 5XX on every operation, and these answers are checked against it.
const unavailable = (operation: string, status = 503) => ({ kind: 'error' as const, status, operations: [operation], times: 1 });

describe('pleasurestock under proxy errors', () => {
  let sandbox: PleasurestockSandbox;
  let api: ReturnType<typeof psClient>;
  beforeAll(async () => {
    sandbox = await startPleasurestockSandbox({ seed: 11 });
    api = psClient(sandbox, await Contract.load('pleasurestock'));
  });
  afterAll(() => sandbox?.close());

  it('answers 502, 503 and 504 on standard and external operations within the spec', async () => {
    const statuses: number[] = [];
    for (const status of [502, 503, 504]) {
      sandbox.faults.set([unavailable('getProducts', status), unavailable('listOrders', status)]);
      statuses.push((await api.std('getProducts', 'GET', '/products', { query: { limit: 1 } })).status);
      statuses.push((await api.ext('listOrders', 'GET', '/external/orders')).status);
    }
    expect(statuses).toEqual([502, 502, 503, 503, 504, 504]);
  });

  it('answers a 503 on a write in the common error body', async () => {
    sandbox.faults.set([unavailable('createOrder')]);
    const answer = await api.ext('createOrder', 'POST', '/external/orders', { body: { items: [{ ps_id: 'ps_0000000000', quantity: 1 }] } });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ success: false, error: 'Internal server error' });
  });

  it('sends the X-RateLimit headers on its own 500, as on every answer of the application', async () => {
    sandbox.faults.set([unavailable('convertToTry', 500)]);
    const answer = await api.std('convertToTry', 'GET', '/currency/convert-to-try', { query: { amount: 1, currency: 'EUR' } });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('1000');
  });
});
