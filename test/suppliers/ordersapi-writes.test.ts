import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { ORDERSAPI_SANDBOX_CATALOG, ORDERSAPI_SANDBOX_CREDENTIALS, startOrdersapiSandbox, type OrdersapiSandbox } from '../../src/sandbox/ordersapi/index.ts';
import { ordersapiSandboxCatalog } from '../../src/sandbox/gateway-config.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createOrdersapiAdapter } from '../../src/suppliers/ordersapi/index.ts';
import { ordersapiValidationRefusals } from '../../src/suppliers/ordersapi/refusals.ts';
import type { PlacementLine, PlacementRequest, SupplierWrites } from '../../src/suppliers/writes.ts';

const catalog = ordersapiSandboxCatalog();
const PLACED_AT = '2026-11-02T09:30:00.000Z';
const available = ORDERSAPI_SANDBOX_CATALOG.filter((p) => p.available);
const unavailable = ORDERSAPI_SANDBOX_CATALOG.find((p) => !p.available)!;
// A price with an awkward cents ending, so a float anywhere would show.
const oddCents = available.find((p) => p.priceCents % 100 === 5 || p.priceCents % 100 === 95) ?? available[1]!;

type Adapter = Required<Pick<SupplierWrites, 'createOrder' | 'findPlacement' | 'validatePlacement'>> &
  Required<Pick<SupplierAdapter, 'listOrders'>>;

let sandbox: OrdersapiSandbox;
let adapter: Adapter;
const build = (apiKey: string = ORDERSAPI_SANDBOX_CREDENTIALS.apiKey, ordersTtlMs = 60_000) =>
  createOrdersapiAdapter({ baseUrl: sandbox.baseUrl, apiKey, timeoutMs: 2_000, catalog, ordersTtlMs, now: () => new Date(PLACED_AT) }) as Adapter;

let sequence = 0;
const line = (productId: string, quantity: number): PlacementLine => ({ supplierProductId: productId, sku: productId, quantity });
function placementRequest(lines: PlacementLine[] = [line('PR00001', 2), line(oddCents.product_id, 3)]): PlacementRequest {
  sequence += 1;
  return {
    token: `SG-ORDERSAPI-${process.pid}-${sequence}`,
    externalReference: 'SHOP-2002',
    customer: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
    shippingAddress: { firstName: 'Grace', lastName: 'Hopper', address1: '1 Navy Yard', city: 'Arlington', state: 'VA', postalCode: '22202', country: 'US' },
    lines,
  };
}
const ordersFor = (token: string) => sandbox.state.orders().filter((o) => o.customerReference === token);

beforeAll(async () => {
  sandbox = await startOrdersapiSandbox({ rateLimitMode: 'off' });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.stats.reset();
  adapter = build();
});

describe('ordersapi createOrder', () => {
  it('places the order with the token as customer_reference and answers it with exact money', async () => {
    const request = placementRequest();
    const outcome = await adapter.createOrder(request);
    const [stored] = ordersFor(request.token);
    expect(ordersFor(request.token)).toHaveLength(1);
    expect(stored!.partnerName).toBe('supplygraph');
    expect(outcome).toMatchObject({ kind: 'placed' });
    if (outcome.kind !== 'placed') return;
    const [order] = outcome.orders;
    expect(order).toMatchObject({
      supplier: 'ordersapi',
      supplierOrderId: stored!.orderId,
      externalReference: 'SHOP-2002',
      status: 'PENDING',
      supplierStatus: 'created',
      createdAt: PLACED_AT,
    });
    expect(order!.lines.map((l) => [l.supplierProductId, l.quantity, l.unitPrice!.minor])).toEqual(
      stored!.items.map((i) => [i.productId, i.quantity, BigInt(i.unitPriceCents)]),
    );
    const totalCents = 2 * 1099 + 3 * oddCents.priceCents;
    expect(order!.total).toEqual({ minor: BigInt(totalCents), currency: 'USD' });
    expect(order!.lines[0]!.lineTotal && toDecimalString(order!.lines[0]!.lineTotal)).toBe('21.98');
  });

  it('sends the configured partner name', async () => {
    const request = placementRequest();
    const named = createOrdersapiAdapter({ baseUrl: sandbox.baseUrl, apiKey: ORDERSAPI_SANDBOX_CREDENTIALS.apiKey, timeoutMs: 2_000, catalog, partnerName: 'Acme Partners' });
    await named.createOrder!(request);
    expect(ordersFor(request.token)[0]!.partnerName).toBe('Acme Partners');
  });

  it('drops a cached order list once it places an order, so the new order is listed', async () => {
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    const outcome = await adapter.createOrder(placementRequest());
    if (outcome.kind !== 'placed') throw new Error('not placed');
    const { items } = await adapter.listOrders({ offset: 0, limit: 1 }, {});
    expect(items[0]!.supplierOrderId).toBe(outcome.orders[0]!.supplierOrderId);
    expect(sandbox.stats.count('listOrders')).toBe(2);
  });

  it('lets a 503 through as SupplierUnavailableError', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, operations: ['createOrder'], times: 1 }]);
    expect(await adapter.createOrder(placementRequest()).catch((e: unknown) => e)).toBeInstanceOf(SupplierUnavailableError);
  });

  it('throws a refused API key as a non-retryable SupplierUnavailableError', async () => {
    const failure = await build('wrong-key').createOrder(placementRequest()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ supplier: 'ordersapi', retryable: false });
  });
});

