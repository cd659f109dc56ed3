import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { startCentreSandbox, type CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { centreWrites, PLACED_AT, placementRequest, uniqueToken, type CentreWrites } from './centre-writes-support.ts';

let sandbox: CentreSandbox;
let adapter: CentreWrites;

beforeAll(async () => {
  sandbox = await startCentreSandbox({ rateLimitMode: 'off' });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.stats.reset();
  adapter = centreWrites(sandbox);
});

const ordersFor = (token: string) => sandbox.state.placedOrders().filter((o) => o.partnerOrderId === token);

describe('centre createOrder', () => {
  it('places the order with the token as partnerOrderId and answers it priced from the price list', async () => {
    const request = placementRequest();
    const outcome = await adapter.createOrder(request);

    const [stored] = ordersFor(request.token);
    expect(stored).toBeDefined();
    expect(outcome).toMatchObject({ kind: 'placed' });
    if (outcome.kind !== 'placed') return;
    const [order] = outcome.orders;
    expect(outcome.orders).toHaveLength(1);
    expect(order).toMatchObject({
      supplier: 'centre',
      supplierOrderId: stored!.orderId,
      externalReference: 'SHOP-1001',
      status: 'PENDING',
      supplierStatus: 'PENDING',
      createdAt: PLACED_AT,
    });
    // Exact money: the sandbox's cents, line by line and in total.
    expect(order!.lines.map((l) => [l.supplierProductId, l.sku, l.quantity, l.unitPrice && toDecimalString(l.unitPrice)])).toEqual(
      stored!.items.map((i) => [i.variantId, i.sku, i.quantity, (i.unitPriceCents / 100).toFixed(2)]),
    );
    expect(order!.lines.map((l) => l.lineTotal && toDecimalString(l.lineTotal))).toEqual(['89.97', '54.99']);
    const totalCents = stored!.items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);
    expect(order!.total).toEqual({ minor: BigInt(totalCents), currency: 'USD' });
    expect(toDecimalString(order!.total!)).toBe('144.96');
  });

  it('sends the customer and addresses in Centre’s fields, postalCode as zip', async () => {
    const request = placementRequest({
      billingAddress: { firstName: 'Ada', lastName: 'Lovelace', address1: '9 Ledger St', city: 'Austin', state: 'TX', postalCode: '73301' },
    });
    await adapter.createOrder(request);
    const [stored] = ordersFor(request.token);
    expect(stored!.customer).toMatchObject({ email: 'ada@example.com' });
    expect(stored!.shippingAddress).toEqual({
      firstName: 'Ada', lastName: 'Lovelace', address1: '1 Analytical Way', address2: 'Suite 2', city: 'Boston', state: 'MA', zip: '02108', country: 'US',
    });
    expect(stored!.billingAddress).toEqual({ firstName: 'Ada', lastName: 'Lovelace', address1: '9 Ledger St', city: 'Austin', state: 'TX', zip: '73301' });
  });

  it('answers a token used before with the order placed first, creating nothing', async () => {
    const request = placementRequest();
    const first = await adapter.createOrder(request);
    const again = await adapter.createOrder(request);
    expect(again).toMatchObject({ kind: 'placed' });
    if (first.kind !== 'placed' || again.kind !== 'placed') return;
    expect(again.orders[0]!.supplierOrderId).toBe(first.orders[0]!.supplierOrderId);
    // The duplicate answer says not when; the journal dates it.
    expect(again.orders[0]!.createdAt).toBeNull();
    expect(toDecimalString(again.orders[0]!.total!)).toBe('144.96');
    expect(ordersFor(request.token)).toHaveLength(1);
  });

  it('lets a 5xx through as SupplierUnavailableError', async () => {
    sandbox.faults.set([{ kind: 'error', status: 500, operations: ['createOrder'], times: 1 }]);
    const failure = await adapter.createOrder(placementRequest()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
  });
});

describe('centre createOrder refusals', () => {
  const rejected = async (request = placementRequest(), writes = adapter) => {
    const outcome = await writes.createOrder(request);
    expect(ordersFor(request.token)).toHaveLength(0);
    if (outcome.kind !== 'rejected') throw new Error(`expected a refusal, got ${outcome.kind}`);
    return outcome.refusals;
  };

  it('maps "Price not configured" to PRICE_NOT_CONFIGURED at the line that names the variant', async () => {
    const refusals = await rejected(
      placementRequest({
        lines: [
          { supplierProductId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', quantity: 1 },
          { supplierProductId: 'SEMAGLUTIDE-5MG', sku: 'SEMAGLUTIDE-5MG', quantity: 1 },
        ],
      }),
    );
    expect(refusals).toEqual([expect.objectContaining({ code: 'PRICE_NOT_CONFIGURED', line: 1 })]);
  });

  it('maps "Invalid quantity" to INVALID_QUANTITY at the line and its quantity field', async () => {
    const request = placementRequest();
    request.lines[1]!.quantity = 0;
    expect(await rejected(request)).toEqual([
      expect.objectContaining({ code: 'INVALID_QUANTITY', line: 1, field: ['lines', '1', 'quantity'] }),
    ]);
  });

  it('maps "Items array is required" to VALIDATION on lines', async () => {
    expect(await rejected(placementRequest({ lines: [] }))).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['lines'] })]);
  });

  it('maps each validation detail to VALIDATION with the request field, zip as postalCode', async () => {
    const request = placementRequest();
    request.customer.email = 'not-an-email';
    request.shippingAddress = { ...request.shippingAddress, state: 'ma', postalCode: null };
    const refusals = await rejected(request);
    expect(refusals.map((r) => [r.code, r.field])).toEqual(
      expect.arrayContaining([
        ['VALIDATION', ['customer', 'email']],
        ['VALIDATION', ['shippingAddress', 'state']],
        ['VALIDATION', ['shippingAddress', 'postalCode']],
      ]),
    );
    expect(refusals).toHaveLength(3);
    expect(refusals.find((r) => r.field?.[1] === 'postalCode')?.message).toBe('shippingAddress.postalCode is required');
  });

  it('maps a detail about an item to VALIDATION at its line, variantId as supplierProductId', async () => {
    const request = placementRequest();
    request.lines[0]!.supplierProductId = '';
    expect(await rejected(request)).toEqual([
      { code: 'VALIDATION', message: 'lines.0.supplierProductId is required', field: ['lines', '0', 'supplierProductId'], line: 0 },
    ]);
  });

  it('maps the paused channel’s 403 to FORBIDDEN', async () => {
    const paused = centreWrites(sandbox, sandbox.credentials.inactiveApiKey);
    expect(await rejected(placementRequest(), paused)).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it('throws a refused API key as a non-retryable SupplierUnavailableError', async () => {
    const failure = await centreWrites(sandbox, 'crp_test_wrong').createOrder(placementRequest()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ supplier: 'centre', retryable: false });
  });
});

