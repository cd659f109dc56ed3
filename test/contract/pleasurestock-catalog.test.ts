import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { Contract } from '../support/contract.ts';
import { decimalToCents, numberToCents, psClient, type ProductBody, type ProductList } from './pleasurestock-support.ts';

let sandbox: PleasurestockSandbox;
let contract: Contract;
let api: ReturnType<typeof psClient>;

beforeAll(async () => {
  contract = await Contract.load('pleasurestock');
  sandbox = await startPleasurestockSandbox({ seed: 3 });
  api = psClient(sandbox, contract);
});
afterAll(async () => {
  await sandbox?.close();
});

const list = async (query: Record<string, string | number | boolean> = {}) =>
  (await api.std('getProducts', 'GET', '/products', { query })).body as ProductList;
const one = async (id: string, query: Record<string, string | number | boolean> = {}) =>
  ((await api.std('getProduct', 'GET', `/products/${id}`, { query })).body as { data: ProductBody }).data;

/** cents × tenths / 10, rounded half up: the test's own arithmetic for TCC and TSP. */
const times = (cents: number, tenths: number) => Math.floor((cents * tenths + 5) / 10);

describe('pleasurestock catalog', () => {
  it('serves about 2,500 products, 100 a page by default, pages without overlap', async () => {
    const first = await list();
    const second = await list({ page: 2 });
    expect(first.pagination).toEqual({ page: 1, limit: 100, total: 2490, pages: 25 });
    expect(first.data).toHaveLength(100);
    const ids = new Set([...first.data, ...second.data].map((p) => p.internal_id));
    expect(ids.size).toBe(200);
    const last = await list({ page: 3, limit: 1000 });
    expect(last.data).toHaveLength(490);
  });

  it('keys list items on internal_id (ps_ + 10 lowercase alnum) and leaves out the UUID the detail carries', async () => {
    const { data } = await list({ limit: 20 });
    for (const product of data) {
      expect(product.internal_id).toMatch(/^ps_[a-z0-9]{10}$/);
      expect(product.id).toBeUndefined();
      expect(product.price === null || /^\d+\.\d{2}$/.test(product.price)).toBe(true);
    }
    const detail = await one(data[0]!.internal_id);
    expect(detail.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await one(detail.id!)).toEqual(detail);
  });

  it('shows images by default on the detail only', async () => {
    const { data } = await list({ limit: 1 });
    expect(data[0]!.images).toBeUndefined();
    expect((await one(data[0]!.internal_id)).images).toHaveLength(1);
    expect((await one(data[0]!.internal_id, { withImages: false })).images).toBeUndefined();
    expect((await list({ limit: 1, withImages: true })).data[0]!.images).toHaveLength(1);
  });

  it('filters by supplier_id and by search over name, SKU and description', async () => {
    const bySupplier = await list({ supplier_id: 17, limit: 1000 });
    expect(bySupplier.pagination.total).toBeGreaterThan(100);
    expect(bySupplier.data.every((p) => p.supplier_id === 17 && p.currency === 'EUR')).toBe(true);
    const sku = bySupplier.data[0]!.sku;
    const bySku = await list({ search: sku.toLowerCase() });
    expect(bySku.data.map((p) => p.sku)).toEqual([sku]);
    const byDescription = await list({ search: 'Shots Media', limit: 1000 });
    expect(byDescription.data.every((p) => p.supplier_id === 28)).toBe(true);
    expect(byDescription.data.length).toBeGreaterThan(0);
  });

  it('answers a batch of mixed UUID and ps_* ids in the order asked, each once, leaving unknown ids out', async () => {
    const { data } = await list({ limit: 3, page: 7 });
    const [a, b, c] = data as [ProductBody, ProductBody, ProductBody];
    const uuidOfB = (await one(b.internal_id)).id!;
    const ids = [c.internal_id, uuidOfB, 'ps_zzzzzzzzzz', a.internal_id, c.internal_id].join(',');
    const batch = await list({ ids, includeTcc: true });
    expect(batch.data.map((p) => p.internal_id)).toEqual([c.internal_id, b.internal_id, a.internal_id]);
    expect(batch.pagination).toEqual({ page: 1, limit: 3, total: 3, pages: 1 });
    expect(batch.data[0]!.tcc_enabled).toBeTypeOf('boolean');
  });

  it('computes TCC as price × coefficient and TSP from its formula, in cents', async () => {
    const { data } = await list({ limit: 300, includeTcc: true, includeTsp: true, includeCategory: true });
    const enabled = data.filter((p) => p.tcc_enabled && p.price !== null);
    expect(enabled.length).toBeGreaterThan(100);
    for (const product of enabled) {
      const tcc = times(decimalToCents(product.price!), Math.round(product.tcc_coefficient! * 10));
      expect(numberToCents(product.tcc_total_cost!)).toBe(tcc);
      const [, multiplier, add = '0'] = /^TCC \* ([\d.]+)(?: \+ (\d+))?$/.exec(product.tsp_formula!)!;
      expect(numberToCents(product.tsp_value!)).toBe(times(tcc, Math.round(Number(multiplier) * 10)) + Number(add) * 100);
      expect(product.category_name_en).toBeTypeOf('string');
    }
    const disabled = data.find((p) => p.tcc_enabled === false)!;
    expect(disabled).toMatchObject({ tcc_total_cost: null, tsp_value: null, tsp_enabled: false });
  });

  it('spreads products over 8 suppliers pricing in EUR, USD and TRY, some without a configured price', () => {
    const products = sandbox.state.products;
    expect(new Set(products.map((p) => p.supplierId)).size).toBe(8);
    expect(new Set(products.map((p) => p.currency))).toEqual(new Set(['EUR', 'USD', 'TRY']));
    expect(products.some((p) => p.priceCents === null)).toBe(true);
  });

  it('serves the same first page for the same seed and a different one for another seed', async () => {
    const twin = await startPleasurestockSandbox({ seed: 3 });
    const other = await startPleasurestockSandbox({ seed: 4 });
    try {
      const page = async (s: PleasurestockSandbox) =>
        ((await psClient(s, contract).std('getProducts', 'GET', '/products', { query: { includeTcc: true, includeCategory: true } })).body as ProductList).data;
      expect(await page(twin)).toEqual(await page(sandbox));
      expect((await page(other))[0]!.internal_id).not.toBe((await page(sandbox))[0]!.internal_id);
      const orders = async (s: PleasurestockSandbox) => (await psClient(s, contract).ext('listOrders', 'GET', '/external/orders')).body;
      expect(await orders(twin)).toEqual(await orders(sandbox));
    } finally {
      await twin.close();
      await other.close();
    }
  });
});

