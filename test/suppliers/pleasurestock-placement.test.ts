import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { moneyFromMinor, toDecimalString } from '../../src/domain/money.ts';
import type { OrderModel } from '../../src/domain/models.ts';
import type { Order, PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import type { PlacementOutcome } from '../../src/suppliers/writes.ts';
import { adapterFor, centsToText, startSandbox } from './pleasurestock-support.ts';
import { lineFor, placementRequest, pricedOfOneSupplier, pricedOfSuppliers, storedFor, unpricedProduct } from './pleasurestock-writes-support.ts';

const placed = (outcome: PlacementOutcome): OrderModel[] => {
  if (outcome.kind !== 'placed') throw new Error(`expected placed, got ${JSON.stringify(outcome)}`);
  return outcome.orders;
};

/** The model matches what the sandbox stored, money compared as exact decimal text. */
function expectStored(model: OrderModel, stored: Order): void {
  const total = stored.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  expect(model.supplierOrderId).toBe(stored.orderNumber);
  expect(model.status).toBe('AWAITING_PAYMENT');
  expect(model.supplierStatus).toBe('created');
  expect(Date.parse(model.createdAt!)).toBe(Math.floor(stored.createdAt / 1000) * 1000);
  expect([toDecimalString(model.total!), model.total!.currency]).toEqual([centsToText(total), stored.currency]);
  expect(model.lines.map((l) => [l.supplierProductId, l.sku, l.quantity, toDecimalString(l.unitPrice!), toDecimalString(l.lineTotal!)])).toEqual(
    stored.lines.map((l) => [l.psId, l.sku, l.quantity, centsToText(l.unitPriceCents), centsToText(l.unitPriceCents * l.quantity)]),
  );
}

describe('pleasurestock adapter: placing orders', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('places a one-supplier cart with the token as externalOrderId and the note as comment, in one call', async () => {
    const [a, b] = pricedOfOneSupplier(sandbox, 2);
    const request = placementRequest([lineFor(a!, 3), lineFor(b!, 1)]);
    const orders = placed(await adapterFor(sandbox).createOrder!(request));

    const stored = storedFor(sandbox, request.token);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.comment).toBe('leave at the back door');
    expect(stored[0]!.lines.map((l) => [l.psId, l.quantity])).toEqual([[a!.internalId, 3], [b!.internalId, 1]]);
    expect(orders).toHaveLength(1);
    expectStored(orders[0]!, stored[0]!);
    expect(orders[0]!.externalReference).toBe('SHOP-1001');
    expect(orders[0]!.shipments).toEqual([]);
    // The request explained the answer: no detail read.
    expect(sandbox.stats.snapshot().byOperation).toEqual({ createOrder: 1 });
  });

  it('places a split cart as one order per PleasureStock supplier, with every line read from the details', async () => {
    const [a, b, c] = pricedOfSuppliers(sandbox, 3);
    const request = placementRequest([lineFor(a!, 2), lineFor(b!, 5), lineFor(c!, 1)]);
    const orders = placed(await adapterFor(sandbox).createOrder!(request));

    const stored = storedFor(sandbox, request.token);
    expect(stored.map((o) => o.supplierId)).toEqual([a!.supplierId, b!.supplierId, c!.supplierId]);
    expect(orders.map((o) => o.supplierOrderId)).toEqual(stored.map((o) => o.orderNumber));
    orders.forEach((order, i) => expectStored(order, stored[i]!));
    expect(orders.every((o) => o.externalReference === 'SHOP-1001')).toBe(true);
    expect(sandbox.stats.count('createOrder')).toBe(1);
    expect(sandbox.stats.count('getOrder')).toBe(3);
  });

  it('reads the detail when the catalog price the gateway knew is no longer the one charged', async () => {
    const [a] = pricedOfOneSupplier(sandbox, 1);
    const stale = { ...lineFor(a!, 2), unitPrice: moneyFromMinor(a!.priceCents! + 1, a!.currency) };
    const request = placementRequest([stale]);
    const [order] = placed(await adapterFor(sandbox).createOrder!(request));
    expectStored(order!, storedFor(sandbox, request.token)[0]!);
    expect(toDecimalString(order!.lines[0]!.unitPrice!)).toBe(centsToText(a!.priceCents!));
    expect(sandbox.stats.count('getOrder')).toBe(1);
  });

  it('sends no comment when the request has no note', async () => {
    const [a] = pricedOfOneSupplier(sandbox, 1);
    const request = placementRequest([lineFor(a!, 1)], { note: null });
    placed(await adapterFor(sandbox).createOrder!(request));
    expect(storedFor(sandbox, request.token)[0]!.comment).toBeNull();
  });

  describe('refusals: nothing is created', () => {
    it('maps "Product not found" to UNKNOWN_PRODUCT on the line at fault', async () => {
      const [a] = pricedOfOneSupplier(sandbox, 1);
      const request = placementRequest([lineFor(a!, 1), { ...lineFor(a!, 1), supplierProductId: 'ps_zzzzzzzzz0' }]);
      const outcome = await adapterFor(sandbox).createOrder!(request);
      expect(outcome).toEqual({
        kind: 'rejected',
        refusals: [{ code: 'UNKNOWN_PRODUCT', message: 'Product not found: ps_zzzzzzzzz0', line: 1, field: ['lines', '1', 'supplierProductId'] }],
      });
      expect(storedFor(sandbox, request.token)).toEqual([]);
    });

    it('maps "Price not configured" to PRICE_NOT_CONFIGURED on the line at fault', async () => {
      const [a] = pricedOfOneSupplier(sandbox, 1);
      const unpriced = unpricedProduct(sandbox);
      const request = placementRequest([lineFor(unpriced, 1), lineFor(a!, 1)]);
      const outcome = await adapterFor(sandbox).createOrder!(request);
      expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'PRICE_NOT_CONFIGURED', line: 0, field: ['lines', '0', 'supplierProductId'] }] });
      expect(outcome.kind === 'rejected' && outcome.refusals).toHaveLength(1);
      expect(storedFor(sandbox, request.token)).toEqual([]);
    });

    it('maps the supplier\'s quantity validation to INVALID_QUANTITY on the line at fault', async () => {
      const [a, b] = pricedOfOneSupplier(sandbox, 2);
      const request = placementRequest([lineFor(a!, 1), lineFor(b!, 0)]);
      const outcome = await adapterFor(sandbox).createOrder!(request);
      expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'INVALID_QUANTITY', line: 1, field: ['lines', '1', 'quantity'] }] });
      expect(storedFor(sandbox, request.token)).toEqual([]);
    });

    it('maps a malformed product id the supplier refuses to UNKNOWN_PRODUCT', async () => {
      const [a] = pricedOfOneSupplier(sandbox, 1);
      const request = placementRequest([{ ...lineFor(a!, 1), supplierProductId: 'SKU-123' }]);
      const outcome = await adapterFor(sandbox).createOrder!(request);
      expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'UNKNOWN_PRODUCT', line: 0 }] });
    });

    it('maps 403 for a key without the manager role to FORBIDDEN', async () => {
      const [a] = pricedOfOneSupplier(sandbox, 1);
      const request = placementRequest([lineFor(a!, 1)]);
      const outcome = await adapterFor(sandbox, { apiKey: sandbox.credentials.viewerApiKey }).createOrder!(request);
      expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'FORBIDDEN' }] });
      expect(storedFor(sandbox, request.token)).toEqual([]);
    });
  });
});
