import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { isDuplicateOrderFailure, placementFailureRefusals } from '../../src/suppliers/cenports/index.ts';
import type { PlacementOutcome } from '../../src/suppliers/writes.ts';
import { adapterFor, CHANNEL, type FullAdapter } from './cenports-support.ts';
import { freshToken, line, placement } from './cenports-writes-support.ts';

const DELAY_MS = 1_000;

function submittedHandle(outcome: PlacementOutcome): string {
  if (outcome.kind !== 'submitted') throw new Error(`expected submitted, got ${JSON.stringify(outcome)}`);
  return outcome.transaction.handle;
}

describe('cenports adapter: placing orders against the sandbox', () => {
  let sandbox: CenportsSandbox;
  let adapter: FullAdapter;
  let skus: string[];
  let sentBodies: string[];
  // The sandbox's clock: transactions settle when a test moves it past DELAY_MS.
  let clock = Date.UTC(2026, 10, 2, 15);
  const settle = () => (clock += DELAY_MS);
  const ordersNumbered = (orderNo: string) => sandbox.state.ordersNumbered(orderNo);

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off', now: () => clock, transactionDelayMs: DELAY_MS });
    skus = [...sandbox.state.products.keys()].slice(0, 3);
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.faults.clear();
    sentBodies = [];
    // Real HTTP; the wrapper only keeps a copy of what was sent.
    const recording: typeof fetch = async (input, init) => {
      if (input instanceof Request && input.method === 'POST' && input.url.endsWith('/orders')) sentBodies.push(await input.clone().text());
      return fetch(input, init);
    };
    adapter = adapterFor(sandbox, { now: () => clock, fetch: recording });
    await adapter.listSalesChannels(); // authorizes, so counts below are writes and reads only
    sandbox.stats.reset();
  });

  it('submits one order numbered by the token with exact money, then reads it back once its transaction completes', async () => {
    const request = placement(skus);
    const outcome = await adapter.createOrder(request);

    const handle = submittedHandle(outcome);
    expect(outcome).toMatchObject({
      kind: 'submitted',
      transaction: { supplier: 'cenports', kind: 'createOrder', status: 'PENDING', supplierStatus: 'QUEUED', supplierOrderIds: [request.token], errors: [] },
    });
    expect(sandbox.state.transactions.find(handle)?.kind).toBe('createOrders');
    expect(sandbox.stats.count('createOrders')).toBe(1);
    // Amounts leave as exact decimal text, unquoted JSON numbers.
    expect(sentBodies).toHaveLength(1);
    expect(sentBodies[0]).toContain('"consumerPrice":0.07,"subTotal":0.21');
    expect(sentBodies[0]).toContain('"consumerPrice":19.99,"subTotal":59.97');
    expect(sentBodies[0]).toContain('"subTotal":60.18,"shippingCost":0.00,"grandTotal":60.18');
    expect(ordersNumbered(request.token)).toEqual([]); // not before the transaction settles

    settle();
    const [transaction] = await adapter.getTransactions([handle]);
    expect(transaction).toMatchObject({ status: 'COMPLETED', supplierStatus: 'COMPLETED', errors: [] });

    const [stored] = ordersNumbered(request.token);
    expect(stored).toMatchObject({
      channelId: CHANNEL,
      customerOrderNo: request.externalReference,
      customerName: 'Jon Doe',
      contactName: 'Mary Smith',
      contactEmail: 'jon.doe@example.com',
      contactPhone: '5105550199',
      shipTo: { address1: '3159 Zimmerman Lane', address2: 'Suite 4', city: 'Los Angeles', state: 'CA', country: 'US', postalCode: '90017' },
      carrierCode: 'FedEx',
      serviceLevel: 'Ground',
      subTotalCents: 6018,
      shipCostCents: 0,
      grandTotalCents: 6018,
      orderDate: Date.UTC(2026, 10, 2),
    });
    expect(stored!.lines.map((l) => [l.lineNumber, l.sku, l.quantity, l.priceCents])).toEqual([
      [1, skus[0], 3, 7],
      [2, skus[1], 3, 1999],
    ]);

    const [order] = await adapter.getOrders([request.token]);
    expect(order).toMatchObject({ supplierOrderId: request.token, externalReference: request.externalReference, status: 'PENDING' });
    expect(toDecimalString(order!.total!)).toBe('60.18');
    expect(order!.lines.map((l) => [l.sku, l.quantity, toDecimalString(l.unitPrice!), toDecimalString(l.lineTotal!)])).toEqual([
      [skus[0], 3, '0.07', '0.21'],
      [skus[1], 3, '19.99', '59.97'],
    ]);
  });

  it('finds the placed order by its token with one read, and nothing for an unused token without creating anything', async () => {
    const request = placement(skus);
    const handle = submittedHandle(await adapter.createOrder(request));
    settle();
    expect((await adapter.getTransactions([handle]))[0]?.status).toBe('COMPLETED');
    sandbox.stats.reset();
    const ordersBefore = sandbox.state.orders.length;

    const found = await adapter.findPlacement(request);
    expect(found?.kind).toBe('placed');
    expect(found?.kind === 'placed' && found.orders.map((o) => [o.supplierOrderId, o.externalReference])).toEqual([[request.token, request.externalReference]]);
    expect(await adapter.findPlacement({ ...request, token: freshToken() })).toBeNull();

    expect(sandbox.stats.snapshot().byOperation).toEqual({ getOrders: 2 });
    expect(sandbox.state.orders.length).toBe(ordersBefore);
  });

  it('places exactly once when the connection resets after the write: the lookup finds the one order', async () => {
    const request = placement(skus);
    const transactionsBefore = sandbox.state.transactions.all().length;
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrders'], times: 1 }]);

    await expect(adapter.createOrder(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect(sandbox.state.transactions.all().length).toBe(transactionsBefore + 1); // the write was applied

    // While the transaction is queued there is no order yet, and the lookup creates none.
    expect(await adapter.findPlacement(request)).toBeNull();
    settle();
    const found = await adapter.findPlacement(request);
    expect(found).toMatchObject({ kind: 'placed', orders: [{ supplierOrderId: request.token, externalReference: request.externalReference }] });
    expect(found?.kind === 'placed' && toDecimalString(found.orders[0]!.total!)).toBe('60.18');

    expect(ordersNumbered(request.token)).toHaveLength(1);
    expect(sandbox.stats.count('createOrders')).toBe(1);
    expect(sandbox.state.transactions.all().length).toBe(transactionsBefore + 1);
    expect(await adapter.findPlacement({ ...request, token: freshToken() })).toBeNull();
    expect(sandbox.stats.count('createOrders')).toBe(1);
  });

  it('a re-sent token fails as a duplicate that isDuplicateOrderFailure recognises, and still one order exists', async () => {
    const request = placement(skus);
    submittedHandle(await adapter.createOrder(request));
    settle();
    const again = submittedHandle(await adapter.createOrder({ ...request, externalReference: `${request.externalReference}-2` }));
    settle();

    const [failed] = await adapter.getTransactions([again]);
    expect(failed?.status).toBe('FAILED');
    // Kept as Cenports wrote it.
    expect(failed?.errors).toEqual([{ index: 0, message: `The order ${request.token} is already existed on our system.` }]);
    expect(isDuplicateOrderFailure(failed!)).toBe(true);
    expect(isDuplicateOrderFailure(failed!, request.token)).toBe(true);
    expect(isDuplicateOrderFailure(failed!, freshToken())).toBe(false);
    expect(placementFailureRefusals(failed!)).toEqual([{ code: 'DUPLICATE', message: failed!.errors[0]!.message, field: ['token'] }]);
    expect(ordersNumbered(request.token)).toHaveLength(1);
  });

  it('a failed placement maps to refusals: unknown sku to UNKNOWN_PRODUCT on its line, reused reference to DUPLICATE', async () => {
    const first = placement(skus);
    submittedHandle(await adapter.createOrder(first));
    settle();
    const request = placement(skus, { externalReference: first.externalReference });
    request.lines = [line(skus[0]!, 1, '5.00'), line('NO-SUCH-SKU', 2, '1.50')];
    const handle = submittedHandle(await adapter.createOrder(request));
    settle();

    const [failed] = await adapter.getTransactions([handle]);
    expect(failed?.status).toBe('FAILED');
    expect(isDuplicateOrderFailure(failed!)).toBe(false);
    expect(placementFailureRefusals(failed!).map((r) => [r.code, r.line, r.field])).toEqual([
      ['DUPLICATE', undefined, ['externalReference']],
      ['UNKNOWN_PRODUCT', 1, ['lines', '1', 'sku']],
    ]);
    expect(ordersNumbered(request.token)).toEqual([]);
  });

  it('maps a 422 field to the request path and a 400 business error to VALIDATION, placing nothing', async () => {
    const bad = placement(skus, { customer: { firstName: 'Jon', lastName: 'Doe', email: 'not-an-email' } });
    expect(await adapter.createOrder(bad)).toEqual({
      kind: 'rejected',
      refusals: [{ code: 'VALIDATION', message: 'The orders.0.contactEmail field must be a valid email address.', field: ['customer', 'email'] }],
    });

    sandbox.faults.set([{ kind: 'error', status: 400, operations: ['createOrders'], times: 1 }]);
    const refused = await adapter.createOrder(placement(skus));
    expect(refused.kind).toBe('rejected');
    expect(refused.kind === 'rejected' && refused.refusals.map((r) => r.code)).toEqual(['VALIDATION']);
    expect(sandbox.stats.snapshot().byOperationStatus.createOrders).toEqual({ 400: 1, 422: 1 });
    expect(ordersNumbered(bad.token)).toEqual([]);
  });

  it('refuses what Cenports documents as invalid before any call, naming line and field', async () => {
    const request = placement(skus, {
      shippingAddress: { address1: '1 Main St', city: 'Hayward', state: 'California', postalCode: '94545-12345', country: 'US' },
      shippingMethod: { carrier: 'ACME', service: 'Ground' },
    });
    request.lines = [line(skus[0]!, 100_000, '1.00'), line(skus[1]!, 1, null)];

    const outcome = await adapter.createOrder(request);
    expect(outcome.kind === 'rejected' && outcome.refusals.map((r) => [r.code, r.field?.join('.'), r.line])).toEqual([
      ['VALIDATION', 'shippingAddress.postalCode', undefined],
      ['VALIDATION', 'shippingAddress.state', undefined],
      ['VALIDATION', 'shippingMethod.carrier', undefined],
      ['INVALID_QUANTITY', 'lines.0.quantity', 0],
      ['VALIDATION', 'lines.1.retailPrice', 1],
    ]);
    expect(adapter.validatePlacement({ ...request, shippingMethod: null }).map((r) => r.field?.join('.'))).toContain('shippingMethod');
    expect(sandbox.stats.count()).toBe(0);
  });
});
