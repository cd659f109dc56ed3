import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

interface Line {
  sku: string;
  product: { id: string; sku: string } | null;
}

const PS_ORDERS = (first: number, lines: string) =>
  `{ orders(first: ${first}, filter: { suppliers: [PLEASURESTOCK] }) { nodes { supplierOrderId lines { ${lines} } } } }`;

// One gateway, cold when the file starts; the tests run in order and each relies on what the
// previous ones left cached, as a long-running gateway would.
describe('supplier reads stay inside the suppliers’ limits however many clients ask', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());

  const ps = () => gateway.sandboxes.pleasurestock.stats;

  it('costs one PleasureStock detail call per order not seen before, shared by concurrent requests, and none after', async () => {
    // PleasureStock's list has no lines and its document offers no batched detail read, so the
    // first sight of an order is one GET /external/orders/{orderNumber}; lines never change after.
    gateway.resetSandboxes();
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => gateway.query(PS_ORDERS(10, 'sku quantity'))));
    expect(concurrent.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(ps().count('getOrder')).toBe(10);

    gateway.resetSandboxes();
    const fifty = await gateway.query<{ orders: { nodes: { lines: Line[] }[] } }>(PS_ORDERS(50, 'sku quantity'));
    expect(fifty.data!.orders.nodes).toHaveLength(50);
    expect(ps().count('getOrder')).toBe(40);

    gateway.resetSandboxes();
    await gateway.query(PS_ORDERS(50, 'sku quantity'));
    expect(ps().count('getOrder')).toBe(0);
    expect(ps().count()).toBe(1);
  });

  it('loads the PleasureStock catalog once for 20 concurrent cold requests naming products, and 50 more cost no product call', async () => {
    gateway.resetSandboxes();
    const ask = () => gateway.query<{ orders: { nodes: { lines: Line[] }[] } }>(PS_ORDERS(5, 'sku product { id sku }'));
    const cold = await Promise.all(Array.from({ length: 20 }, ask));
    for (const answer of cold) {
      expect(answer.errors).toBeUndefined();
      const lines = answer.data!.orders.nodes.flatMap((o) => o.lines);
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.every((l) => l.product?.sku === l.sku)).toBe(true);
    }
    // The whole catalog in pages of 1000, once: the standard API's 1000 calls an hour are safe
    // from any number of clients.
    const pages = Math.ceil(gateway.sandboxes.pleasurestock.state.products.length / 1_000);
    expect(pages).toBe(3);
    expect(ps().count('getProducts')).toBe(pages);

    for (let round = 0; round < 5; round++) {
      const more = await Promise.all(Array.from({ length: 10 }, ask));
      expect(more.every((a) => a.errors === undefined)).toBe(true);
    }
    expect(ps().count('getProducts')).toBe(pages);
  });

  it('asks each supplier once for the same list aliased twice in one request', async () => {
    // Order lists are never reused across requests for more than 2 s: wait that out.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    gateway.resetSandboxes();
    const answer = await gateway.query<Record<'a' | 'b' | 'c' | 'd', { nodes: { id: string }[] }>>(
      `{ a: orders(first: 30) { nodes { id } } b: orders(first: 30) { nodes { id } }
         c: shipments(first: 10) { nodes { id } } d: shipments(first: 10) { nodes { id } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.a.nodes).toHaveLength(30);
    expect(answer.data!.b).toEqual(answer.data!.a);
    expect(answer.data!.d).toEqual(answer.data!.c);
    const { pleasurestock, cenports, whitelabel, ordersapi } = gateway.sandboxes;
    expect(pleasurestock.stats.count('listOrders')).toBe(1);
    expect(ordersapi.stats.count('listOrders')).toBe(1);
    expect(cenports.stats.count('getOrders')).toBe(1);
    expect(cenports.stats.count('getShipments')).toBe(1);
    // WhiteLabel: one page of 30 orders, and its shipment list read from every order, 100 a call.
    expect(whitelabel.stats.count('listOrders')).toBe(1 + Math.ceil(whitelabel.state.orders().length / 100));
  });

  it('reuses WhiteLabel’s shipment list for the next requests instead of reading every order again', async () => {
    gateway.resetSandboxes();
    const again = await gateway.query<{ shipments: { nodes: { id: string }[] } }>(
      '{ shipments(first: 20, filter: { suppliers: [WHITELABEL] }) { nodes { id } } }',
    );
    expect(again.data!.shipments.nodes).toHaveLength(20);
    expect(gateway.sandboxes.whitelabel.stats.count()).toBe(0);
  });
});
