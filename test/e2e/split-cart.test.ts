import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const ADJUST = `mutation ($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { transaction { id status } userErrors { field code message } }
}`;
const SALES = `mutation ($input: SubmitSalesReportInput!) { submitSalesReport(input: $input) { processed userErrors { field code } } }`;
interface TransactionPayload {
  transaction: { id: string; status: string } | null;
  userErrors: { field: string[] | null; code: string }[];
}

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
    gateway.resetSandboxes();
    const mixed = await gateway.query<{ submitSalesReport: { processed: number | null; userErrors: { code: string; field: string[] }[] } }>(SALES, {
      input: { sales: [{ productId, date: '2026-11-02', quantity: 1 }, { productId: other, date: '2026-11-02', quantity: 1 }] },
    });
    expect(mixed.data!.submitSalesReport.userErrors).toEqual([{ code: 'ONE_SUPPLIER', field: ['input', 'sales'] }]);
    expect(gateway.upstreamCalls()).toEqual({ centre: 0, whitelabel: 0, pleasurestock: 0, ordersapi: 0, cenports: 0 });
  });
  describe('under an idempotency key', () => {
    beforeEach(() => gateway.resetSandboxes());
    const cenports = () => gateway.sandboxes.cenports;
    const warehouse = () => cenports().state.warehouses[0]!.code;
    const skuAt = (index: number) => [...cenports().state.products.keys()][index]!;
    const adjust = (input: Record<string, unknown>) => gateway.query<{ adjustInventory: TransactionPayload }>(ADJUST, { input });
    /** Past the sandbox's transaction delay, every transaction it was sent has run. */
    const applied = async () => {
      await sleep(200);
      cenports().state.transactions.settle();
    };
    const stock = (sku: string) => cenports().state.actualStock(warehouse(), sku);

    it('shifts Cenports stock once for a DIFFERENTIAL replayed under its key, and refuses the key with other adjustments', async () => {
      const sku = skuAt(1);
      const before = stock(sku);
      const input = { supplier: 'CENPORTS', warehouseCode: warehouse(), idempotencyKey: freshKey('diff'), adjustments: [{ sku, quantity: 5, type: 'DIFFERENTIAL' }] };
      const first = await adjust(input);
      expect(first.data!.adjustInventory.userErrors).toEqual([]);
      const calls = cenports().stats.count('updateInventories');
      const replay = await adjust(input);
      expect(replay.data!.adjustInventory.transaction!.id).toBe(first.data!.adjustInventory.transaction!.id);
      const reused = await adjust({ ...input, adjustments: [{ sku, quantity: 6, type: 'DIFFERENTIAL' }] });
      expect(reused.data!.adjustInventory).toEqual({ transaction: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })] });
      expect(cenports().stats.count('updateInventories')).toBe(calls);
      await applied();
      expect(stock(sku), 'the stock moved by 5 once').toBe(before + 5);
    });

    it('never resends a DIFFERENTIAL whose answer was lost, but resends a TRUE_UP', async () => {
      const sku = skuAt(2);
      const before = stock(sku);
      cenports().faults.set([{ kind: 'resetAfterWrite', operations: ['updateInventories'], times: 2 }]);
      const shift = { supplier: 'CENPORTS', warehouseCode: warehouse(), idempotencyKey: freshKey('lost-diff'), adjustments: [{ sku, quantity: 3, type: 'DIFFERENTIAL' }] };
      expect((await adjust(shift)).errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
      const retry = await adjust(shift);
      expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: false });
      expect(cenports().stats.count('updateInventories')).toBe(1);

      const set = { supplier: 'CENPORTS', warehouseCode: warehouse(), idempotencyKey: freshKey('lost-true-up'), adjustments: [{ sku: skuAt(3), quantity: 11, type: 'TRUE_UP' }] };
      expect((await adjust(set)).errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
      const resent = await adjust(set);
      expect(resent.data!.adjustInventory).toMatchObject({ transaction: { id: expect.any(String) }, userErrors: [] });
      expect(cenports().stats.count('updateInventories')).toBe(3);
      await applied();
      expect(stock(sku), 'the lost DIFFERENTIAL landed once').toBe(before + 3);
      expect(stock(skuAt(3))).toBe(11);
    });

    it('replays acknowledgeShipments with the same transaction and no call, and refuses its key for other shipments', async () => {
      const listed = await gateway.query<{ shipments: { nodes: { id: string }[] } }>('{ shipments(first: 2, filter: { suppliers: [CENPORTS] }) { nodes { id } } }');
      const [one, two] = listed.data!.shipments.nodes.map((n) => n.id);
      const ACK = `mutation ($input: AcknowledgeShipmentsInput!) { acknowledgeShipments(input: $input) { transaction { id } userErrors { code field } } }`;
      const input = { shipmentIds: [one], idempotencyKey: freshKey('ack-shipments') };
      const first = await gateway.query<{ acknowledgeShipments: TransactionPayload }>(ACK, { input });
      expect(first.data!.acknowledgeShipments.userErrors).toEqual([]);
      const calls = cenports().stats.count('acknowledgeShipments');
      const replay = await gateway.query<{ acknowledgeShipments: TransactionPayload }>(ACK, { input });
      expect(replay.data!.acknowledgeShipments).toEqual(first.data!.acknowledgeShipments);
      const reused = await gateway.query<{ acknowledgeShipments: TransactionPayload }>(ACK, { input: { ...input, shipmentIds: [one, two] } });
      expect(reused.data!.acknowledgeShipments.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(cenports().stats.count('acknowledgeShipments')).toBe(calls);
    });

    it('replays acknowledgeOrders and acknowledgeTrackingUpdates under their keys with no call', async () => {
      const ids = async (code: string) =>
        (await gateway.query<{ orders: { nodes: { id: string }[] } }>(`{ orders(first: 2, filter: { suppliers: [${code}] }) { nodes { id } } }`)).data!.orders.nodes.map((n) => n.id);
      const ackOrders = { orderIds: await ids('CENPORTS'), idempotencyKey: freshKey('ack-orders') };
      const ackTracking = { orderIds: await ids('WHITELABEL'), idempotencyKey: freshKey('ack-tracking') };
      const ORDERS = `mutation ($input: AcknowledgeOrdersInput!) { acknowledgeOrders(input: $input) { orders { id } userErrors { code } } }`;
      const TRACKING = `mutation ($input: AcknowledgeTrackingUpdatesInput!) { acknowledgeTrackingUpdates(input: $input) { acknowledgedCount userErrors { code } } }`;
      const firstOrders = await gateway.query(ORDERS, { input: ackOrders });
      const firstTracking = await gateway.query(TRACKING, { input: ackTracking });
      expect(firstOrders.errors ?? firstTracking.errors).toBeUndefined();
      const calls = [cenports().stats.count('acknowledgeOrders'), gateway.sandboxes.whitelabel.stats.count('acknowledgeTracking')];
      expect(calls.every((n) => n > 0)).toBe(true);
      expect((await gateway.query(ORDERS, { input: ackOrders })).data).toEqual(firstOrders.data);
      expect((await gateway.query(TRACKING, { input: ackTracking })).data).toEqual(firstTracking.data);
      expect([cenports().stats.count('acknowledgeOrders'), gateway.sandboxes.whitelabel.stats.count('acknowledgeTracking')]).toEqual(calls);
    });

    it('counts a PleasureStock sales report replayed under its key once', async () => {
      const product = gateway.sandboxes.pleasurestock.state.products[1]!;
      const productId = Buffer.from(`Product:pleasurestock:${product.internalId}`).toString('base64url');
      const input = { sales: [{ productId, date: '2026-11-02', quantity: 4 }], idempotencyKey: freshKey('sales') };
      const first = await gateway.query<{ submitSalesReport: { processed: number } }>(SALES, { input });
      expect(first.data!.submitSalesReport).toEqual({ processed: 1, userErrors: [] });
      const again = await gateway.query(SALES, { input });
      expect(again.data).toEqual(first.data);
      const reused = await gateway.query<{ submitSalesReport: { userErrors: { code: string }[] } }>(SALES, { input: { ...input, sales: [{ ...input.sales[0], quantity: 5 }] } });
      expect(reused.data!.submitSalesReport.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(gateway.sandboxes.pleasurestock.stats.count('submitSales')).toBe(1);
      expect(gateway.sandboxes.pleasurestock.state.sales.get(`${product.internalId}|2026-11-02`)!.quantity).toBe(4);
    });
  });
});
