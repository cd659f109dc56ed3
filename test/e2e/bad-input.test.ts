import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Payload {
  createOrder: { orders: { id: string; externalReference: string }[]; userErrors: { field: string[] | null; code: string }[] };
}

describe('bad input gets a clear error and changes nothing', () => {
  let gateway: SandboxedGateway;
  const supplierWrites = () =>
    ['centre', 'whitelabel', 'pleasurestock', 'ordersapi'].reduce((n, s) => n + gateway.sandboxes[s as 'centre'].stats.count('createOrder'), 0) +
    gateway.sandboxes.cenports.stats.count('createOrders');
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('refuses fractional, negative, zero and string quantities', async () => {
    const base = cart(gateway.sandboxes, ['ORDERSAPI']);
    for (const quantity of [1.5, '2', -1, 0, 2 ** 31]) {
      const answer = await gateway.query<Payload>(CREATE_ORDER, { input: { ...base, idempotencyKey: freshKey(), lines: [{ ...base.lines[0]!, quantity }] } });
      const refusal = answer.errors?.[0]?.message ?? answer.data?.createOrder.userErrors[0]?.code;
      expect(refusal, `quantity ${quantity}`).toMatch(/quantity|INVALID_QUANTITY|Int/);
    }
    expect(supplierWrites()).toBe(0);
  });

  it('refuses wrong argument types with a message naming the argument', async () => {
    const answer = await gateway.query('{ orders(first: "ten") { nodes { id } } }');
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toMatch(/first|Int/);
  });

  it('refuses a huge list of ids and a huge string without calling anyone', async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `id${i}`);
    const many = await gateway.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(many.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ids' } });
    const base = cart(gateway.sandboxes, ['ORDERSAPI']);
    const long = await gateway.query<Payload>(CREATE_ORDER, { input: { ...base, externalReference: 'x'.repeat(10_000) } });
    expect(long.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_REFERENCE', field: ['input', 'externalReference'] })]);
    const huge = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sg_test_admin' },
      body: JSON.stringify({ query: CREATE_ORDER, variables: { input: { ...base, note: 'y'.repeat(2_000_000) } } }),
    });
    expect(huge.status).toBe(413);
    expect(supplierWrites()).toBe(0);
  });

  it('keeps SQL- and script-looking text as plain data', async () => {
    const base = cart(gateway.sandboxes, ['ORDERSAPI']);
    const reference = "WEB-1'; DROP TABLE journal_orders; --";
    const input = { ...base, externalReference: reference, customer: { ...base.customer, firstName: '<script>alert(1)</script>' } };
    const placed = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(placed.data!.createOrder.orders[0]!.externalReference).toBe(reference);
    const again = await gateway.query<{ orders: { nodes: { externalReference: string }[] } }>(
      '{ orders(first: 100, filter: { suppliers: [CENTRE, ORDERSAPI] }) { nodes { externalReference } } }',
    );
    expect(again.errors).toBeUndefined();
  });

  it('accepts unusual unicode in names but not in codes that must be ASCII', async () => {
    const base = cart(gateway.sandboxes, ['ORDERSAPI']);
    const named = await gateway.query<Payload>(CREATE_ORDER, {
      input: { ...base, customer: { ...base.customer, firstName: 'Zoë \u202e𝓐da\u200d' } },
    });
    expect(named.data!.createOrder.userErrors).toEqual([]);
    const state = await gateway.query<Payload>(CREATE_ORDER, {
      input: { ...base, idempotencyKey: freshKey(), shippingAddress: { ...base.shippingAddress, state: 'ＣＡ' } },
    });
    expect(state.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'shippingAddress', 'state'] })]);
  });
});
