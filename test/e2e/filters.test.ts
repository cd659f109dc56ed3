import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/domain/global-id.ts';
import { ORDERSAPI_SANDBOX_CATALOG } from '../../src/sandbox/ordersapi/index.ts';
import { CREATE_ORDER, cart, freshKey } from '../support/carts.ts';
import { bySupplier, pageAll, sorted, type ListedNode } from '../support/connections.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

// These tests read whole lists as fast as a loop can; the per-key budget is query-cost's subject.
const UNTHROTTLED = { maxQueryCost: 2_000, bucketSize: 1_000_000, restorePerSecond: 1_000_000 };

type Product = ListedNode & { sku: string; name: string; description: string | null };
type Order = ListedNode & { supplierOrderId: string; status: string; createdAt: string | null; externalReference: string | null };
type Shipment = ListedNode & { status: string; acknowledged: boolean | null; trackingNumber: string | null };
type Level = { supplier: { code: string }; sku: string; warehouse: { code: string } | null };

const PRODUCT = 'sku name description';
const ORDER = 'supplierOrderId status createdAt externalReference';
const SHIPMENT = 'status acknowledged trackingNumber';
const ids = (nodes: readonly ListedNode[]) => sorted(nodes.map((n) => n.id));

/**
 * Each filter the schema offers, checked two ways against what clients see: the filtered list is
 * exactly the unfiltered list with the filter applied to the fields as shown, and it holds
 * something the sandboxes' own state says must match.
 */
