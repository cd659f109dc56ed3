import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { placementToken } from '../../src/orders/tokens.ts';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Payload {
  createOrder: {
    orders: { id: string; supplier: { code: string }; supplierOrderId: string; externalReference: string; status: string }[];
    transactions: { id: string; supplier: { code: string }; kind: string; status: string }[];
    userErrors: { field: string[] | null; message: string; code: string }[];
  };
}

describe('createOrder over HTTP', () => {
  let gateway: SandboxedGateway;
  const createCalls = () =>
    gateway.sandboxes.centre.stats.count('createOrder') +
    gateway.sandboxes.whitelabel.stats.count('createOrder') +
    gateway.sandboxes.pleasurestock.stats.count('createOrder') +
    gateway.sandboxes.ordersapi.stats.count('createOrder') +
    gateway.sandboxes.cenports.stats.count('createOrders');
  /** Each sandbox's calls to the operations its spec (openapi/*.yaml) gives for changing anything. */
  const writeCalls = () => {
    const count = (sandbox: { stats: { count(op: string): number } }, ops: string[]) => ops.reduce((sum, op) => sum + sandbox.stats.count(op), 0);
    const { centre, whitelabel, pleasurestock, ordersapi, cenports } = gateway.sandboxes;
    return {
      centre: count(centre, ['createOrder']),
      whitelabel: count(whitelabel, ['createOrder', 'cancelOrder', 'createShipment', 'markShipmentShipped', 'acknowledgeTracking']),
      pleasurestock: count(pleasurestock, ['createOrder', 'updateOrderStatus', 'submitSales', 'submitSmartReorder']),
      ordersapi: count(ordersapi, ['createOrder']),
      cenports: count(cenports, ['createOrders', 'acknowledgeOrders', 'acknowledgeShipments', 'updateInventories', 'createChannel']),
    };
  };

  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('splits a cart by supplier and places one order with each', async () => {
    const input = cart(gateway.sandboxes, ['WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENTRE']);
    const { data, errors } = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(errors).toBeUndefined();
    expect(data!.createOrder.userErrors).toEqual([]);
    expect(new Set(data!.createOrder.orders.map((o) => o.supplier.code))).toEqual(new Set(['WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENTRE']));
    expect(data!.createOrder.orders.every((o) => o.externalReference === input.externalReference)).toBe(true);
    expect(createCalls()).toBe(4);
  });

  it('answers a replay of the key with the first result and calls no supplier', async () => {
    const input = cart(gateway.sandboxes, ['WHITELABEL', 'ORDERSAPI']);
    const first = await gateway.query<Payload>(CREATE_ORDER, { input });
    const calls = createCalls();
    const again = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(again.data!.createOrder.orders.map((o) => o.id).sort()).toEqual(first.data!.createOrder.orders.map((o) => o.id).sort());
    expect(createCalls()).toBe(calls);
  });

  it('refuses the same key with another cart, and sends nothing', async () => {
    const input = cart(gateway.sandboxes, ['ORDERSAPI']);
    await gateway.query<Payload>(CREATE_ORDER, { input });
    const calls = createCalls();
    const other = { ...input, lines: [{ ...input.lines[0]!, quantity: 5 }] };
    const { data } = await gateway.query<Payload>(CREATE_ORDER, { input: other });
    expect(data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })]);
    expect(data!.createOrder.orders).toEqual([]);
    expect(createCalls()).toBe(calls);
  });

  it('names every invalid field and calls no supplier', async () => {
    const input = cart(gateway.sandboxes, ['WHITELABEL', 'ORDERSAPI']);
    const bad = {
      ...input,
      customer: { ...input.customer, email: 'not-an-email' },
      shippingAddress: { ...input.shippingAddress, state: 'California' },
      lines: [{ ...input.lines[0]!, quantity: 0 }, input.lines[1]!],
    };
    const { data } = await gateway.query<Payload>(CREATE_ORDER, { input: bad });
    const fields = data!.createOrder.userErrors.map((e) => e.field?.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['input.customer.email', 'input.shippingAddress.state', 'input.lines.0.quantity']));
    expect(createCalls()).toBe(0);
    expect(gateway.upstreamCalls()).toMatchObject({ whitelabel: 0, ordersapi: 0 });
  });

  it('refuses an empty cart, an unknown product and a missing idempotency key with field paths', async () => {
    const input = cart(gateway.sandboxes, ['ORDERSAPI']);
    const empty = await gateway.query<Payload>(CREATE_ORDER, { input: { ...input, lines: [] } });
    expect(empty.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'EMPTY_CART', field: ['input', 'lines'] })]);
    const unknown = await gateway.query<Payload>(CREATE_ORDER, { input: { ...input, idempotencyKey: freshKey(), lines: [{ supplier: 'ORDERSAPI', sku: 'NO-SUCH-SKU', quantity: 1 }] } });
    expect(unknown.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_PRODUCT', field: ['input', 'lines', '0', 'sku'] })]);
    const keyless = await gateway.query<Payload>(CREATE_ORDER, { input: { ...input, idempotencyKey: '  ' } });
    expect(keyless.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY' })]);
    const tooLong = await gateway.query<Payload>(CREATE_ORDER, { input: { ...input, idempotencyKey: 'k'.repeat(256) } });
    expect(tooLong.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY' })]);
    expect(createCalls()).toBe(0);
  });

  it('places one order when twenty identical requests race on one key', async () => {
    const input = cart(gateway.sandboxes, ['ORDERSAPI', 'PLEASURESTOCK']);
    const answers = await Promise.all(Array.from({ length: 20 }, () => gateway.query<Payload>(CREATE_ORDER, { input })));
    const ids = new Set(answers.flatMap((a) => a.data?.createOrder.orders.map((o) => o.id) ?? []));
    expect(ids.size).toBe(2);
    expect(answers.every((a) => a.data?.createOrder.orders.length === 2)).toBe(true);
    expect(gateway.sandboxes.ordersapi.stats.count('createOrder')).toBe(1);
    expect(gateway.sandboxes.pleasurestock.stats.count('createOrder')).toBe(1);
  });

  it('shows orders placed with Centre, which has no read API, from the gateway journal', async () => {
    const input = cart(gateway.sandboxes, ['CENTRE']);
    const placed = await gateway.query<Payload>(CREATE_ORDER, { input });
    const id = placed.data!.createOrder.orders[0]!.id;
    const read = await gateway.query<{ node: { id: string; externalReference: string; events: { status: string; source: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Order { id externalReference events { status source } } } }',
      { id },
    );
    expect(read.data!.node).toMatchObject({ id, externalReference: input.externalReference, events: [{ status: 'PENDING', source: 'MUTATION' }] });
    const list = await gateway.query<{ orders: { nodes: { id: string }[] } }>('{ orders(first: 5, filter: { suppliers: [CENTRE] }) { nodes { id } } }');
    expect(list.data!.orders.nodes.map((n) => n.id)).toContain(id);
  });

  it('places a line named by its product global id, as if named by supplier and sku', async () => {
    const found = await gateway.query<{ products: { nodes: { id: string; sku: string }[] } }>(
      '{ products(first: 1, filter: { suppliers: [ORDERSAPI], skus: ["BR-4001"] }) { nodes { id sku } } }',
    );
    const product = found.data!.products.nodes[0]!;
    expect(product.sku).toBe('BR-4001');
    const input = { ...cart(gateway.sandboxes, ['ORDERSAPI']), lines: [{ productId: product.id, quantity: 2 }] };
    const { data } = await gateway.query<Payload & { createOrder: { orders: { lines: { sku: string; quantity: number }[] }[] } }>(CREATE_ORDER, { input });
    expect(data!.createOrder.userErrors).toEqual([]);
    expect(data!.createOrder.orders).toEqual([expect.objectContaining({ supplier: { code: 'ORDERSAPI' }, lines: [{ sku: 'BR-4001', quantity: 2 }] })]);
    const token = placementToken('sandbox-admin', input.idempotencyKey, 'ordersapi');
    expect(gateway.sandboxes.ordersapi.state.orders().filter((o) => o.customerReference === token)).toHaveLength(1);
  });

  it('sends the billing address to Centre, which keeps it apart from the shipping address', async () => {
    const billingAddress = { firstName: 'Charles', lastName: 'Babbage', address1: '5 Difference Row', city: 'Boston', state: 'MA', postalCode: '02108', country: 'US' };
    const input = { ...cart(gateway.sandboxes, ['CENTRE']), billingAddress };
    const { data } = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(data!.createOrder.userErrors).toEqual([]);
    expect(data!.createOrder.orders).toHaveLength(1);
    const stored = gateway.sandboxes.centre.state.findByPartnerOrderId(placementToken('sandbox-admin', input.idempotencyKey, 'centre'));
    expect(stored?.billingAddress).toMatchObject({ firstName: 'Charles', lastName: 'Babbage', address1: '5 Difference Row', city: 'Boston', state: 'MA', zip: '02108' });
    expect(stored?.shippingAddress).toMatchObject({ address1: input.shippingAddress.address1, city: input.shippingAddress.city });
  });

  it('answers a cart mixing Cenports with synchronous suppliers with their orders and the Cenports transaction together', async () => {
    const input = cart(gateway.sandboxes, ['ORDERSAPI', 'CENPORTS', 'WHITELABEL']);
    const { data, errors } = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(errors).toBeUndefined();
    expect(data!.createOrder.userErrors).toEqual([]);
    expect(data!.createOrder.orders.map((o) => o.supplier.code).sort()).toEqual(['ORDERSAPI', 'WHITELABEL']);
    expect(data!.createOrder.transactions).toEqual([expect.objectContaining({ supplier: { code: 'CENPORTS' }, kind: 'createOrder' })]);
    expect(gateway.sandboxes.cenports.stats.count('createOrders')).toBe(1);
    expect(createCalls()).toBe(3);
  });

  it("refuses a whole mixed cart when one supplier's own rule fails, naming the input line, and writes nothing anywhere", async () => {
    const fixed = cart(gateway.sandboxes, ['ORDERSAPI', 'CENPORTS', 'WHITELABEL', 'CENPORTS']);
    // Cenports' second line is the cart's fourth: the field must point at the client's index, not Cenports' own.
    const otherSku = [...gateway.sandboxes.cenports.state.products.keys()][1]!;
    fixed.lines[3] = { ...fixed.lines[3]!, sku: otherSku };
    const { retailPrice: _dropped, ...unpriced } = fixed.lines[3]!;
    const broken = { ...fixed, lines: [...fixed.lines.slice(0, 3), unpriced] };

    const { data, errors } = await gateway.query<Payload>(CREATE_ORDER, { input: broken });
    expect(errors).toBeUndefined();
    expect(data!.createOrder).toEqual({
      orders: [],
      transactions: [],
      userErrors: [expect.objectContaining({ code: 'VALIDATION', field: ['input', 'lines', '3', 'retailPrice'] })],
    });
    expect(writeCalls()).toEqual({ centre: 0, whitelabel: 0, pleasurestock: 0, ordersapi: 0, cenports: 0 });

    // Nothing was journaled under the key: the same key with the cart put right places it, once.
    const placed = await gateway.query<Payload>(CREATE_ORDER, { input: fixed });
    expect(placed.data!.createOrder.userErrors).toEqual([]);
    expect(placed.data!.createOrder.orders.map((o) => o.supplier.code).sort()).toEqual(['ORDERSAPI', 'WHITELABEL']);
    expect(placed.data!.createOrder.transactions).toEqual([expect.objectContaining({ supplier: { code: 'CENPORTS' } })]);
    expect(writeCalls()).toEqual({ centre: 0, whitelabel: 1, pleasurestock: 0, ordersapi: 1, cenports: 1 });
  });

  it('follows a Cenports order through its transaction until the order appears', async () => {
    const input = cart(gateway.sandboxes, ['CENPORTS']);
    const { data } = await gateway.query<Payload>(CREATE_ORDER, { input });
    expect(data!.createOrder.userErrors).toEqual([]);
    const [transaction] = data!.createOrder.transactions;
    expect(transaction).toMatchObject({ supplier: { code: 'CENPORTS' }, kind: 'createOrder' });
    expect(['PENDING', 'PROCESSING']).toContain(transaction!.status);
    let after: { status: string; orders: { supplierOrderId: string }[] } | undefined;
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const read = await gateway.query<{ node: { status: string; orders: { supplierOrderId: string }[] } }>(
        'query ($id: ID!) { node(id: $id) { ... on Transaction { status orders { supplierOrderId } } } }',
        { id: transaction!.id },
      );
      after = read.data!.node;
      if (after.status === 'COMPLETED' && after.orders.length > 0) break;
    }
    expect(after).toMatchObject({ status: 'COMPLETED', orders: [{ supplierOrderId: expect.any(String) }] });
  });
});
