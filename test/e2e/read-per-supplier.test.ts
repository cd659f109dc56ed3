import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/domain/global-id.ts';
import { ORDERSAPI_SANDBOX_CATALOG } from '../../src/sandbox/ordersapi/index.ts';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

type Code = 'CENTRE' | 'WHITELABEL' | 'PLEASURESTOCK' | 'ORDERSAPI' | 'CENPORTS';
interface Money {
  amount: string;
  currencyCode: string;
}
interface ProductNode {
  id: string;
  sku: string;
  name: string;
  price: Money | null;
}
interface OrderNode {
  id: string;
  supplierOrderId: string;
  supplierStatus: string;
  total: Money | null;
  lines: { sku: string; quantity: number; unitPrice: Money | null }[];
}
interface ExpectedOrder {
  id: string;
  supplierStatus: string;
  total: Money;
  lines: OrderNode['lines'];
}

/** 2999 → "29.99", independently of the code under test. */
const money = (cents: number, currencyCode = 'USD'): Money => ({
  amount: `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
  currencyCode,
});
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const PRODUCT_FIELDS = 'id sku name price { amount currencyCode }';
const ORDER_FIELDS = 'id supplierOrderId supplierStatus total { amount currencyCode } lines { sku quantity unitPrice { amount currencyCode } }';

// One gateway for the file. The partial failures run first, while the suppliers' catalogs and
// stock are still cold (a held copy would answer for a supplier that is down).
let gateway: SandboxedGateway;
beforeAll(async () => {
  gateway = await startSandboxedGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.resetSandboxes());

const unavailable = (supplier: string) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUPPLIER_UNAVAILABLE', supplier }) });

describe('one supplier down leaves the others’ reads whole', () => {
  it('lists the other suppliers’ products and names the one that is down', async () => {
    gateway.sandboxes.pleasurestock.faults.set([{ kind: 'error', status: 503 }]);
    const answer = await gateway.query<{ products: { nodes: (ProductNode & { supplier: { code: Code } })[] } }>(
      `{ products(first: 30, filter: { suppliers: [PLEASURESTOCK, ORDERSAPI] }) { nodes { supplier { code } ${PRODUCT_FIELDS} } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.products.nodes.map((p) => p.sku)).toEqual(ORDERSAPI_SANDBOX_CATALOG.slice(0, 30).map((p) => p.sku));
    expect(answer.errors).toEqual([unavailable('pleasurestock')]);
  });

  it('gives the other suppliers’ stock and names the one that is down', async () => {
    gateway.sandboxes.whitelabel.faults.set([{ kind: 'error', status: 503 }]);
    const { cenports } = gateway.sandboxes;
    const answer = await gateway.query<{ inventory: { supplier: { code: Code }; sku: string }[] }>(
      '{ inventory(filter: { suppliers: [WHITELABEL, CENPORTS] }) { supplier { code } sku } }',
    );
    expect(answer.data!.inventory.length).toBe(cenports.state.warehouses.length * cenports.state.products.size);
    expect(answer.data!.inventory.every((level) => level.supplier.code === 'CENPORTS')).toBe(true);
    expect(answer.errors).toEqual([unavailable('whitelabel')]);
  });

  it('answers null for the down supplier’s node, with its error, and the other nodes in full', async () => {
    gateway.sandboxes.cenports.faults.set([{ kind: 'error', status: 503 }]);
    const { cenports, ordersapi, whitelabel } = gateway.sandboxes;
    const cenportsOrder = cenports.state.orders.find((o) => o.channelId === cenports.credentials.channelId)!;
    const ordersapiOrder = ordersapi.state.orders()[0]!;
    const product = whitelabel.state.products[0]!;
    const ids = [
      encodeGlobalId({ type: 'Order', supplier: 'cenports', nativeId: cenportsOrder.orderNo }),
      encodeGlobalId({ type: 'Order', supplier: 'ordersapi', nativeId: ordersapiOrder.orderId }),
      encodeGlobalId({ type: 'Product', supplier: 'whitelabel', nativeId: product.sku }),
    ];
    const answer = await gateway.query<{ nodes: ({ id: string; supplierOrderId?: string; sku?: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Order { supplierOrderId } ... on Product { sku } } }',
      { ids },
    );
    expect(answer.data!.nodes).toEqual([null, { id: ids[1], supplierOrderId: ordersapiOrder.orderId }, { id: ids[2], sku: product.sku }]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['nodes', 0] })]);
    expect(answer.errors).toEqual([unavailable('cenports')]);
  });

  it('answers null for a single node of a supplier that is down, with its error', async () => {
    // Another supplier than above: each failed read is three failed calls, and five in a row
    // would open that supplier's breaker for the tests that follow.
    gateway.sandboxes.ordersapi.faults.set([{ kind: 'error', status: 503 }]);
    const id = encodeGlobalId({ type: 'Order', supplier: 'ordersapi', nativeId: gateway.sandboxes.ordersapi.state.orders()[0]!.orderId });
    const answer = await gateway.query<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id });
    expect(answer.data!.node).toBeNull();
    expect(answer.errors).toEqual([unavailable('ordersapi')]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['node'] })]);
  });
});

