import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../src/domain/global-id.ts';
import { ORDERSAPI_SANDBOX_CATALOG } from '../../src/sandbox/ordersapi/index.ts';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { bySupplier, pageAll, sorted, type ListedNode, type SupplierCode } from '../support/connections.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

// These tests read whole lists as fast as a loop can; the per-key budget is query-cost's subject.
const UNTHROTTLED = { maxQueryCost: 2_000, bucketSize: 1_000_000, restorePerSecond: 1_000_000 };

const nativeId = (node: ListedNode) => decodeGlobalId(node.id)!.nativeId;
const distinct = (nodes: ListedNode[]) => new Set(nodes.map((n) => n.id)).size;

describe('paging cross-supplier lists over HTTP', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway({ cost: UNTHROTTLED });
  });
  afterAll(() => gateway.close());

  it('pages through every product of every supplier exactly once and then says there is no next page', async () => {
    const { sandboxes } = gateway;
    const { nodes } = await pageAll<ListedNode & { sku: string }>(gateway, 'products', 'sku');
    expect(distinct(nodes)).toBe(nodes.length);
    expect(bySupplier(nodes, (p) => p.sku)).toEqual({
      CENTRE: sorted(sandboxes.centre.priceList.map((p) => p.sku)),
      WHITELABEL: sorted(sandboxes.whitelabel.state.products.map((p) => p.sku)),
      PLEASURESTOCK: sorted(sandboxes.pleasurestock.state.products.map((p) => p.sku)),
      ORDERSAPI: sorted(ORDERSAPI_SANDBOX_CATALOG.map((p) => p.sku)),
      CENPORTS: sorted(sandboxes.cenports.state.products.keys()),
    });
  });

  it('pages a product list filtered to one supplier through that supplier alone', async () => {
    const { nodes, pages } = await pageAll<ListedNode & { sku: string }>(gateway, 'products', 'sku', { suppliers: ['CENPORTS'] });
    expect(bySupplier(nodes, (p) => p.sku)).toEqual({ CENPORTS: sorted(gateway.sandboxes.cenports.state.products.keys()) });
    expect(pages).toBe(2);
  });

  it('pages through every order of every supplier exactly once, newest first across suppliers', async () => {
    const { sandboxes } = gateway;
    const { nodes } = await pageAll<ListedNode & { supplierOrderId: string; createdAt: string | null }>(gateway, 'orders', 'supplierOrderId createdAt');
    expect(distinct(nodes)).toBe(nodes.length);
    const channel = sandboxes.cenports.credentials.channelId;
    const expected = {
      WHITELABEL: sorted(sandboxes.whitelabel.state.orders().map((o) => o.id)),
      PLEASURESTOCK: sorted(sandboxes.pleasurestock.state.orders.map((o) => o.orderNumber)),
      ORDERSAPI: sorted(sandboxes.ordersapi.state.orders().map((o) => o.orderId)),
      CENPORTS: sorted(sandboxes.cenports.state.orders.filter((o) => o.channelId === channel).map((o) => o.orderNo)),
    };
    // Centre has no read API: its orders are those the gateway placed, none yet here.
    expect(bySupplier(nodes, (o) => o.supplierOrderId)).toEqual(expected);
    const dated = nodes.map((o) => (o.createdAt ? Date.parse(o.createdAt) : null));
    const firstUndated = dated.indexOf(null);
    const datedPart = (firstUndated < 0 ? dated : dated.slice(0, firstUndated)) as number[];
    expect(datedPart.length).toBeGreaterThan(0);
    expect(datedPart).toEqual([...datedPart].sort((a, b) => b - a));
    if (firstUndated >= 0) expect(dated.slice(firstUndated).every((at) => at === null)).toBe(true);
  });

  it('visits each order once when orders are placed between pages, dated (WhiteLabel) or not (Orders API)', async () => {
    const PAGE = `query ($after: String) { orders(first: 10, after: $after, filter: { suppliers: [WHITELABEL, ORDERSAPI] }) {
      nodes { id } pageInfo { endCursor } } }`;
    type Page = { orders: { nodes: { id: string }[]; pageInfo: { endCursor: string } } };
    const before = await gateway.query<Page>(PAGE.replace('first: 10', 'first: 30'));
    const first = await gateway.query<Page>(PAGE);
    for (const supplier of ['WHITELABEL', 'ORDERSAPI', 'WHITELABEL', 'ORDERSAPI'] as const) {
      const placed = await gateway.query<{ createOrder: { userErrors: unknown[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, [supplier]) });
      expect(placed.data!.createOrder.userErrors).toEqual([]);
    }
    // Past the few seconds any supplier's order list is cached for: the second page reads them afresh.
    await sleep(2_100);
    const second = await gateway.query<Page>(PAGE, { after: first.data!.orders.pageInfo.endCursor });
    const paged = [...first.data!.orders.nodes, ...second.data!.orders.nodes].map((n) => n.id);
    expect(paged).toEqual(before.data!.orders.nodes.slice(0, 20).map((n) => n.id));
  });

  it('pages an order list filtered to one supplier without calling the others', async () => {
    gateway.resetSandboxes();
    const { nodes } = await pageAll<ListedNode & { supplierOrderId: string }>(gateway, 'orders', 'supplierOrderId', { suppliers: ['WHITELABEL'] });
    expect(bySupplier(nodes, (o) => o.supplierOrderId)).toEqual({
      WHITELABEL: sorted(gateway.sandboxes.whitelabel.state.orders().map((o) => o.id)),
    });
    const calls = gateway.upstreamCalls();
    expect([calls.centre, calls.pleasurestock, calls.ordersapi, calls.cenports]).toEqual([0, 0, 0, 0]);
  });

  it('pages through every shipment exactly once: the union of each supplier’s own list, newest first', async () => {
    // Which suppliers list shipments is theirs to say (capabilities); the merged list must be
    // exactly what each of them lists alone, and Cenports' part exactly its sandbox's channel.
    const { data } = await gateway.query<{ suppliers: { code: SupplierCode; capabilities: string[] }[] }>('{ suppliers { code capabilities } }');
    const listing = data!.suppliers.filter((s) => s.capabilities.includes('listShipments')).map((s) => s.code);
    expect(listing).toContain('CENPORTS');
    // Pages of 20, so that the merge crosses several pages of each supplier's list.
    const { nodes, pages } = await pageAll<ListedNode & { shippedAt: string | null; trackingNumber: string | null }>(
      gateway, 'shipments', 'shippedAt trackingNumber', {}, 20,
    );
    expect(pages).toBeGreaterThan(2);
    expect(distinct(nodes)).toBe(nodes.length);
    const alone = await Promise.all(listing.map((code) => pageAll<ListedNode>(gateway, 'shipments', '', { suppliers: [code] }, 20)));
    expect(bySupplier(nodes, nativeId)).toEqual(bySupplier(alone.flatMap((a) => a.nodes), nativeId));
    const channel = gateway.sandboxes.cenports.credentials.channelId;
    const cenports = gateway.sandboxes.cenports.state.shipments.filter((s) => s.channelId === channel).map((s) => s.trackingNumber);
    expect(cenports.length).toBeGreaterThan(40);
    expect(bySupplier(nodes, (s) => s.trackingNumber ?? '').CENPORTS).toEqual(sorted(cenports));
    const dated = nodes.flatMap((s) => (s.shippedAt ? [Date.parse(s.shippedAt)] : []));
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
  });

  it('lists every inventory level once: the union of each supplier’s own levels', async () => {
    type Level = { supplier: { code: SupplierCode }; sku: string; warehouse: { code: string } | null; available: number };
    const ask = (filter: Record<string, unknown>) =>
      gateway.query<{ inventory: Level[] }>('query ($filter: InventoryFilter) { inventory(filter: $filter) { supplier { code } sku warehouse { code } available } }', { filter });
    const all = await ask({});
    expect(all.errors).toBeUndefined();
    const key = (l: Level) => `${l.supplier.code}|${l.sku}|${l.warehouse?.code ?? ''}`;
    const keys = all.data!.inventory.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const codes = [...new Set(all.data!.inventory.map((l) => l.supplier.code))];
    expect(codes).toContain('CENPORTS');
    const alone = await Promise.all(codes.map((code) => ask({ suppliers: [code] })));
    expect(sorted(alone.flatMap((a) => a.data!.inventory.map(key)))).toEqual(sorted(keys));
    const { state } = gateway.sandboxes.cenports;
    const cenportsSkus = new Set(all.data!.inventory.filter((l) => l.supplier.code === 'CENPORTS').map((l) => l.sku));
    expect(sorted(cenportsSkus)).toEqual(sorted(state.products.keys()));
  });
});