describe('pleasurestock sales and smart reordering', () => {
  type Recommendations = { recommendations: { product_internal_id: string; current_stock: number; average_daily_sales: number; recommended_quantity: number }[]; total: number };
  const recommendations = async (date: string) =>
    (await api.std('getSmartReordering', 'GET', '/smart-reordering', { query: { date } })).body as Recommendations;
  const unsold = () => sandbox.state.products.find((p) => ![...sandbox.state.sales.values()].some((s) => s.internalId === p.internalId))!;

  it('aggregates records of one product and day: quantities summed, stock the maximum', async () => {
    const product = unsold();
    const res = await api.std('submitSales', 'POST', '/sales', {
      body: {
        sales: [
          { internal_id: product.internalId, date: '2026-10-20', quantity: 10, stock_on_hand: 500 },
          { internal_id: product.id, date: '2026-10-20', quantity: 5, stock_on_hand: 300 },
        ],
      },
    });
    expect(res.body).toEqual({ success: true, message: 'Sales data submitted successfully', processed: 2 });
    const found = (await recommendations('2026-10-20')).recommendations.find((r) => r.product_internal_id === product.internalId);
    expect(found).toMatchObject({ current_stock: 500, average_daily_sales: 15, recommended_quantity: 0 });
  });

  it('leaves out-of-stock days out of the average and recommends two weeks of cover', async () => {
    const product = unsold();
    await api.std('submitSales', 'POST', '/sales', {
      body: {
        sales: [
          { internal_id: product.internalId, date: '2026-10-10', quantity: 4, stock_on_hand: 30 },
          { internal_id: product.internalId, date: '2026-10-11', quantity: 0, stock_on_hand: 0 },
          { internal_id: product.internalId, date: '2026-10-12', quantity: 6, stock_on_hand: 10 },
        ],
      },
    });
    const found = (await recommendations('2026-10-12')).recommendations.find((r) => r.product_internal_id === product.internalId);
    expect(found).toMatchObject({ average_daily_sales: 5, current_stock: 10, recommended_quantity: 60 });
  });

  it('turns external smart reorder data into a recommendation under one stable smartReorderId', async () => {
    const product = unsold();
    const body = { products: [{ ps_id: product.internalId, quantity: 10, current_stock: 20, sales_history: [10, 10, 10, 10, 10, 10, 10] }] };
    const first = (await api.ext('submitSmartReorder', 'POST', '/external/smart-reorder', { body })).body as { data: { smartReorderId: number; isActive: boolean } };
    const second = (await api.ext('submitSmartReorder', 'POST', '/external/smart-reorder', { body })).body as { data: { smartReorderId: number } };
    expect(second.data.smartReorderId).toBe(first.data.smartReorderId);
    expect(first.data.isActive).toBe(true);
    const found = (await recommendations('2026-11-01')).recommendations.find((r) => r.product_internal_id === product.internalId);
    expect(found).toMatchObject({ average_daily_sales: 10, current_stock: 20, recommended_quantity: 120 });
  });

  it('computes recommendations from the seeded sales history, largest first', async () => {
    const result = await recommendations('2026-11-01');
    expect(result.total).toBe(result.recommendations.length);
    expect(result.total).toBeGreaterThan(20);
    const quantities = result.recommendations.map((r) => r.recommended_quantity);
    expect(quantities).toEqual([...quantities].sort((x, y) => y - x));
  });
});

describe('pleasurestock currency conversion', () => {
  const convert = async (amount: string, currency: string) =>
    (await api.std('convertToTry', 'GET', '/currency/convert-to-try', { query: { amount, currency } })).body as {
      convertedAmount: number; exchangeRate: number; originalAmount: number; targetCurrency: string;
    };

  it('converts at the documented EUR rate (100 EUR → 3487.50 TRY)', async () => {
    expect(await convert('100', 'EUR')).toMatchObject({ originalAmount: 100, convertedAmount: 3487.5, exchangeRate: 34.875, targetCurrency: 'TRY' });
  });

  it('rounds the converted amount half up to cents without float drift', async () => {
    const res = await convert('19.99', 'USD');
    // 1999 cents × 32.15 = 64267.85 cents → 64268
    expect(numberToCents(res.convertedAmount)).toBe(64268);
  });
});
