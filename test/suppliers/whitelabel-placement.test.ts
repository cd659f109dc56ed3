import { describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { LOOKUP_PROBE_SKU } from '../../src/suppliers/whitelabel/place-order.ts';
import type { PlacementOutcome } from '../../src/suppliers/writes.ts';
import { lineFor, orderable, placementRequest, soldOut, storedFor, unpriced, writingAdapter } from './whitelabel-writes-support.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

const cents = (value: number) => (value / 100).toFixed(2);
const placedOrders = (outcome: PlacementOutcome | null) => {
  if (outcome?.kind !== 'placed') throw new Error(`expected placed, got ${JSON.stringify(outcome)}`);
  return outcome.orders;
};

describe('whitelabel adapter: placing orders', () => {
  const wl = useWhitelabelSandbox();

  it('places an order with the token as woo_order_id and answers it with exact money and lines', async () => {
    const [a, b] = orderable(wl.sandbox, 2);
    const request = placementRequest([lineFor(a!, 2, 4_999), lineFor(b!, 3)]);
    const reservedBefore = wl.sandbox.state.reservedCents();
    const [order] = placedOrders(await writingAdapter(wl.sandbox).createOrder(request));

    const [stored] = storedFor(wl.sandbox, request.token);
    expect(storedFor(wl.sandbox, request.token)).toHaveLength(1);
    expect(stored).toMatchObject({ wooOrderNumber: 'SHOP-1001', status: 'FUNDED', customerEmail: 'ada@example.com', customerNote: 'leave at the back door' });
    expect(stored!.shippingAddress).toMatchObject({ first_name: 'Ada', address_1: '1 Main St', postcode: '62701', country: 'US', phone: '+1 555 0100' });
    // unit_price_cents is the store's price: the retail price where given, else the catalog's
    expect(stored!.items.map((i) => [i.sku, i.qty, i.wholesalePriceCents, i.unitPriceCents])).toEqual([
      [a!.sku, 2, a!.wholesalePriceCents, 4_999],
      [b!.sku, 3, b!.wholesalePriceCents, b!.wholesalePriceCents],
    ]);
    const estimate = stored!.subtotalCents + stored!.shippingEstimateCents;
    expect(stored!.reservedCents).toBe(estimate);
    expect(wl.sandbox.state.reservedCents()).toBe(reservedBefore + estimate);

    expect(order).toMatchObject({ supplier: 'whitelabel', supplierOrderId: stored!.id, externalReference: 'SHOP-1001', status: 'PAID', supplierStatus: 'FUNDED' });
    expect(order!.createdAt).toBe(new Date(stored!.createdAt).toISOString());
    expect(toDecimalString(order!.total!)).toBe(cents(estimate));
    expect(order!.lines.map((l) => [l.sku, l.quantity, toDecimalString(l.unitPrice!), toDecimalString(l.lineTotal!)])).toEqual([
      [a!.sku, 2, cents(a!.wholesalePriceCents!), cents(2 * a!.wholesalePriceCents!)],
      [b!.sku, 3, cents(b!.wholesalePriceCents!), cents(3 * b!.wholesalePriceCents!)],
    ]);
    expect(order!.shipments).toEqual([]);
    expect(wl.sandbox.stats.count('createOrder')).toBe(1);
  });

  it('answers a repeated token with the order placed first and reserves nothing again', async () => {
    const adapter = writingAdapter(wl.sandbox);
    const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
    const [first] = placedOrders(await adapter.createOrder(request));
    const reserved = wl.sandbox.state.reservedCents();
    const [again] = placedOrders(await adapter.createOrder({ ...request, lines: [lineFor(orderable(wl.sandbox, 2)[1]!, 5)] }));
    expect(again!.supplierOrderId).toBe(first!.supplierOrderId);
    // the original's lines, not the repeated body's
    expect(again!.lines.map((l) => [l.sku, l.quantity])).toEqual(first!.lines.map((l) => [l.sku, l.quantity]));
    expect(storedFor(wl.sandbox, request.token)).toHaveLength(1);
    expect(wl.sandbox.state.reservedCents()).toBe(reserved);
  });

  describe('refusals', () => {
    const refusalsOf = async (outcome: Promise<PlacementOutcome>) => {
      const result = await outcome;
      if (result.kind !== 'rejected') throw new Error(`expected rejected, got ${result.kind}`);
      return result.refusals;
    };

    it('maps UNKNOWN_SKU to UNKNOWN_PRODUCT on the line at fault', async () => {
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1), { supplierProductId: 'NO-SUCH-SKU', sku: 'NO-SUCH-SKU', quantity: 1 }]);
      expect(await refusalsOf(writingAdapter(wl.sandbox).createOrder(request))).toEqual([
        { code: 'UNKNOWN_PRODUCT', message: expect.stringContaining('NO-SUCH-SKU'), line: 1, field: ['lines', '1', 'supplierProductId'] },
      ]);
      expect(storedFor(wl.sandbox, request.token)).toHaveLength(0);
    });

    it('maps PRICE_NOT_CONFIGURED on the unpriced line', async () => {
      const request = placementRequest([lineFor(unpriced(wl.sandbox), 1)]);
      expect(await refusalsOf(writingAdapter(wl.sandbox).createOrder(request))).toEqual([
        { code: 'PRICE_NOT_CONFIGURED', message: expect.any(String), line: 0 },
      ]);
    });

    it('maps OUT_OF_STOCK to UNAVAILABLE on the sold-out line', async () => {
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1), lineFor(soldOut(wl.sandbox), 1)]);
      expect(await refusalsOf(writingAdapter(wl.sandbox).createOrder(request))).toEqual([{ code: 'UNAVAILABLE', message: expect.any(String), line: 1 }]);
    });

    it('maps QUANTITY_OUT_OF_RANGE to INVALID_QUANTITY on the line and its quantity', async () => {
      const product = orderable(wl.sandbox, 1)[0]!;
      const request = placementRequest([lineFor(product, product.maxQty + 1)]);
      expect(await refusalsOf(writingAdapter(wl.sandbox).createOrder(request))).toEqual([
        { code: 'INVALID_QUANTITY', message: expect.stringContaining(product.sku), line: 0, field: ['lines', '0', 'quantity'] },
      ]);
    });

    it('maps INSUFFICIENT_FUNDS and reserves nothing', async () => {
      const balance = wl.sandbox.state.wallet.balanceCents;
      wl.sandbox.state.wallet.balanceCents = wl.sandbox.state.reservedCents() + 100;
      try {
        const reserved = wl.sandbox.state.reservedCents();
        const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
        const [refusal] = await refusalsOf(writingAdapter(wl.sandbox).createOrder(request));
        expect(refusal).toEqual({ code: 'INSUFFICIENT_FUNDS', message: expect.stringContaining('USD 1.00 available') });
        expect(wl.sandbox.state.reservedCents()).toBe(reserved);
        expect(storedFor(wl.sandbox, request.token)).toHaveLength(0);
      } finally {
        wl.sandbox.state.wallet.balanceCents = balance;
      }
    });

    it('maps VALIDATION_ERROR issues to VALIDATION on the request field', async () => {
      // validatePlacement would refuse this first; createOrder sends what it is given.
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
      request.shippingAddress = { ...request.shippingAddress, postalCode: null, country: 'usa' };
      const refusals = await refusalsOf(writingAdapter(wl.sandbox).createOrder(request));
      expect(refusals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'VALIDATION', field: ['shippingAddress', 'postalCode'] }),
          expect.objectContaining({ code: 'VALIDATION', field: ['shippingAddress', 'country'] }),
        ]),
      );
      expect(refusals).toHaveLength(2);
    });

    it('maps a VALIDATION_ERROR on an item to its line', async () => {
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1), lineFor(orderable(wl.sandbox, 2)[1]!, 0)]);
      expect(await refusalsOf(writingAdapter(wl.sandbox).createOrder(request))).toEqual([
        { code: 'VALIDATION', message: expect.any(String), line: 1, field: ['lines', '1', 'quantity'] },
      ]);
    });
  });

  describe('exactly once', () => {
    it('finds the order a lost answer placed, and the supplier holds exactly one', async () => {
      const adapter = writingAdapter(wl.sandbox);
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 2)]);
      wl.sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }]);
      await expect(adapter.createOrder(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
      expect(storedFor(wl.sandbox, request.token)).toHaveLength(1);
      const reserved = wl.sandbox.state.reservedCents();

      const [found] = placedOrders(await adapter.findPlacement(request));
      const [stored] = storedFor(wl.sandbox, request.token);
      expect(found).toMatchObject({ supplierOrderId: stored!.id, externalReference: 'SHOP-1001', supplierStatus: 'FUNDED' });
      expect(toDecimalString(found!.total!)).toBe(cents(stored!.subtotalCents + stored!.shippingEstimateCents));
      expect(storedFor(wl.sandbox, request.token)).toHaveLength(1);
      expect(wl.sandbox.state.reservedCents()).toBe(reserved);
    });

    it('finds the order after a hang past the timeout too', async () => {
      const adapter = writingAdapter(wl.sandbox, { timeoutMs: 300 });
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
      wl.sandbox.faults.set([{ kind: 'hangAfterWrite', operations: ['createOrder'], times: 1 }]);
      await expect(adapter.createOrder(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
      const [found] = placedOrders(await adapter.findPlacement(request));
      expect(found!.supplierOrderId).toBe(storedFor(wl.sandbox, request.token)[0]!.id);
      expect(storedFor(wl.sandbox, request.token)).toHaveLength(1);
    });

    it('answers null for an unused token and places nothing, in one createOrder call', async () => {
      const ordersBefore = wl.sandbox.state.orders().length;
      const reserved = wl.sandbox.state.reservedCents();
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
      expect(await writingAdapter(wl.sandbox).findPlacement(request)).toBeNull();
      expect(wl.sandbox.state.orders()).toHaveLength(ordersBefore);
      expect(wl.sandbox.state.reservedCents()).toBe(reserved);
      expect(wl.sandbox.stats.snapshot().byOperation).toEqual({ createOrder: 1 });
      expect(wl.sandbox.state.productBySku(LOOKUP_PROBE_SKU)).toBeUndefined();
    });

    it('answers null when the request was refused, since nothing was placed', async () => {
      const request = placementRequest([lineFor(unpriced(wl.sandbox), 1)]);
      expect((await writingAdapter(wl.sandbox).createOrder(request)).kind).toBe('rejected');
      expect(await writingAdapter(wl.sandbox).findPlacement(request)).toBeNull();
      expect(storedFor(wl.sandbox, request.token)).toHaveLength(0);
    });

    it('still answers placed from the create answer when the order cannot be read back', async () => {
      const product = orderable(wl.sandbox, 1)[0]!;
      const request = placementRequest([lineFor(product, 3)]);
      wl.sandbox.faults.set([{ kind: 'error', status: 503, operations: ['getOrder'], times: 1 }]);
      const [order] = placedOrders(await writingAdapter(wl.sandbox).createOrder(request));
      const [stored] = storedFor(wl.sandbox, request.token);
      expect(order).toMatchObject({ supplierOrderId: stored!.id, status: 'PAID', createdAt: null });
      expect(toDecimalString(order!.total!)).toBe(cents(stored!.subtotalCents + stored!.shippingEstimateCents));
      expect(order!.lines.map((l) => [l.sku, l.quantity, toDecimalString(l.lineTotal!)])).toEqual([[product.sku, 3, cents(3 * product.wholesalePriceCents!)]]);
      expect(wl.sandbox.stats.count('getOrder')).toBe(1);
    });

    it('lets an outage before the supplier answers propagate as unavailable', async () => {
      const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
      wl.sandbox.faults.set([{ kind: 'error', status: 500, operations: ['createOrder'], times: 1 }]);
      await expect(writingAdapter(wl.sandbox).createOrder(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
      expect(await writingAdapter(wl.sandbox).findPlacement(request)).toBeNull();
    });
  });
});