describe('each supplier’s reads match what the supplier holds', () => {
  const catalogs: Record<Code, () => Omit<ProductNode, 'id'>[]> = {
    CENTRE: () => gateway.sandboxes.centre.priceList.map((e) => ({ sku: e.sku, name: e.name, price: e.priceCents === null ? null : money(e.priceCents) })),
    WHITELABEL: () =>
      gateway.sandboxes.whitelabel.state.products.map((p) => ({
        sku: p.sku,
        name: p.name,
        price: p.wholesalePriceCents === null ? null : money(p.wholesalePriceCents),
      })),
    PLEASURESTOCK: () =>
      gateway.sandboxes.pleasurestock.state.products.map((p) => ({
        sku: p.sku,
        name: p.name,
        price: p.priceCents === null ? null : money(p.priceCents, p.currency),
      })),
    ORDERSAPI: () => ORDERSAPI_SANDBOX_CATALOG.map((p) => ({ sku: p.sku, name: p.name, price: money(p.priceCents, p.currency) })),
    // Cenports has no catalog: its products are the SKUs its inventory lists, unpriced.
    CENPORTS: () => [...gateway.sandboxes.cenports.state.products.values()].map((p) => ({ sku: p.sku, name: p.name || p.sku, price: null })),
  };

  it.each(Object.keys(catalogs) as Code[])('lists %s products with the supplier’s SKUs, names and exact prices, and answers node for one', async (code) => {
    const answer = await gateway.query<{ products: { nodes: ProductNode[] } }>(
      `{ products(first: 40, filter: { suppliers: [${code}] }) { nodes { ${PRODUCT_FIELDS} } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const expected = catalogs[code]().slice(0, 40);
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.data!.products.nodes.map(({ id: _id, ...product }) => product)).toEqual(expected);

    const chosen = answer.data!.products.nodes.at(-1)!;
    const node = await gateway.query<{ node: ProductNode }>(`query ($id: ID!) { node(id: $id) { ... on Product { ${PRODUCT_FIELDS} } } }`, { id: chosen.id });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toEqual(chosen);
  });

  it('gives WhiteLabel and Cenports stock as each holds it, and no other supplier claims any', async () => {
    const { data } = await gateway.query<{ suppliers: { code: Code; capabilities: string[] }[] }>('{ suppliers { code capabilities } }');
    expect(data!.suppliers.filter((s) => s.capabilities.includes('getInventory')).map((s) => s.code)).toEqual(['WHITELABEL', 'CENPORTS']);
    type Level = { sku: string; available: number; onHand: number | null; warehouse: { code: string } | null };
    const levels = async (code: Code) =>
      (await gateway.query<{ inventory: Level[] }>(`{ inventory(filter: { suppliers: [${code}] }) { sku available onHand warehouse { code } } }`)).data!
        .inventory;
    const key = (level: Level) => `${level.warehouse?.code ?? ''}|${level.sku}`;
    const byKey = (list: Level[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));

    const { whitelabel, cenports } = gateway.sandboxes;
    // WhiteLabel names no warehouse and reports only what can be ordered.
    expect(byKey(await levels('WHITELABEL'))).toEqual(
      byKey(whitelabel.state.products.map((p) => ({ sku: p.sku, available: p.inStock ? p.availableQty : 0, onHand: null, warehouse: null }))),
    );
    const reserved = cenports.state.reservedStock();
    const expected = cenports.state.warehouses.flatMap((w) =>
      [...cenports.state.products.keys()].map((sku) => ({
        sku,
        available: cenports.state.availableStock(w.code, sku, reserved),
        onHand: cenports.state.actualStock(w.code, sku),
        warehouse: { code: w.code },
      })),
    );
    expect(expected.some((level) => level.available !== level.onHand)).toBe(true);
    expect(byKey(await levels('CENPORTS'))).toEqual(byKey(expected));
  });

  /** Each supplier's orders newest first, as the supplier holds them. */
  const heldOrders: Record<Code, () => ExpectedOrder[]> = {
    CENTRE: () =>
      [...gateway.sandboxes.centre.state.placedOrders()].reverse().map((o) => ({
        id: o.orderId,
        supplierStatus: o.status,
        total: money(sum(o.items.map((i) => i.unitPriceCents * i.quantity))),
        lines: o.items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPrice: money(i.unitPriceCents) })),
      })),
    WHITELABEL: () =>
      [...gateway.sandboxes.whitelabel.state.orders()]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((o) => ({
          id: o.id,
          supplierStatus: o.status,
          total: money(o.subtotalCents + (o.actualShippingCents ?? o.shippingEstimateCents)),
          lines: o.items.map((i) => ({ sku: i.sku, quantity: i.qty, unitPrice: money(i.wholesalePriceCents) })),
        })),
    PLEASURESTOCK: () =>
      [...gateway.sandboxes.pleasurestock.state.orders]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((o) => ({
          id: o.orderNumber,
          supplierStatus: o.status,
          total: money(sum(o.lines.map((l) => l.unitPriceCents * l.quantity)), o.currency),
          lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: money(l.unitPriceCents, o.currency) })),
        })),
    ORDERSAPI: () =>
      [...gateway.sandboxes.ordersapi.state.orders()].reverse().map((o) => ({
        id: o.orderId,
        supplierStatus: o.status,
        total: money(sum(o.items.map((i) => i.unitPriceCents * i.quantity)), o.currency),
        lines: o.items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPrice: money(i.unitPriceCents, o.currency) })),
      })),
    CENPORTS: () =>
      gateway.sandboxes.cenports.state.findOrders({ channelId: gateway.sandboxes.cenports.credentials.channelId }).map((o) => ({
        id: o.orderNo,
        supplierStatus: o.status,
        total: money(o.grandTotalCents),
        lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: money(l.priceCents) })),
      })),
  };

  it.each(Object.keys(heldOrders) as Code[])('lists %s orders newest first as the supplier holds them, and answers node for one', async (code) => {
    if (code === 'CENTRE') {
      // Centre has no read API: its orders are those placed through the gateway.
      const placed = await gateway.query<{ createOrder: { userErrors: unknown[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENTRE']) });
      expect(placed.data!.createOrder.userErrors).toEqual([]);
    }
    const answer = await gateway.query<{ orders: { nodes: OrderNode[] } }>(
      `{ orders(first: 5, filter: { suppliers: [${code}] }) { nodes { ${ORDER_FIELDS} } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const expected = heldOrders[code]().slice(0, 5);
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.data!.orders.nodes.map(({ id: _id, supplierOrderId, ...order }) => ({ id: supplierOrderId, ...order }))).toEqual(expected);

    const chosen = answer.data!.orders.nodes.at(-1)!;
    const node = await gateway.query<{ node: OrderNode }>(`query ($id: ID!) { node(id: $id) { ... on Order { ${ORDER_FIELDS} } } }`, { id: chosen.id });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toEqual(chosen);
  });

  it('shows the WhiteLabel wallet as the supplier keeps it, the only supplier with one', async () => {
    const answer = await gateway.query<{ wallets: { supplier: { code: Code }; balance: Money; reserved: Money; available: Money }[] }>(
      '{ wallets { supplier { code } balance { amount currencyCode } reserved { amount currencyCode } available { amount currencyCode } } }',
    );
    const { state } = gateway.sandboxes.whitelabel;
    const reserved = state.reservedCents();
    expect(reserved).toBeGreaterThan(0);
    expect(answer.data!.wallets).toEqual([
      {
        supplier: { code: 'WHITELABEL' },
        balance: money(state.wallet.balanceCents),
        reserved: money(reserved),
        available: money(state.wallet.balanceCents - reserved),
      },
    ]);
  });

  type ShipmentNode = { status: string; carrier: string | null; trackingNumber: string | null; shippedAt: string | null; order: { supplierOrderId: string } | null };
  const SHIPMENT_FIELDS = 'status carrier trackingNumber shippedAt order { supplierOrderId }';

  it('lists WhiteLabel’s shipments, which come inside its orders, latest ship date first', async () => {
    const answer = await gateway.query<{ shipments: { nodes: ShipmentNode[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ shipments(first: 30, filter: { suppliers: [WHITELABEL] }) { nodes { ${SHIPMENT_FIELDS} } pageInfo { hasNextPage } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const held = gateway.sandboxes.whitelabel.state
      .orders()
      .flatMap((o) => o.shipments)
      .sort((a, b) => (b.shippedAt ?? 0) - (a.shippedAt ?? 0));
    expect(held.length).toBeGreaterThan(30);
    const expected = held.slice(0, 30).map((s) => ({
      status: s.status,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedAt: s.shippedAt === null ? null : new Date(s.shippedAt).toISOString(),
      order: { supplierOrderId: s.orderId },
    }));
    // Equal ship dates may come in either order; the set of each date's shipments is the same.
    const byDate = (list: ShipmentNode[]) => [...list].sort((a, b) => `${a.shippedAt}${a.trackingNumber}`.localeCompare(`${b.shippedAt}${b.trackingNumber}`));
    expect(answer.data!.shipments.nodes.map((s) => s.shippedAt)).toEqual(expected.map((s) => s.shippedAt));
    expect(byDate(answer.data!.shipments.nodes)).toEqual(byDate(expected));
    expect(answer.data!.shipments.pageInfo.hasNextPage).toBe(true);

    const ofOrder = expected[0]!.order.supplierOrderId;
    const filtered = await gateway.query<{ shipments: { nodes: ShipmentNode[] } }>(
      `query ($ids: [ID!]) { shipments(first: 10, filter: { orderIds: $ids }) { nodes { ${SHIPMENT_FIELDS} } } }`,
      { ids: [encodeGlobalId({ type: 'Order', supplier: 'whitelabel', nativeId: ofOrder })] },
    );
    const ofThatOrder = held.filter((s) => s.orderId === ofOrder);
    expect(filtered.data!.shipments.nodes.map((s) => s.trackingNumber)).toEqual(ofThatOrder.map((s) => s.trackingNumber));
  });

  it('lists Cenports’ shipments of its channel as Cenports holds them', async () => {
    const answer = await gateway.query<{ shipments: { nodes: ShipmentNode[] } }>(
      `{ shipments(first: 30, filter: { suppliers: [CENPORTS] }) { nodes { ${SHIPMENT_FIELDS} } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const { cenports } = gateway.sandboxes;
    const held = cenports.state.findShipments({ channelId: cenports.credentials.channelId }).slice(0, 30);
    expect(held).toHaveLength(30);
    expect(answer.data!.shipments.nodes.map((s) => [s.order?.supplierOrderId, s.carrier, s.trackingNumber])).toEqual(
      held.map((s) => [s.orderNo, s.carrier, s.trackingNumber]),
    );
  });
});
