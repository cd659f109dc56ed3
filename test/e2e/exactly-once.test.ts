import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Payload {
  createOrder: {
    orders: { id: string; supplierOrderId: string }[];
    transactions: { id: string; status: string }[];
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
}

type Statuses = Record<string, number>;

/**
 * How each supplier's lookup shows in its sandbox's counts after a reset of the create, so a test
 * can tell a lookup from a resend: Centre and WhiteLabel look up by re-sending the token with an
 * item no catalog holds (answered with the first order: Centre's duplicate 400, WhiteLabel's 200
 * repeat; a resend that placed would be a 201), PleasureStock and Orders API by listing orders.
 */
const CASES = [
  {
    supplier: 'CENTRE',
    operation: 'createOrder',
    count: (g: SandboxedGateway, token: string) => (g.sandboxes.centre.state.findByPartnerOrderId(token) ? 1 : 0),
    lookedUp: (creates: Statuses) => (creates['400'] ?? 0) >= 1 && !creates['201'],
    lookups: (g: SandboxedGateway) => g.sandboxes.centre.stats.count('createOrder') - 1,
  },
  {
    supplier: 'WHITELABEL',
    operation: 'createOrder',
    count: (g: SandboxedGateway, token: string) => g.sandboxes.whitelabel.state.orders().filter((o) => o.wooOrderId === token).length,
    lookedUp: (creates: Statuses) => (creates['200'] ?? 0) >= 1 && !creates['201'],
    lookups: (g: SandboxedGateway) => g.sandboxes.whitelabel.stats.count('createOrder') - 1,
  },
  {
    supplier: 'PLEASURESTOCK',
    operation: 'createOrder',
    count: (g: SandboxedGateway, token: string) => g.sandboxes.pleasurestock.state.orders.filter((o) => o.externalOrderId === token).length,
    lookedUp: (creates: Statuses) => Object.keys(creates).join() === '0',
    lookups: (g: SandboxedGateway) => g.sandboxes.pleasurestock.stats.count('listOrders'),
  },
  {
    supplier: 'ORDERSAPI',
    operation: 'createOrder',
    count: (g: SandboxedGateway, token: string) => g.sandboxes.ordersapi.state.orders().filter((o) => o.customerReference === token).length,
    lookedUp: (creates: Statuses) => Object.keys(creates).join() === '0',
    lookups: (g: SandboxedGateway) => g.sandboxes.ordersapi.stats.count('listOrders'),
  },
] as const;

/** Every error of an answer is a retryable one (an answer without errors passes). */
const onlyRetryable = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (answer.errors ?? []).every((e) => e.extensions?.retryable === true);

describe('exactly once when the connection dies after the supplier applied the write', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  for (const { supplier, operation, count, lookedUp, lookups } of CASES) {
    it(`${supplier}: a reset after the write is looked up by token, never resent, and the client's retry gets the one order`, async () => {
      const sandbox = gateway.sandboxes[supplier.toLowerCase() as 'centre'];
      sandbox.faults.set([{ kind: 'resetAfterWrite', operations: [operation], times: 1 }]);
      const input = cart(gateway.sandboxes, [supplier]);
      const first = await gateway.query<Payload>(CREATE_ORDER, { input });
      // The fault fired: the sandbox took the write and dropped the connection instead of answering.
      expect(sandbox.faults.list()).toEqual([]);
      expect(sandbox.stats.snapshot().byOperationStatus[operation]?.['0']).toBe(1);
      expect(onlyRetryable(first)).toBe(true);
      const retry = await gateway.query<Payload>(CREATE_ORDER, { input });
      const placed = retry.data!.createOrder.orders;
      expect(placed).toHaveLength(1);
      if (first.data?.createOrder.orders.length) expect(first.data.createOrder.orders[0]!.id).toBe(placed[0]!.id);
      // Looked up before anything was sent again, and nothing was: one write answered by nobody.
      expect(lookups(gateway)).toBeGreaterThanOrEqual(1);
      expect(lookedUp(sandbox.stats.snapshot().byOperationStatus[operation] ?? {})).toBe(true);
      const token = await tokenOf(gateway, input.idempotencyKey, supplier);
      expect(count(gateway, token)).toBe(1);
    });
  }

  it('CENPORTS: a reset after the submission is looked up by order number, never resubmitted, and the retry gets the one order', async () => {
    const { cenports } = gateway.sandboxes;
    cenports.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrders'], times: 1 }]);
    const input = cart(gateway.sandboxes, ['CENPORTS']);
    const first = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(cenports.faults.list()).toEqual([]);
    expect(cenports.stats.snapshot().byOperationStatus.createOrders).toEqual({ 0: 1 });
    expect(onlyRetryable(first)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const retry = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(retry.data!.createOrder.orders.length + retry.data!.createOrder.transactions.length).toBe(1);
    // GET /orders?orders=<token> found it, so the submission was never sent again.
    expect(cenports.stats.count('getOrders')).toBeGreaterThanOrEqual(1);
    expect(cenports.stats.count('createOrders')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const token = await tokenOf(gateway, input.idempotencyKey, 'CENPORTS');
    expect(cenports.state.ordersNumbered(token)).toHaveLength(1);
  });

  it('answers INSUFFICIENT_FUNDS when the wallet cannot cover the order, and reserves nothing', async () => {
    const poor = await startSandboxedGateway({ sandbox: { walletBalanceCents: 100 } });
    try {
      const before = await poor.query<{ wallets: { reserved: { amount: string } }[] }>('{ wallets { reserved { amount } } }');
      const { data } = await poor.query<Payload>(CREATE_ORDER, { input: cart(poor.sandboxes, ['WHITELABEL']) });
      expect(data!.createOrder.orders).toEqual([]);
      expect(data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_FUNDS' })]);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const after = await poor.query<{ wallets: { reserved: { amount: string } }[] }>('{ wallets { reserved { amount } } }');
      expect(after.data!.wallets[0]!.reserved.amount).toBe(before.data!.wallets[0]!.reserved.amount);
    } finally {
      await poor.close();
    }
  });
});

/** The token the gateway sent for this key and supplier, as it derives it. */
async function tokenOf(_gateway: SandboxedGateway, key: string, supplier: string): Promise<string> {
  const { placementToken } = await import('../../src/orders/tokens.ts');
  return placementToken('sandbox-admin', key, supplier.toLowerCase() as 'centre');
}
