import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPleasurestockSandbox, type PleasurestockSandbox, type Product } from '../../src/sandbox/pleasurestock/index.ts';
import { Contract } from '../support/contract.ts';
import { decimalToCents, numberToCents, psClient, type CreateAnswer, type ErrorBody, type OrderDetail, type OrderList } from './pleasurestock-support.ts';

let sandbox: PleasurestockSandbox;
let contract: Contract;
let api: ReturnType<typeof psClient>;

beforeAll(async () => {
  contract = await Contract.load('pleasurestock');
  sandbox = await startPleasurestockSandbox({ seed: 7 });
  api = psClient(sandbox, contract);
});
afterAll(async () => {
  await sandbox?.close();
});

/** Two priced products of different PleasureStock suppliers, read from the catalog over HTTP. */
async function productsOfTwoSuppliers() {
  const res = await api.std('getProducts', 'GET', '/products', { query: { limit: 200 } });
  const products = (res.body as { data: { internal_id: string; price: string | null; supplier_id: number; currency: string }[] }).data;
  const first = products.find((p) => p.price !== null)!;
  const second = products.find((p) => p.price !== null && p.supplier_id !== first.supplier_id)!;
  return [first, second] as const;
}

const create = (body: unknown) => api.ext('createOrder', 'POST', '/external/orders', { body });
const detail = async (orderNumber: string) => (await api.ext('getOrder', 'GET', `/external/orders/${orderNumber}`)).body as OrderDetail;
const setStatus = (orderNumber: string, status: string, extra: Record<string, unknown> = {}) =>
  api.ext('updateOrderStatus', 'PUT', `/external/orders/${orderNumber}/status`, { body: { status, ...extra } });

describe('pleasurestock order creation', () => {
  it('splits a cart into one order per PleasureStock supplier, each with its own total', async () => {
    const [a, b] = await productsOfTwoSuppliers();
    const res = await create({ items: [{ ps_id: a.internal_id, quantity: 3 }, { ps_id: b.internal_id, quantity: 2 }], externalOrderId: 'ERP-SPLIT-1' });
    expect(res.status).toBe(200);
    const { data } = res.body as CreateAnswer;
    expect(data.totalOrders).toBe(2);
    expect(data.orders.map((o) => o.supplierId)).toEqual([a.supplier_id, b.supplier_id]);
    expect(data.orders.map((o) => numberToCents(o.totalAmount))).toEqual([decimalToCents(a.price!) * 3, decimalToCents(b.price!) * 2]);
    expect(data.orders.map((o) => o.currency)).toEqual([a.currency, b.currency]);
    expect(numberToCents(data.totalAmount)).toBe(decimalToCents(a.price!) * 3 + decimalToCents(b.price!) * 2);
    for (const order of data.orders) {
      expect(order).toMatchObject({ status: 'created', items: 1 });
      expect(order.orderNumber).toMatch(/^ORD-\d{8}-[A-Z0-9]{6}$/);
      expect(order.deliveryId).toMatch(/^PS-\d{4}-\d{4}\/\d+$/);
    }
  });

  it('numbers the day\'s deliveries PS-YYYY-MMDD/N in creation order', async () => {
    const [a] = await productsOfTwoSuppliers();
    const first = (await create({ items: [{ ps_id: a.internal_id, quantity: 1 }] })).body as CreateAnswer;
    const second = (await create({ items: [{ ps_id: a.internal_id, quantity: 1 }] })).body as CreateAnswer;
    const n = (deliveryId: string) => Number(deliveryId.split('/')[1]);
    expect(n(second.data.orders[0]!.deliveryId)).toBe(n(first.data.orders[0]!.deliveryId) + 1);
    const day = first.data.orders[0]!.createdAt.slice(0, 10).replaceAll('-', '');
    expect(first.data.orders[0]!.orderNumber.slice(4, 12)).toBe(day);
  });

  it('uses customPrice as the unit price and keeps money in each format the document shows', async () => {
    const [a] = await productsOfTwoSuppliers();
    const res = await create({ items: [{ ps_id: a.internal_id, quantity: 3, customPrice: 25.5 }] });
    const created = (res.body as CreateAnswer).data.orders[0]!;
    expect(created.totalAmount).toBe(76.5);
    const order = await detail(created.orderNumber);
    expect(order.data.items[0]).toMatchObject({ psId: a.internal_id, quantity: 3, unitPrice: 25.5, totalPrice: 76.5 });
    expect(order.data.totalAmount).toBe(76.5);
    const list = (await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 5 } })).body as OrderList;
    expect(list.data.orders.find((o) => o.orderNumber === created.orderNumber)?.totalAmount).toBe('76.50');
  });

  it('renders sums of cents exactly where floats would drift (0.10 + 0.20)', async () => {
    const [a] = await productsOfTwoSuppliers();
    const res = await create({ items: [{ ps_id: a.internal_id, quantity: 1, customPrice: 0.1 }, { ps_id: a.internal_id, quantity: 2, customPrice: 0.1 }] });
    const created = (res.body as CreateAnswer).data.orders[0]!;
    expect(created.totalAmount).toBe(0.3);
    const list = (await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 1 } })).body as OrderList;
    expect(list.data.orders[0]).toMatchObject({ orderNumber: created.orderNumber, totalAmount: '0.30' });
  });

  it('creates new orders every time, even when externalOrderId repeats (no idempotency)', async () => {
    const [a] = await productsOfTwoSuppliers();
    const body = { items: [{ ps_id: a.internal_id, quantity: 1 }], externalOrderId: 'ERP-DUP-1' };
    const first = (await create(body)).body as CreateAnswer;
    const second = (await create(body)).body as CreateAnswer;
    expect(second.data.orders[0]!.orderNumber).not.toBe(first.data.orders[0]!.orderNumber);
    const list = (await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 10 } })).body as OrderList;
    expect(list.data.orders.filter((o) => o.externalOrderId === 'ERP-DUP-1')).toHaveLength(2);
  });

  it('applies a create whose connection resets after the write: the first list page shows exactly one order', async () => {
    const [a] = await productsOfTwoSuppliers();
    sandbox.faults.add({ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 });
    const before = sandbox.state.orders.length;
    await expect(create({ items: [{ ps_id: a.internal_id, quantity: 4 }], externalOrderId: 'ERP-RESET-1' })).rejects.toThrow();
    expect(sandbox.state.orders.length).toBe(before + 1);
    const list = (await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 20 } })).body as OrderList;
    const found = list.data.orders.filter((o) => o.externalOrderId === 'ERP-RESET-1');
    expect(found).toHaveLength(1);
    expect(decimalToCents(found[0]!.totalAmount)).toBe(decimalToCents(a.price!) * 4);
  });
});