describe('list filters over HTTP', () => {
  let gateway: SandboxedGateway;
  let products: Product[];
  let orders: Order[];
  beforeAll(async () => {
    gateway = await startSandboxedGateway({ cost: UNTHROTTLED });
    [{ nodes: products }, { nodes: orders }] = await Promise.all([
      pageAll<Product>(gateway, 'products', PRODUCT),
      pageAll<Order>(gateway, 'orders', ORDER),
    ]);
  });
  afterAll(() => gateway.close());

  describe('products', () => {
    it('by suppliers: those suppliers’ products, all of them', async () => {
      const { nodes } = await pageAll<Product>(gateway, 'products', PRODUCT, { suppliers: ['CENTRE', 'ORDERSAPI'] });
      expect(bySupplier(nodes, (p) => p.sku)).toEqual({
        CENTRE: sorted(gateway.sandboxes.centre.priceList.map((p) => p.sku)),
        ORDERSAPI: sorted(ORDERSAPI_SANDBOX_CATALOG.map((p) => p.sku)),
      });
    });

    it('by search: every product whose name, SKU or description contains the text, whatever its case', async () => {
      const wanted = gateway.sandboxes.cenports.state.products.values().next().value!;
      const needle = wanted.name.split(' ').find((word) => word.length > 3)!.toUpperCase();
      const { nodes } = await pageAll<Product>(gateway, 'products', PRODUCT, { search: needle });
      const contains = (p: Product) => [p.name, p.sku, p.description ?? ''].join('\n').toLowerCase().includes(needle.toLowerCase());
      expect(nodes.every(contains)).toBe(true);
      expect(ids(nodes)).toEqual(ids(products.filter(contains)));
      expect(nodes.some((p) => p.supplier.code === 'CENPORTS' && p.sku === wanted.sku)).toBe(true);
    });

    it('by search: a word only the description holds finds the product', async () => {
      const wanted = gateway.sandboxes.whitelabel.state.products.find((p) => /lyophilized/i.test(p.description ?? '') && !/lyophilized/i.test(p.name))!;
      const { nodes } = await pageAll<Product>(gateway, 'products', PRODUCT, { search: 'lyophilized', suppliers: ['WHITELABEL'] });
      expect(nodes.map((p) => p.sku)).toContain(wanted.sku);
      expect(nodes.every((p) => /lyophilized/i.test([p.name, p.sku, p.description ?? ''].join(' ')))).toBe(true);
    });

    it('by skus: exactly the products with those SKUs, at every supplier', async () => {
      const { sandboxes } = gateway;
      const skus = [sandboxes.centre.priceList[3]!.sku, sandboxes.pleasurestock.state.products[2000]!.sku, 'BR-4001', [...sandboxes.cenports.state.products.keys()][7]!];
      const { nodes } = await pageAll<Product>(gateway, 'products', PRODUCT, { skus });
      expect(ids(nodes)).toEqual(ids(products.filter((p) => skus.includes(p.sku))));
      expect(new Set(nodes.map((p) => p.supplier.code))).toEqual(new Set(['CENTRE', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS']));
    });
  });

  describe('orders', () => {
    it('by suppliers: those suppliers’ orders, all of them', async () => {
      const { nodes } = await pageAll<Order>(gateway, 'orders', ORDER, { suppliers: ['PLEASURESTOCK', 'CENPORTS'] });
      expect(ids(nodes)).toEqual(ids(orders.filter((o) => ['PLEASURESTOCK', 'CENPORTS'].includes(o.supplier.code))));
      expect(nodes.filter((o) => o.supplier.code === 'PLEASURESTOCK')).toHaveLength(gateway.sandboxes.pleasurestock.state.orders.length);
    });

    it('by statuses: every order in one of them, including those the supplier reports so', async () => {
      const statuses = ['SHIPPED', 'CANCELLED'];
      const { nodes } = await pageAll<Order>(gateway, 'orders', ORDER, { statuses });
      expect(nodes.every((o) => statuses.includes(o.status))).toBe(true);
      expect(ids(nodes)).toEqual(ids(orders.filter((o) => statuses.includes(o.status))));
      const { state, credentials } = gateway.sandboxes.cenports;
      const shipped = state.orders.filter((o) => o.channelId === credentials.channelId && ['Shipped', 'Cancelled'].includes(o.status));
      expect(shipped.length).toBeGreaterThan(0);
      expect(sorted(nodes.filter((o) => o.supplier.code === 'CENPORTS').map((o) => o.supplierOrderId))).toEqual(sorted(shipped.map((o) => o.orderNo)));
    });

    /** An instant between the dated orders at these places of the newest-first list. */
    const instantAt = (index: number) => orders.filter((o) => o.createdAt)[index]!.createdAt!;

    it('by createdAfter: every order placed at or after the instant, and no undated one', async () => {
      const after = instantAt(150);
      const { nodes } = await pageAll<Order>(gateway, 'orders', ORDER, { createdAfter: after });
      expect(nodes.every((o) => o.createdAt && Date.parse(o.createdAt) >= Date.parse(after))).toBe(true);
      expect(ids(nodes)).toEqual(ids(orders.filter((o) => o.createdAt && Date.parse(o.createdAt) >= Date.parse(after))));
      const { state, credentials } = gateway.sandboxes.cenports;
      const late = state.orders.filter((o) => o.channelId === credentials.channelId && o.orderDate >= Date.parse(after));
      expect(late.length).toBeGreaterThan(0);
      expect(nodes.map((o) => o.supplierOrderId)).toEqual(expect.arrayContaining(late.map((o) => o.orderNo)));
    });

    it('by createdBefore, with createdAfter: every order placed in the range', async () => {
      const [from, to] = [instantAt(300), instantAt(100)];
      const { nodes } = await pageAll<Order>(gateway, 'orders', ORDER, { createdAfter: from, createdBefore: to });
      const inRange = (o: Order) => !!o.createdAt && Date.parse(o.createdAt) >= Date.parse(from) && Date.parse(o.createdAt) < Date.parse(to);
      expect(nodes.length).toBeGreaterThan(100);
      expect(nodes.every(inRange)).toBe(true);
      expect(ids(nodes)).toEqual(ids(orders.filter(inRange)));
      const before = await pageAll<Order>(gateway, 'orders', ORDER, { createdBefore: to, suppliers: ['WHITELABEL'] });
      const early = gateway.sandboxes.whitelabel.state.orders().filter((o) => o.createdAt < Date.parse(to));
      expect(early.length).toBeGreaterThan(0);
      expect(sorted(before.nodes.map((o) => o.supplierOrderId))).toEqual(sorted(early.map((o) => o.id)));
    });

    it('by externalReference: the reference each order shows, also where the supplier keeps another', async () => {
      // A seeded WhiteLabel order's reference is its woo_order_id: no journal, shown as is.
      const seeded = gateway.sandboxes.whitelabel.state.orders()[5]!;
      const found = await pageAll<Order>(gateway, 'orders', ORDER, { externalReference: seeded.wooOrderId });
      expect(found.nodes.map((o) => [o.supplier.code, o.supplierOrderId, o.externalReference])).toEqual([['WHITELABEL', seeded.id, seeded.wooOrderId]]);
    });
  });

  describe('shipments', () => {
    const cenportsShipments = () => {
      const { state, credentials } = gateway.sandboxes.cenports;
      return state.shipments.filter((s) => s.channelId === credentials.channelId);
    };

    it('by suppliers: those suppliers’ shipments, all of them', async () => {
      const { nodes } = await pageAll<Shipment>(gateway, 'shipments', SHIPMENT, { suppliers: ['CENPORTS'] });
      expect(bySupplier(nodes, (s) => s.trackingNumber ?? '')).toEqual({ CENPORTS: sorted(cenportsShipments().map((s) => s.trackingNumber)) });
    });

    it('by statuses: every shipment in one of them, including those the supplier reports so', async () => {
      const { nodes } = await pageAll<Shipment>(gateway, 'shipments', SHIPMENT, { statuses: ['DELIVERED', 'RETURNED'] });
      expect(nodes.every((s) => ['DELIVERED', 'RETURNED'].includes(s.status))).toBe(true);
      const expected = cenportsShipments().filter((s) => ['delivered', 'returned'].includes(s.status));
      expect(expected.length).toBeGreaterThan(0);
      expect(bySupplier(nodes, (s) => s.trackingNumber ?? '').CENPORTS).toEqual(sorted(expected.map((s) => s.trackingNumber)));
    });

    it('by orderIds: exactly the shipments of those orders', async () => {
      const all = cenportsShipments();
      const orderNo = all.find((s) => all.filter((t) => t.orderNo === s.orderNo).length > 1)!.orderNo;
      const orderIds = [encodeGlobalId({ type: 'Order', supplier: 'cenports', nativeId: orderNo })];
      const { nodes } = await pageAll<Shipment>(gateway, 'shipments', SHIPMENT, { orderIds });
      expect(sorted(nodes.map((s) => s.trackingNumber ?? ''))).toEqual(sorted(all.filter((s) => s.orderNo === orderNo).map((s) => s.trackingNumber)));
      expect(nodes.length).toBeGreaterThan(1);
    });

    it('by acknowledged: only shipments acknowledged (or not) at the supplier', async () => {
      for (const acknowledged of [true, false]) {
        const { nodes } = await pageAll<Shipment>(gateway, 'shipments', SHIPMENT, { acknowledged });
        expect(nodes.every((s) => s.acknowledged === acknowledged)).toBe(true);
        const expected = cenportsShipments().filter((s) => s.acknowledged === acknowledged);
        expect(expected.length).toBeGreaterThan(0);
        expect(bySupplier(nodes, (s) => s.trackingNumber ?? '').CENPORTS).toEqual(sorted(expected.map((s) => s.trackingNumber)));
      }
    });
  });

  describe('inventory', () => {
    const inventory = async (filter: Record<string, unknown>) => {
      const answer = await gateway.query<{ inventory: Level[] }>(
        'query ($filter: InventoryFilter) { inventory(filter: $filter) { supplier { code } sku warehouse { code } } }',
        { filter },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.inventory;
    };
    const key = (l: Level) => `${l.supplier.code}|${l.sku}|${l.warehouse?.code ?? ''}`;
    let all: Level[];
    beforeAll(async () => {
      all = await inventory({});
    });

    it('by suppliers: those suppliers’ levels, all of them', async () => {
      const levels = await inventory({ suppliers: ['CENPORTS'] });
      expect(sorted(levels.map(key))).toEqual(sorted(all.filter((l) => l.supplier.code === 'CENPORTS').map(key)));
      expect(new Set(levels.map((l) => l.sku))).toEqual(new Set(gateway.sandboxes.cenports.state.products.keys()));
    });

    it('by skus: exactly the levels of those SKUs', async () => {
      const skus = [...gateway.sandboxes.cenports.state.products.keys()].slice(0, 3);
      const levels = await inventory({ skus });
      expect(levels.length).toBeGreaterThanOrEqual(3);
      expect(sorted(levels.map(key))).toEqual(sorted(all.filter((l) => skus.includes(l.sku)).map(key)));
    });

    it('by warehouseCodes: exactly the levels held in those warehouses', async () => {
      const warehouse = gateway.sandboxes.cenports.state.warehouses[0]!.code;
      const levels = await inventory({ warehouseCodes: [warehouse] });
      expect(levels.length).toBeGreaterThan(0);
      expect(levels.every((l) => l.warehouse?.code === warehouse)).toBe(true);
      expect(sorted(levels.map(key))).toEqual(sorted(all.filter((l) => l.warehouse?.code === warehouse).map(key)));
    });
  });

  // Last: it places orders, which the snapshots above do not hold.
  describe('orders the gateway placed', () => {
    it('by externalReference: exactly the orders placed with it, at every supplier, and none for an unused one', async () => {
      const input = cart(gateway.sandboxes, ['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS'], freshKey('filter-ref'));
      type Placed = { orders: { id: string }[]; transactions: { id: string }[]; userErrors: unknown[] };
      const placed = await gateway.query<{ createOrder: Placed }>(CREATE_ORDER, { input });
      expect(placed.errors).toBeUndefined();
      expect(placed.data!.createOrder.userErrors).toEqual([]);
      const expected = placed.data!.createOrder.orders.map((o) => o.id);
      const [transaction] = placed.data!.createOrder.transactions;
      // Cenports places asynchronously: its order exists once the transaction completes.
      for (let i = 0; i < 100; i++) {
        const read = await gateway.query<{ node: { status: string; orders: { id: string }[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on Transaction { status orders { id } } } }',
          { id: transaction!.id },
        );
        if (read.data!.node.status === 'COMPLETED' && read.data!.node.orders.length > 0) {
          expected.push(...read.data!.node.orders.map((o) => o.id));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { nodes } = await pageAll<Order>(gateway, 'orders', ORDER, { externalReference: input.externalReference });
      expect(new Set(nodes.map((o) => o.supplier.code))).toEqual(new Set(['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS']));
      expect(ids(nodes)).toEqual(sorted(expected));
      expect(nodes.every((o) => o.externalReference === input.externalReference)).toBe(true);

      const unused = await pageAll<Order>(gateway, 'orders', ORDER, { externalReference: `WEB-${freshKey('nobody')}` });
      expect(unused.nodes).toEqual([]);
    });
  });
});
