import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentreSandbox, type CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { startOrdersapiSandbox, type OrdersapiSandbox } from '../../src/sandbox/ordersapi/index.ts';
import { call, Contract } from '../support/contract.ts';
import { connect, PARTNER, type CenportsTestClient } from './cenports-support.ts';
import { orderBody, postOrder } from './centre-support.ts';

// Every supplier answers an injected 503 (what a proxy in front of it sends) in a way its spec
// documents, so a client built from the spec is never surprised by an outage. WhiteLabel's and
// PleasureStock's are in whitelabel-limits.test.ts and pleasurestock-server-errors.test.ts (one
// spec loads in seconds, so the files stay short).
const unavailable = (operation: string, status = 503) => ({ kind: 'error' as const, status, operations: [operation], times: 1 });

describe('centre under a 503', () => {
  let sandbox: CentreSandbox;
  let contract: Contract;
  beforeAll(async () => {
    [sandbox, contract] = await Promise.all([startCentreSandbox({ seed: 11 }), Contract.load('centre')]);
  });
  afterAll(() => sandbox?.close());

  it('answers createOrder 503 with the documented server error body', async () => {
    sandbox.faults.set([unavailable('createOrder')]);
    const answer = await postOrder(sandbox, contract, { body: orderBody() });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ success: false, error: 'Internal server error' });
  });
});

describe('ordersapi under a 503', () => {
  let sandbox: OrdersapiSandbox;
  let contract: Contract;
  beforeAll(async () => {
    [sandbox, contract] = await Promise.all([startOrdersapiSandbox({ seed: 11, seededOrders: 5 }), Contract.load('ordersapi')]);
  });
  afterAll(() => sandbox?.close());

  it('answers listOrders 503 with a FastAPI detail body', async () => {
    sandbox.faults.set([unavailable('listOrders')]);
    const answer = await call(sandbox.baseUrl, 'GET', '/orders', { headers: { 'x-api-key': sandbox.credentials.apiKey } });
    contract.check('listOrders', answer);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ detail: 'Injected fault' });
  });
});

describe('cenports under a 503', () => {
  let client: CenportsTestClient;
  beforeAll(async () => {
    client = await connect(await Contract.load('cenports'), { seed: 11 });
  });
  afterAll(() => client?.close());

  it('answers getChannels and createChannel 503 in its error body', async () => {
    client.sandbox.faults.set([unavailable('getChannels'), unavailable('createChannel')]);
    const read = await client.request('getChannels', 'GET', '/channels', { query: { partnerId: PARTNER } });
    const write = await client.request('createChannel', 'POST', '/channels', {
      body: { partnerId: PARTNER, channelName: 'Outage', contactEmail: 'ops@example.com', contactInfo: { address: '1 A St', city: 'X', state: 'CA', country: 'US', postalCode: '94545' } },
    });
    expect([read.status, write.status]).toEqual([503, 503]);
    expect(client.sandbox.state.channels.size).toBe(3);
  });
});
