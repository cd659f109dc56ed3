import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

describe('limits on what one operation may ask', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());
  const nothingSent = () => expect(Object.values(gateway.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);

  it('refuses a query deeper than the limit before calling any supplier', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `lines { product { supplier { wallet { supplier { id } } } } }`.replace('id', selection);
    const answer = await gateway.query(`{ orders(first: 1) { nodes { ${selection} } } }`);
    expect(answer.errors?.[0]?.message).toMatch(/depth|cost/i);
    nothingSent();
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: orders(first: 1) { nodes { id } }`).join(' ');
    const answer = await gateway.query(`{ ${aliases} }`);
    expect(answer.errors?.[0]?.message).toMatch(/alias/i);
    nothingSent();
  });

  it('refuses batched operations in one request', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sg_test_admin' },
      body: JSON.stringify([{ query: '{ suppliers { code } }' }, { query: '{ suppliers { code } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('does not suggest field names to a caller who misspells one', async () => {
    const answer = await gateway.query('{ suppliers { nmae } }');
    expect(answer.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses a mutation sent over GET', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', 'mutation { cancelOrder(input: { orderId: "x" }) { userErrors { code } } }');
    const response = await fetch(url, { headers: { authorization: 'Bearer sg_test_admin', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
  });

  it('tags every answer and error with one request id', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sg_test_admin' },
      body: JSON.stringify({ query: '{ orders(first: 101) { nodes { id } } }' }),
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(body.errors[0]!.extensions.requestId).toBe(id);
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', '{ suppliers { code } }');
    const response = await fetch(url, { headers: { authorization: 'Bearer sg_test_admin' } });
    expect(response.status).toBe(400);
  });
});