describe('ordersapi createOrder refusals', () => {
  const rejected = async (request: PlacementRequest) => {
    const outcome = await adapter.createOrder(request);
    expect(ordersFor(request.token)).toHaveLength(0);
    if (outcome.kind !== 'rejected') throw new Error(`expected a refusal, got ${outcome.kind}`);
    return outcome.refusals;
  };

  it('maps 404 to UNKNOWN_PRODUCT at the line of the product', async () => {
    expect(await rejected(placementRequest([line('PR00001', 1), line('PR99999', 1)]))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PRODUCT', line: 1 }),
    ]);
  });

  it('maps 409 to UNAVAILABLE at the line of the product', async () => {
    expect(await rejected(placementRequest([line(unavailable.product_id, 1), line('PR00001', 1)]))).toEqual([
      expect.objectContaining({ code: 'UNAVAILABLE', line: 0 }),
    ]);
  });

  it('maps the empty order’s 400 to VALIDATION on lines', async () => {
    expect(await rejected(placementRequest([]))).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['lines'] })]);
  });

  it('maps 422 problems to refusals at the line and field, a bad quantity as INVALID_QUANTITY', async () => {
    const refusals = await rejected(placementRequest([line('PR00001', 1), line('PR00001', 0)]));
    expect(refusals).toEqual([expect.objectContaining({ code: 'INVALID_QUANTITY', line: 1, field: ['lines', '1', 'quantity'] })]);
    expect(refusals[0]!.message).toContain('greater than 0');
  });

  it('locates other 422 problems in the request’s own terms, and names no field for partner_name or the body', () => {
    const refusals = ordersapiValidationRefusals({
      detail: [
        { loc: ['body', 'items', 2, 'product_id'], msg: 'Input should be a valid string', type: 'string_type' },
        { loc: ['body', 'customer_reference'], msg: 'Input should be a valid string', type: 'string_type' },
        { loc: ['body', 'partner_name'], msg: 'Field required', type: 'missing' },
        { loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' },
      ],
    });
    expect(refusals).toEqual([
      { code: 'VALIDATION', message: 'lines.2.supplierProductId: Input should be a valid string', field: ['lines', '2', 'supplierProductId'], line: 2 },
      { code: 'VALIDATION', message: 'token: Input should be a valid string', field: ['token'] },
      { code: 'VALIDATION', message: 'Field required' },
      { code: 'VALIDATION', message: 'JSON decode error' },
    ]);
  });
});

describe('ordersapi validatePlacement', () => {
  it('accepts a valid request with no call', () => {
    expect(adapter.validatePlacement(placementRequest())).toEqual([]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses unknown and unavailable products and bad quantities, at their lines, with no call', () => {
    const refusals = adapter.validatePlacement(
      placementRequest([line('PR99999', 1), line(unavailable.product_id, 1), line('PR00001', 0), line('PR00001', 2.5), line('PR00001', 2 ** 31)]),
    );
    expect(refusals.map((r) => [r.code, r.line, r.field ?? null])).toEqual([
      ['UNKNOWN_PRODUCT', 0, null],
      ['UNAVAILABLE', 1, null],
      ['INVALID_QUANTITY', 2, ['lines', '2', 'quantity']],
      ['INVALID_QUANTITY', 3, ['lines', '3', 'quantity']],
      ['INVALID_QUANTITY', 4, ['lines', '4', 'quantity']],
    ]);
    expect(adapter.validatePlacement(placementRequest([]))).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['lines'] })]);
    expect(sandbox.stats.count()).toBe(0);
  });
});

describe('ordersapi exactly once', () => {
  it('finds the order a reset connection hid, and the supplier holds exactly one for the token', async () => {
    const request = placementRequest();
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }]);
    expect(await adapter.createOrder(request).catch((e: unknown) => e)).toBeInstanceOf(SupplierUnavailableError);
    expect(ordersFor(request.token)).toHaveLength(1);

    const found = await adapter.findPlacement(request);
    expect(found).toMatchObject({ kind: 'placed' });
    if (found?.kind !== 'placed') return;
    expect(found.orders.map((o) => o.supplierOrderId)).toEqual([ordersFor(request.token)[0]!.orderId]);
    expect(found.orders[0]).toMatchObject({ externalReference: 'SHOP-2002', createdAt: null });
    expect(found.orders[0]!.total!.minor).toBe(BigInt(2 * 1099 + 3 * oddCents.priceCents));
    expect(ordersFor(request.token)).toHaveLength(1);
    expect(sandbox.stats.count('createOrder')).toBe(1);
  });

  it('reads the list fresh even when the adapter holds a cached one', async () => {
    const request = placementRequest();
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    sandbox.faults.set([{ kind: 'hangAfterWrite', operations: ['createOrder'], times: 1 }]);
    const slow = createOrdersapiAdapter({ baseUrl: sandbox.baseUrl, apiKey: ORDERSAPI_SANDBOX_CREDENTIALS.apiKey, timeoutMs: 300, catalog });
    expect(await slow.createOrder!(request).catch((e: unknown) => e)).toBeInstanceOf(SupplierUnavailableError);
    expect((await adapter.findPlacement(request))?.kind).toBe('placed');
    expect(sandbox.stats.count('listOrders')).toBe(2);
  });

  it('returns the newest order when the token was placed twice', async () => {
    const request = placementRequest();
    await adapter.createOrder(request);
    await adapter.createOrder(request);
    const found = await adapter.findPlacement(request);
    if (found?.kind !== 'placed') throw new Error('not found');
    expect(found.orders.map((o) => o.supplierOrderId)).toEqual([ordersFor(request.token)[1]!.orderId]);
  });

  it('answers null for a token never used, placing nothing', async () => {
    const before = sandbox.state.orders().length;
    expect(await adapter.findPlacement(placementRequest())).toBeNull();
    expect(sandbox.state.orders()).toHaveLength(before);
    expect(sandbox.stats.count('createOrder')).toBe(0);
    expect(sandbox.stats.count('listOrders')).toBe(1);
  });
});
