import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const ORDER_FIELDS = `id supplier { code } supplierOrderId externalReference status supplierStatus createdAt
  total { amount currencyCode minorUnits }
  lines { sku name quantity unitPrice { amount currencyCode } product { id sku name } }
  shipments { id status carrier trackingNumber }`;

interface OrderNode {
  id: string;
  supplier: { code: string };
  supplierOrderId: string;
  status: string;
  createdAt: string | null;
  total: { amount: string; currencyCode: string; minorUnits: number } | null;
  lines: { sku: string; quantity: number; product: { id: string; sku: string } | null }[];
  shipments: { id: string; status: string }[];
}

describe('read side over HTTP', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('lists each supplier with the capabilities its adapter implements', async () => {
    const { data, errors } = await gateway.query<{ suppliers: { code: string; capabilities: string[] }[] }>(
      '{ suppliers { code capabilities } }',
    );
    expect(errors).toBeUndefined();
    const byCode = Object.fromEntries(data!.suppliers.map((s) => [s.code, s.capabilities]));
    expect(Object.keys(byCode)).toEqual(['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS']);
    expect(byCode.CENTRE).toEqual(['listProducts', 'getProducts', 'listOrders', 'getOrders', 'createOrder']);
    expect(byCode.WHITELABEL).toEqual(expect.arrayContaining(['listOrders', 'getWallet', 'getInventory']));
    expect(byCode.PLEASURESTOCK).toEqual(expect.arrayContaining(['getProducts', 'convertCurrency']));
    expect(byCode.CENPORTS).toEqual(expect.arrayContaining(['getTransactions', 'listShipments', 'getInventory']));
  });

  it('pages through every order of every supplier exactly once, newest first among dated ones', async () => {
    const seen = new Map<string, OrderNode>();
    const order: OrderNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page++) {
      const answer: Awaited<ReturnType<typeof gateway.query<{ orders: { nodes: OrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>>> =
        await gateway.query(`query ($after: String) { orders(first: 100, after: $after) { nodes { id supplier { code } supplierOrderId createdAt } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(answer.errors).toBeUndefined();
      for (const node of answer.data!.orders.nodes) {
        expect(seen.has(node.id)).toBe(false);
        seen.set(node.id, node);
        order.push(node);
      }
      if (!answer.data!.orders.pageInfo.hasNextPage) break;
      after = answer.data!.orders.pageInfo.endCursor;
    }
    const expected =
      gateway.sandboxes.whitelabel.state.orders().length +
      gateway.sandboxes.pleasurestock.state.orders.length +
      gateway.sandboxes.ordersapi.state.orders().length +
      gateway.sandboxes.cenports.state.orders.filter((o) => o.channelId === gateway.sandboxes.cenports.credentials.channelId).length;
    expect(seen.size).toBe(expected);
    const dated = order.filter((o) => o.createdAt).map((o) => Date.parse(o.createdAt!));
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
  });

  it('costs each of the five suppliers the same calls for 50 orders as for 10, lines’ products and shipments included', async () => {
    // Centre's orders are the gateway's own journal: place one so it is on the page too.
    const placed = await gateway.query<{ createOrder: { userErrors: unknown[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, ['CENTRE']) });
    expect(placed.data?.createOrder.userErrors).toEqual([]);
    const ask = (first: number) => gateway.query<{ orders: { nodes: OrderNode[] } }>(`{ orders(first: ${first}) { nodes { ${ORDER_FIELDS} } } }`);
    // What outlives a request (catalogs, PleasureStock's order lines, Cenports' token) is warmed
    // first; order lists are never reused past 2 s, so each measured page waits that out.
    expect((await ask(50)).errors).toBeUndefined();
    const measure = async (first: number) => {
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      gateway.resetSandboxes();
      const answer = await ask(first);
      expect(answer.errors).toBeUndefined();
      return { nodes: answer.data!.orders.nodes, calls: gateway.upstreamCalls() };
    };
    const ten = await measure(10);
    const fifty = await measure(50);
    expect(fifty.nodes).toHaveLength(50);
    // Ordersapi's orders carry no date, so they sort after these pages; its list is still read.
    expect(new Set(fifty.nodes.map((o) => o.supplier.code))).toEqual(new Set(['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'CENPORTS']));
    expect(fifty.nodes.flatMap((o) => o.lines).filter((l) => l.product).length).toBeGreaterThan(50);
    expect(fifty.nodes.flatMap((o) => o.shipments).length).toBeGreaterThan(0);
    expect(fifty.calls).toEqual(ten.calls);
    expect(ten.calls).toEqual({ centre: 0, whitelabel: 1, pleasurestock: 1, ordersapi: 1, cenports: 2 });
  });

  it('reads PleasureStock order lines once; after that a page costs one list call however long', async () => {
    // Its list carries no lines, so the first sight of an order costs one detail call (kept since
    // lines never change); this is the supplier's limit, measured here so it cannot creep.
    const ask = (first: number) =>
      gateway.query<{ orders: { nodes: OrderNode[] } }>(`{ orders(first: ${first}, filter: { suppliers: [PLEASURESTOCK] }) { nodes { ${ORDER_FIELDS} } } }`);
    await ask(50);
    gateway.resetSandboxes();
    const ten = await ask(10);
    const callsForTen = gateway.sandboxes.pleasurestock.stats.count();
    gateway.resetSandboxes();
    const fifty = await ask(50);
    expect(ten.errors ?? fifty.errors).toBeUndefined();
    expect(fifty.data!.orders.nodes.every((o) => o.lines.length > 0 && o.lines.every((l) => l.product))).toBe(true);
    expect(gateway.sandboxes.pleasurestock.stats.count()).toBe(callsForTen);
    expect(callsForTen).toBe(1);
  });

  it('answers the products of 100 PleasureStock orders’ lines from the held catalog, with no product call', async () => {
    await gateway.query('{ products(first: 1, filter: { suppliers: [PLEASURESTOCK] }) { nodes { id } } }');
    const ids = gateway.sandboxes.pleasurestock.state.orders.slice(0, 100).map((o) => o.orderNumber);
    gateway.resetSandboxes();
    const answer = await gateway.query<{ nodes: (OrderNode | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { ${ORDER_FIELDS} } } }`,
      { ids: ids.map((id) => Buffer.from(`Order:pleasurestock:${id}`).toString('base64url')) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.nodes.every((n) => n && n.lines.length > 0 && n.lines.every((l) => l.product))).toBe(true);
    expect(gateway.sandboxes.pleasurestock.stats.count('getProducts')).toBe(0);
  });

  it('answers every kind of node by its global id, and null for ids it does not know', async () => {
    const { data } = await gateway.query<{ orders: { nodes: OrderNode[] }; products: { nodes: { id: string }[] }; wallets: { id: string }[] }>(
      `{ orders(first: 3, filter: { suppliers: [CENPORTS] }) { nodes { id shipments { id } } }
         products(first: 2) { nodes { id } } wallets { id } }`,
    );
    const ids = [data!.orders.nodes[0]!.id, data!.products.nodes[0]!.id, data!.wallets[0]!.id, 'bm9wZQ'];
    const shipment = data!.orders.nodes.flatMap((o) => o.shipments)[0];
    if (shipment) ids.push(shipment.id);
    const { data: again, errors } = await gateway.query<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids },
    );
    expect(errors).toBeUndefined();
    expect(again!.nodes.map((n) => n?.__typename ?? null)).toEqual(['Order', 'Product', 'Wallet', null, ...(shipment ? ['Shipment'] : [])]);
    expect(again!.nodes.map((n) => n?.id ?? null)).toEqual(ids.map((id, i) => (i === 3 ? null : id)));
  });

  it('shows wallets, inventory with warehouses, shipments and products per supplier', async () => {
    const { data, errors } = await gateway.query<{
      wallets: { supplier: { code: string }; balance: { amount: string }; available: { amount: string } }[];
      inventory: { supplier: { code: string }; warehouse: { code: string } | null; available: number; nextAvailableAt: string | null }[];
      shipments: { nodes: { supplier: { code: string }; status: string }[] };
      products: { nodes: { supplier: { code: string }; price: { amount: string } | null }[] };
    }>(`{ wallets { supplier { code } balance { amount } available { amount } }
          inventory(filter: { suppliers: [CENPORTS] }) { supplier { code } warehouse { code } available nextAvailableAt }
          shipments(first: 5) { nodes { supplier { code } status } }
          products(first: 5, filter: { suppliers: [CENTRE] }) { nodes { supplier { code } price { amount } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.wallets.map((w) => w.supplier.code)).toEqual(['WHITELABEL']);
    expect(data!.wallets[0]!.balance.amount).toMatch(/^\d+\.\d{2}$/);
    expect(data!.inventory.length).toBeGreaterThan(0);
    expect(data!.inventory.every((l) => l.supplier.code === 'CENPORTS' && l.warehouse)).toBe(true);
    // Cenports' restock dates are calendar dates; they read as the start of that day, UTC.
    const restocks = data!.inventory.flatMap((l) => (l.nextAvailableAt ? [l.nextAvailableAt] : []));
    expect(restocks.length).toBeGreaterThan(0);
    for (const at of restocks) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(data!.shipments.nodes.length).toBe(5);
    expect(data!.products.nodes.map((p) => p.supplier.code)).toEqual(['CENTRE', 'CENTRE', 'CENTRE', 'CENTRE', 'CENTRE']);
  });

  it('counts every upstream call on /metrics by supplier, operationId and status', async () => {
    await gateway.query('{ orders(first: 5, filter: { suppliers: [CENPORTS] }) { nodes { id } } }');
    const metrics = await (await fetch(`${new URL(gateway.url).origin}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('supplygraph_upstream_requests_total{supplier="cenports",operation="getOrders",status="200"}'));
    expect(Number(line?.split(' ').at(-1))).toBeGreaterThan(0);
    expect(metrics).toMatch(/supplygraph_upstream_requests_total\{supplier="cenports",operation="authorize",status="200"\} 1\b/);
  });

  it('shows each supplier’s breaker state and in-flight calls on Supplier.health', async () => {
    const { data, errors } = await gateway.query<{ suppliers: { code: string; health: { breaker: string; inFlight: number } | null }[] }>(
      '{ suppliers { code health { breaker inFlight budgets { scope remaining limit } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.suppliers.map((s) => [s.code, s.health?.breaker])).toEqual([
      ['CENTRE', 'closed'],
      ['WHITELABEL', 'closed'],
      ['PLEASURESTOCK', 'closed'],
      ['ORDERSAPI', 'closed'],
      ['CENPORTS', 'closed'],
    ]);
  });

  it('refuses first above 100 with a clear error naming the argument', async () => {
    const answer = await gateway.query('{ orders(first: 101) { nodes { id } } }');
    expect(answer.errors?.[0]?.message).toMatch(/first must be between 1 and 100/);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

// Its own gateway: the catalog must be cold when the test starts, and reads not retried, so one
// injected failure makes the catalog unreadable and the lookups fall back to `?ids=`.
describe('read side when PleasureStock’s catalog cannot be read', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway({ resilience: { readRetries: false } });
  });
  afterAll(() => gateway.close());

  it('batches PleasureStock products named by 100 orders’ lines into exactly one ?ids= call', async () => {
    const orders = gateway.sandboxes.pleasurestock.state.orders.slice(0, 100);
    // More than the gateway's own default batch of 500, fewer than the supplier's 1000.
    expect(new Set(orders.flatMap((o) => o.lines.map((l) => l.psId))).size).toBeGreaterThan(500);
    gateway.sandboxes.pleasurestock.faults.set([{ kind: 'error', status: 503, operations: ['getProducts'], times: 1 }]);
    const answer = await gateway.query<{ nodes: (OrderNode | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { ${ORDER_FIELDS} } } }`,
      { ids: orders.map((o) => Buffer.from(`Order:pleasurestock:${o.orderNumber}`).toString('base64url')) },
    );
    expect(answer.errors).toBeUndefined();
    const lines = answer.data!.nodes.flatMap((n) => n?.lines ?? []);
    expect(lines).toHaveLength(orders.reduce((sum, o) => sum + o.lines.length, 0));
    expect(lines.every((l) => l.product?.sku === l.sku)).toBe(true);
    // The catalog's first page failed; every product then came from one `?ids=` call.
    expect(gateway.sandboxes.pleasurestock.stats.snapshot().byOperationStatus.getProducts).toEqual({ 503: 1, 200: 1 });
  });
});
