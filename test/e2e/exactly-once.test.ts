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

const CASES = [
  { supplier: 'CENTRE', operation: 'createOrder', count: (g: SandboxedGateway, token: string) => g.sandboxes.centre.state.findByPartnerOrderId(token) ? 1 : 0 },
  { supplier: 'WHITELABEL', operation: 'createOrder', count: (g: SandboxedGateway, token: string) => g.sandboxes.whitelabel.state.orders().filter((o) => o.wooOrderId === token).length },
  { supplier: 'PLEASURESTOCK', operation: 'createOrder', count: (g: SandboxedGateway, token: string) => g.sandboxes.pleasurestock.state.orders.filter((o) => o.externalOrderId === token).length },
  { supplier: 'ORDERSAPI', operation: 'createOrder', count: (g: SandboxedGateway, token: string) => g.sandboxes.ordersapi.state.orders().filter((o) => o.customerReference === token).length },
] as const;

describe('exactly once when the connection dies after the supplier applied the write', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  for (const { supplier, operation, count } of CASES) {
    it(`${supplier}: a reset after the write, then the client's retry, leaves one supplier order`, async () => {
      const sandbox = gateway.sandboxes[supplier.toLowerCase() as 'centre'];
      sandbox.faults.set([{ kind: 'resetAfterWrite', operations: [operation], times: 1 }]);
      const input = cart(gateway.sandboxes, [supplier]);
      const first = await gateway.query<Payload>(CREATE_ORDER, { input });
      const retry = await gateway.query<Payload>(CREATE_ORDER, { input });
      const placed = retry.data!.createOrder.orders;
      expect(placed).toHaveLength(1);
      if (first.data?.createOrder.orders.length) expect(first.data.createOrder.orders[0]!.id).toBe(placed[0]!.id);
      const token = await tokenOf(gateway, input.idempotencyKey, supplier);
      expect(count(gateway, token)).toBe(1);
    });
  }

  it('CENPORTS: a reset after the write, then the retry, leaves one supplier order', async () => {
    gateway.sandboxes.cenports.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrders'], times: 1 }]);
    const input = cart(gateway.sandboxes, ['CENPORTS']);
    await gateway.query<Payload>(CREATE_ORDER, { input });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const retry = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(retry.data!.createOrder.orders.length + retry.data!.createOrder.transactions.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const token = await tokenOf(gateway, input.idempotencyKey, 'CENPORTS');
    expect(gateway.sandboxes.cenports.state.ordersNumbered(token)).toHaveLength(1);
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
