import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Payload {
  createOrder: { orders: { id: string; supplier: { code: string } }[]; userErrors: { code: string }[] };
}

describe('a split cart that partly fails', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('reports each supplier’s outcome, and a retry with the key completes only what is missing', async () => {
    gateway.sandboxes.pleasurestock.faults.set([{ kind: 'error', status: 503, operations: ['createOrder'] }]);
    const input = cart(gateway.sandboxes, ['ORDERSAPI', 'PLEASURESTOCK']);
    const first = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(first.data!.createOrder.orders.map((o) => o.supplier.code)).toEqual(['ORDERSAPI']);
    expect(first.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUPPLIER_UNAVAILABLE', supplier: 'pleasurestock', retryable: true }) })]);

    gateway.sandboxes.pleasurestock.faults.clear();
    const retry = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createOrder.orders.map((o) => o.supplier.code).sort()).toEqual(['ORDERSAPI', 'PLEASURESTOCK']);
    expect(retry.data!.createOrder.orders.find((o) => o.supplier.code === 'ORDERSAPI')!.id).toBe(first.data!.createOrder.orders[0]!.id);
    expect(gateway.sandboxes.ordersapi.stats.count('createOrder')).toBe(1);
    expect(gateway.sandboxes.pleasurestock.stats.snapshot().byOperationStatus.createOrder).toMatchObject({ 200: 1 });
  });
});

describe('the other supplier writes', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());

  it('adjusts Cenports inventory through a transaction the gateway follows', async () => {
    const warehouse = gateway.sandboxes.cenports.state.warehouses[0]!.code;
    const sku = [...gateway.sandboxes.cenports.state.products.keys()][0]!;
    const { data } = await gateway.query<{ adjustInventory: { transaction: { id: string; kind: string; status: string } | null; userErrors: unknown[] } }>(
      `mutation ($input: AdjustInventoryInput!) { adjustInventory(input: $input) { transaction { id kind status } userErrors { code field message } } }`,
      { input: { supplier: 'CENPORTS', warehouseCode: warehouse, idempotencyKey: `inv-${Date.now()}`, adjustments: [{ sku, quantity: 7, type: 'TRUE_UP' }] } },
    );
    expect(data!.adjustInventory.userErrors).toEqual([]);
    expect(data!.adjustInventory.transaction).toMatchObject({ kind: 'updateInventory' });
    let status = data!.adjustInventory.transaction!.status;
    for (let i = 0; i < 40 && status !== 'COMPLETED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const read = await gateway.query<{ node: { status: string } }>('query ($id: ID!) { node(id: $id) { ... on Transaction { status } } }', { id: data!.adjustInventory.transaction!.id });
      status = read.data!.node.status;
    }
    expect(status).toBe('COMPLETED');
    const listed = await gateway.query<{ transactions: { nodes: { kind: string }[] } }>('{ transactions(first: 5, filter: { suppliers: [CENPORTS] }) { nodes { kind } } }');
    expect(listed.data!.transactions.nodes.map((t) => t.kind)).toContain('updateInventory');
  });

  it('reports PleasureStock sales and refuses a supplier that takes none', async () => {
    const product = gateway.sandboxes.pleasurestock.state.products[0]!;
    const productId = Buffer.from(`Product:pleasurestock:${product.internalId}`).toString('base64url');
    const { data } = await gateway.query<{ submitSalesReport: { processed: number; userErrors: unknown[] } }>(
      `mutation ($input: SubmitSalesReportInput!) { submitSalesReport(input: $input) { processed userErrors { code field } } }`,
      { input: { sales: [{ productId, date: '2026-11-01', quantity: 4, stockOnHand: 20 }] } },
    );
    expect(data!.submitSalesReport).toEqual({ processed: 1, userErrors: [] });
    const other = Buffer.from('Product:ordersapi:PR00001').toString('base64url');
    const refused = await gateway.query<{ submitSalesReport: { userErrors: { code: string }[] } }>(
      `mutation ($input: SubmitSalesReportInput!) { submitSalesReport(input: $input) { processed userErrors { code field } } }`,
      { input: { sales: [{ productId: other, date: '2026-11-01', quantity: 1 }] } },
    );
    expect(refused.data!.submitSalesReport.userErrors).toEqual([expect.objectContaining({ code: 'UNSUPPORTED_BY_SUPPLIER' })]);
  });
});