describe('pleasurestock order lifecycle', () => {
  async function newOrder(): Promise<string> {
    const [a] = await productsOfTwoSuppliers();
    return ((await create({ items: [{ ps_id: a.internal_id, quantity: 1 }] })).body as CreateAnswer).data.orders[0]!.orderNumber;
  }

  it('walks created → part_paid → paid → on_the_way → delivered → accepted, stamping each step', async () => {
    const number = await newOrder();
    for (const status of ['part_paid', 'paid', 'on_the_way', 'delivered', 'accepted']) {
      const res = await setStatus(number, status);
      expect(res.status, status).toBe(200);
      expect((res.body as { data: { status: string; orderNumber: string } }).data).toMatchObject({ status, orderNumber: number });
    }
    const order = (await detail(number)).data;
    expect(order.status).toBe('accepted');
    for (const stamp of [order.confirmedAt, order.paidAt, order.shippedAt, order.actualDeliveryDate, order.acceptedAt]) expect(stamp).not.toBeNull();
  });

  it('lets created skip part_paid and go straight to paid', async () => {
    const number = await newOrder();
    expect((await setStatus(number, 'paid')).status).toBe(200);
    expect((await detail(number)).data.status).toBe('paid');
  });

  it('refuses skipping other steps, going back, and repeating the current status', async () => {
    const number = await newOrder();
    const refused = async (status: string, from: string) => {
      const res = await setStatus(number, status);
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).message).toBe(`Invalid status transition from ${from} to ${status}`);
    };
    await refused('on_the_way', 'created');
    await refused('delivered', 'created');
    expect((await setStatus(number, 'part_paid')).status).toBe(200);
    await refused('part_paid', 'part_paid');
    expect((await setStatus(number, 'paid')).status).toBe(200);
    await refused('part_paid', 'paid');
    await refused('delivered', 'paid');
    expect((await detail(number)).data.status).toBe('paid');
  });

  it('cancels from any non-final status and then refuses every change', async () => {
    for (const path of [[], ['part_paid'], ['paid', 'on_the_way', 'delivered']]) {
      const number = await newOrder();
      for (const status of path) expect((await setStatus(number, status)).status).toBe(200);
      expect((await setStatus(number, 'cancelled', { comment: 'customer changed mind' })).status).toBe(200);
      for (const status of ['paid', 'accepted', 'cancelled']) expect((await setStatus(number, status)).status).toBe(400);
      expect((await detail(number)).data.status).toBe('cancelled');
    }
  });

  it('refuses cancelling an accepted order', async () => {
    const number = await newOrder();
    for (const status of ['paid', 'on_the_way', 'delivered', 'accepted']) await setStatus(number, status);
    const res = await setStatus(number, 'cancelled');
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error).toBe('Invalid status transition');
  });

  it('stores the externalOrderId a status update carries', async () => {
    const number = await newOrder();
    await setStatus(number, 'paid', { externalOrderId: 'EXT-123456' });
    expect((await detail(number)).data.externalOrderId).toBe('EXT-123456');
  });

  it('applies a status update whose connection resets; the retry is refused and a read shows the new status', async () => {
    const number = await newOrder();
    sandbox.faults.add({ kind: 'resetAfterWrite', operations: ['updateOrderStatus'], times: 1 });
    await expect(setStatus(number, 'paid')).rejects.toThrow();
    const retry = await setStatus(number, 'paid');
    expect(retry.status).toBe(400);
    expect((retry.body as ErrorBody).message).toBe('Invalid status transition from paid to paid');
    expect((await detail(number)).data.status).toBe('paid');
  });
});

