import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/playground/examples.ts';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const example = (question: string) => {
  const found = EXAMPLE_OPERATIONS.find((e) => e.question === question);
  if (!found) throw new Error(`no playground example answers "${question}"`);
  return found;
};

/** Runs an example as the playground's reader-key tab would send it. */
async function run<T>(gateway: SandboxedGateway, question: string) {
  const { query, variables } = example(question);
  const answer = await gateway.query<T>(query, variables ?? {}, 'sg_test_reader');
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer.data!;
}

describe('the playground’s saved example operations', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
    // A fresh gateway has submitted no transactions: make one fail, as a reused storefront
    // order number does at Cenports, so the failed-transactions example has something to show.
    const first = cart(gateway.sandboxes, ['CENPORTS']);
    const again = { ...cart(gateway.sandboxes, ['CENPORTS']), externalReference: first.externalReference };
    for (const input of [first, again]) {
      const placed = await gateway.query(CREATE_ORDER, { input }, 'sg_test_partner');
      expect(placed.errors).toBeUndefined();
    }
  });
  afterAll(() => gateway.close());

  it('offers one tab per analyst question, each a named query', () => {
    expect(EXAMPLE_OPERATIONS.map((e) => e.question)).toEqual([
      'open orders across suppliers',
      'stock for a SKU everywhere',
      'wallet balances',
      'failed transactions',
      'shipments in transit',
    ]);
    for (const { query } of EXAMPLE_OPERATIONS) expect(query).toMatch(/^query [A-Z]\w+/m);
  });

  it('lists open orders from more than one supplier, none shipped or finished', async () => {
    type Orders = { orders: { nodes: { supplier: { code: string }; status: string }[] } };
    const { orders } = await run<Orders>(gateway, 'open orders across suppliers');
    expect(orders.nodes.length).toBeGreaterThan(0);
    expect(new Set(orders.nodes.map((o) => o.supplier.code)).size).toBeGreaterThan(1);
    for (const order of orders.nodes) expect(order.status).not.toMatch(/^(SHIPPED|DELIVERED|COMPLETED|CANCELLED|REFUNDED)$/);
  });

  it('shows the example SKU’s stock in every warehouse that holds it', async () => {
    type Stock = { inventory: { sku: string; warehouse: { code: string } | null; available: number }[] };
    const { inventory } = await run<Stock>(gateway, 'stock for a SKU everywhere');
    expect(inventory.length).toBeGreaterThan(0);
    for (const level of inventory) expect(level.sku).toBe(example('stock for a SKU everywhere').variables!.sku);
  });

  it('shows each wallet’s balance, reserved and available as decimal strings', async () => {
    type Wallets = { wallets: { supplier: { code: string }; balance: { amount: string; currencyCode: string } }[] };
    const { wallets } = await run<Wallets>(gateway, 'wallet balances');
    expect(wallets.map((w) => w.supplier.code)).toContain('WHITELABEL');
    for (const wallet of wallets) expect(wallet.balance.amount).toMatch(/^-?\d+\.\d+$/);
  });

  it('lists a failed transaction with the supplier’s reason', async () => {
    type Failed = { transactions: { nodes: { supplier: { code: string }; errors: { message: string }[] }[] } };
    let failed: Failed['transactions']['nodes'] = [];
    // Cenports settles writes asynchronously (50 ms in the test sandbox).
    await expect
      .poll(async () => (failed = (await run<Failed>(gateway, 'failed transactions')).transactions.nodes).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(failed[0]!.supplier.code).toBe('CENPORTS');
    expect(failed[0]!.errors[0]!.message).toMatch(/already existed/);
  });

  it('lists shipments the carrier holds and has not delivered, with tracking', async () => {
    type Shipments = { shipments: { nodes: { status: string; trackingNumber: string | null }[] } };
    const { shipments } = await run<Shipments>(gateway, 'shipments in transit');
    expect(shipments.nodes.length).toBeGreaterThan(0);
    for (const shipment of shipments.nodes) expect(['PICKED_UP', 'IN_TRANSIT']).toContain(shipment.status);
    expect(shipments.nodes.some((s) => s.trackingNumber)).toBe(true);
  });
});