describe('centre validatePlacement', () => {
  it('accepts a valid request', () => {
    expect(adapter.validatePlacement(placementRequest())).toEqual([]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses bad email, lowercase states, missing fields, bad quantities and unpriced variants, with no call', () => {
    const request = placementRequest({
      customer: { firstName: 'Ada', lastName: ' ', email: 'ada@nowhere' },
      billingAddress: { state: 'Texas' },
      lines: [
        { supplierProductId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', quantity: 0 },
        { supplierProductId: 'TB500-10MG', sku: 'TB500-10MG', quantity: 1.5 },
        { supplierProductId: 'clesfh5joqp15eonnsiy2q9jo', sku: 'SEMAGLUTIDE-5MG', quantity: 1 },
        { supplierProductId: 'NO-SUCH-VARIANT', sku: 'NO-SUCH-VARIANT', quantity: 1 },
      ],
    });
    request.shippingAddress = { ...request.shippingAddress, state: 'ma', city: '' };
    const refusals = adapter.validatePlacement(request);
    expect(refusals.map((r) => [r.code, r.field ?? null, r.line ?? null])).toEqual([
      ['VALIDATION', ['customer', 'lastName'], null],
      ['VALIDATION', ['customer', 'email'], null],
      ['VALIDATION', ['shippingAddress', 'city'], null],
      ['VALIDATION', ['shippingAddress', 'state'], null],
      ['VALIDATION', ['billingAddress', 'state'], null],
      ['INVALID_QUANTITY', ['lines', '0', 'quantity'], 0],
      ['INVALID_QUANTITY', ['lines', '1', 'quantity'], 1],
      ['PRICE_NOT_CONFIGURED', null, 2],
      ['PRICE_NOT_CONFIGURED', null, 3],
    ]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses an empty cart on lines', () => {
    expect(adapter.validatePlacement(placementRequest({ lines: [] }))).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['lines'] })]);
  });
});

describe('centre exactly once', () => {
  it('finds the order a reset connection hid, and Centre holds exactly one for the token', async () => {
    const request = placementRequest();
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }]);
    const failure = await adapter.createOrder(request).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect(ordersFor(request.token)).toHaveLength(1);

    const found = await adapter.findPlacement(request);
    expect(found).toMatchObject({ kind: 'placed' });
    if (found?.kind !== 'placed') return;
    expect(found.orders.map((o) => o.supplierOrderId)).toEqual([ordersFor(request.token)[0]!.orderId]);
    expect(found.orders[0]).toMatchObject({ externalReference: 'SHOP-1001', status: 'PENDING' });
    expect(toDecimalString(found.orders[0]!.total!)).toBe('144.96');
    expect(ordersFor(request.token)).toHaveLength(1);
  });

  it('answers null for a token never used, and the lookup creates nothing', async () => {
    const before = sandbox.state.placedOrders().length;
    const request = placementRequest();
    expect(await adapter.findPlacement(request)).toBeNull();
    expect(sandbox.state.placedOrders()).toHaveLength(before);
    expect(sandbox.state.findByPartnerOrderId(request.token)).toBeUndefined();
    expect(sandbox.stats.count('createOrder')).toBe(1);
  });

  it('does not let a lookup hide a placement: after null, createOrder places once', async () => {
    const request = placementRequest();
    expect(await adapter.findPlacement(request)).toBeNull();
    expect(await adapter.createOrder(request)).toMatchObject({ kind: 'placed' });
    expect(ordersFor(request.token)).toHaveLength(1);
  });

  it('throws when the paused channel keeps the lookup from answering', async () => {
    const failure = await centreWrites(sandbox, sandbox.credentials.inactiveApiKey).findPlacement(placementRequest()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
  });

  it('answers null when the request could never have been placed', async () => {
    const request = placementRequest({ token: uniqueToken() });
    request.customer.email = 'bad';
    expect(await adapter.findPlacement(request)).toBeNull();
    expect(sandbox.state.findByPartnerOrderId(request.token)).toBeUndefined();
  });
});
