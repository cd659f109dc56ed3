import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const CANCEL = 'mutation ($id: ID!) { cancelOrder(input: { orderId: $id }) { order { id } userErrors { code field } } }';

describe('API keys and roles', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('answers 401 UNAUTHENTICATED to no key and to an unknown key, executing nothing', async () => {
    for (const key of [null, 'sg_live_guess']) {
      const answer = await gateway.query('{ orders(first: 5) { nodes { id } } }', undefined, key);
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(Object.values(gateway.upstreamCalls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('lets a reader query but not mutate (FORBIDDEN, nothing sent)', async () => {
    const read = await gateway.query<{ suppliers: unknown[] }>('{ suppliers { code } }', undefined, 'sg_test_reader');
    expect(read.data!.suppliers).toHaveLength(5);
    const write = await gateway.query(CREATE_ORDER, { input: cart(gateway.sandboxes, ['ORDERSAPI']) }, 'sg_test_reader');
    expect(write.status).toBe(403);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(gateway.sandboxes.ordersapi.stats.count('createOrder')).toBe(0);
  });

  it('lets a partner place orders but not adjust inventory', async () => {
    const placed = await gateway.query<{ createOrder: { orders: unknown[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['ORDERSAPI']) }, 'sg_test_partner');
    expect(placed.data!.createOrder.orders).toHaveLength(1);
    const admin = await gateway.query(
      'mutation { adjustInventory(input: { supplier: CENPORTS, warehouseCode: "X", idempotencyKey: "k", adjustments: [] }) { userErrors { code } } }',
      undefined,
      'sg_test_partner',
    );
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(admin.errors?.[0]?.message).toBe('this operation needs an admin key; yours is a partner key');
  });

  it('shows a partner only the orders it placed: another’s answers as not found and no supplier is called', async () => {
    const theirs = await gateway.query<{ createOrder: { orders: { id: string }[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['PLEASURESTOCK']) }, 'sg_test_admin');
    gateway.resetSandboxes();
    const attempt = await gateway.query<{ cancelOrder: { order: null; userErrors: { code: string }[] } }>(
      CANCEL,
      { id: theirs.data!.createOrder.orders[0]!.id },
      'sg_test_partner',
    );
    expect(attempt.data!.cancelOrder.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(gateway.upstreamCalls().pleasurestock).toBe(0);
    const own = await gateway.query<{ createOrder: { orders: { id: string }[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['PLEASURESTOCK']) }, 'sg_test_partner');
    const cancelled = await gateway.query<{ cancelOrder: { order: { id: string } | null; userErrors: unknown[] } }>(
      CANCEL,
      { id: own.data!.createOrder.orders[0]!.id },
      'sg_test_partner',
    );
    expect(cancelled.data!.cancelOrder.userErrors).toEqual([]);
  });

  it('scopes idempotency keys to the caller: two partners’ equal keys never collide', async () => {
    const input = cart(gateway.sandboxes, ['ORDERSAPI']);
    const a = await gateway.query<{ createOrder: { orders: { id: string }[] } }>(CREATE_ORDER, { input }, 'sg_test_partner');
    const b = await gateway.query<{ createOrder: { orders: { id: string }[] } }>(CREATE_ORDER, { input }, 'sg_test_admin');
    expect(a.data!.createOrder.orders[0]!.id).not.toBe(b.data!.createOrder.orders[0]!.id);
    expect(gateway.sandboxes.ordersapi.stats.count('createOrder')).toBe(2);
  });
});