describe('pleasurestock order list', () => {
  it('pages with limit and offset, newest first, without overlap', async () => {
    const page = async (offset: number) =>
      ((await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 50, offset } })).body as OrderList).data;
    const first = await page(0);
    const second = await page(50);
    expect(first.pagination).toMatchObject({ limit: 50, offset: 0, total: sandbox.state.orders.length });
    expect(first.orders).toHaveLength(50);
    const numbers = new Set([...first.orders, ...second.orders].map((o) => o.orderNumber));
    expect(numbers.size).toBe(100);
    const day = (o: { orderNumber: string }) => o.orderNumber.slice(4, 12);
    const days = [...first.orders, ...second.orders].map(day);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('filters by status and counts only that status in pagination.total', async () => {
    const res = await api.ext('listOrders', 'GET', '/external/orders', { query: { status: 'cancelled', limit: 100 } });
    const { orders, pagination } = (res.body as OrderList).data;
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.status === 'cancelled')).toBe(true);
    expect(pagination.total).toBe(sandbox.state.orders.filter((o) => o.status === 'cancelled').length);
  });

  it('shows list dates as DD/MM/YY matching the date in the orderNumber', async () => {
    const { orders } = ((await api.ext('listOrders', 'GET', '/external/orders', { query: { limit: 100, offset: 20 } })).body as OrderList).data;
    for (const order of orders) {
      const [, ymd] = order.orderNumber.split('-') as [string, string];
      expect(order.createdAt).toBe(`${ymd.slice(6, 8)}/${ymd.slice(4, 6)}/${ymd.slice(2, 4)}`);
    }
  });

  it('seeds 300 orders over every documented status and the 180 days before the reference date', async () => {
    const fresh = await startPleasurestockSandbox({ seed: 7 });
    try {
      const client = psClient(fresh, contract);
      const seeded: OrderList['data']['orders'] = [];
      for (let offset = 0, total = 1; offset < total; offset += 100) {
        const { data } = (await client.ext('listOrders', 'GET', '/external/orders', { query: { limit: 100, offset } })).body as OrderList;
        seeded.push(...data.orders);
        total = data.pagination.total;
      }
      expect(seeded).toHaveLength(300);
      expect(new Set(seeded.map((o) => o.status))).toEqual(new Set(['created', 'part_paid', 'paid', 'on_the_way', 'delivered', 'accepted', 'cancelled']));
      // createdAt is DD/MM/YY in UTC; the reference date is 2026-11-01T00:00Z.
      const days = seeded.map((o) => `20${o.createdAt.slice(6, 8)}-${o.createdAt.slice(3, 5)}-${o.createdAt.slice(0, 2)}`).sort();
      expect(days[0]! >= '2026-05-05').toBe(true);
      expect(days[0]! < '2026-06-04').toBe(true);
      expect(days.at(-1)! <= '2026-10-31').toBe(true);
      expect(days.at(-1)! > '2026-10-01').toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('shows in the detail the supplier UUID and the lines of the catalog products', async () => {
    const seeded = sandbox.state.orders[10]!;
    const order = (await detail(seeded.orderNumber)).data;
    expect(order.supplier.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(order.items.map((i) => i.psId)).toEqual(seeded.lines.map((l) => l.psId));
    const products = new Map<string, Product>(sandbox.state.products.map((p) => [p.internalId, p]));
    expect(order.items.every((i) => products.get(i.psId)?.supplierId === seeded.supplierId)).toBe(true);
    const sum = order.items.reduce((total, i) => total + numberToCents(i.totalPrice), 0);
    expect(numberToCents(order.totalAmount)).toBe(sum);
  });
});
