import { describe, expect, it } from 'vitest';
import { moneyFromMinor } from '../../src/domain/money.ts';
import { lineFor, orderable, placementRequest, storedFor, writingAdapter } from './whitelabel-writes-support.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

describe('whitelabel adapter: placement rules checked before any call', () => {
  const wl = useWhitelabelSandbox();

  it('accepts a request the supplier would take, without a call', () => {
    const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
    expect(writingAdapter(wl.sandbox).validatePlacement(request)).toEqual([]);
    expect(wl.sandbox.stats.count()).toBe(0);
  });

  it('refuses missing shipping fields, bad country codes, a bad email and bad quantities, each at its field', () => {
    const product = orderable(wl.sandbox, 1)[0]!;
    const request = placementRequest([lineFor(product, 1), lineFor(product, 0), lineFor(product, 1.5)], {
      customer: { firstName: 'Ada', lastName: '', email: 'not-an-email' },
      shippingAddress: { firstName: 'Ada', lastName: null, address1: ' ', city: 'Springfield', postalCode: null, country: 'USA' },
      billingAddress: { country: 'us' },
    });
    const refusals = writingAdapter(wl.sandbox).validatePlacement(request);
    expect(refusals.map((r) => [r.code, r.field, r.line])).toEqual([
      ['INVALID_QUANTITY', ['lines', '1', 'quantity'], 1],
      ['INVALID_QUANTITY', ['lines', '2', 'quantity'], 2],
      ['VALIDATION', ['shippingAddress', 'lastName'], undefined],
      ['VALIDATION', ['shippingAddress', 'address1'], undefined],
      ['VALIDATION', ['shippingAddress', 'postalCode'], undefined],
      ['VALIDATION', ['shippingAddress', 'country'], undefined],
      ['VALIDATION', ['billingAddress', 'country'], undefined],
      ['VALIDATION', ['customer', 'email'], undefined],
    ]);
    expect(wl.sandbox.stats.count()).toBe(0);
  });

  it('takes the names on the label from the customer when the address has none', () => {
    const request = placementRequest([lineFor(orderable(wl.sandbox, 1)[0]!, 1)]);
    request.shippingAddress = { ...request.shippingAddress, firstName: null, lastName: null };
    expect(writingAdapter(wl.sandbox).validatePlacement(request)).toEqual([]);
  });

  it('refuses no lines and more than 100', () => {
    const adapter = writingAdapter(wl.sandbox);
    const line = lineFor(orderable(wl.sandbox, 1)[0]!, 1);
    expect(adapter.validatePlacement(placementRequest([]))).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['lines'] })]);
    expect(adapter.validatePlacement(placementRequest(Array.from({ length: 101 }, () => line)))).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['lines'] }),
    ]);
  });

  it('refuses a price that is not USD or not a safe count of cents', () => {
    const product = orderable(wl.sandbox, 1)[0]!;
    const request = placementRequest([
      { ...lineFor(product, 1), retailPrice: moneyFromMinor(4_999, 'EUR') },
      { ...lineFor(product, 1), unitPrice: moneyFromMinor(9_007_199_254_740_993n, 'USD') },
    ]);
    expect(writingAdapter(wl.sandbox).validatePlacement(request)).toEqual([
      { code: 'VALIDATION', message: expect.stringContaining('EUR'), line: 0, field: ['lines', '0', 'retailPrice'] },
      { code: 'VALIDATION', message: expect.stringContaining('too large'), line: 1, field: ['lines', '1', 'unitPrice'] },
    ]);
  });

  it('never sends an amount the wire cannot carry, even when createOrder is called directly', async () => {
    const request = placementRequest([{ ...lineFor(orderable(wl.sandbox, 1)[0]!, 1), retailPrice: moneyFromMinor(4_999, 'EUR') }]);
    const outcome = await writingAdapter(wl.sandbox).createOrder(request);
    expect(outcome).toEqual({ kind: 'rejected', refusals: [expect.objectContaining({ code: 'VALIDATION', line: 0 })] });
    expect(await writingAdapter(wl.sandbox).findPlacement(request)).toBeNull();
    expect(wl.sandbox.stats.count()).toBe(0);
    expect(storedFor(wl.sandbox, request.token)).toHaveLength(0);
  });

  it('checks min and max quantity against the catalog once it is loaded, and loads nothing for it', async () => {
    const product = orderable(wl.sandbox, 1)[0]!;
    const before = { min: product.minQty, max: product.maxQty };
    Object.assign(product, { minQty: 2, maxQty: 10 });
    try {
      const adapter = writingAdapter(wl.sandbox);
      const request = placementRequest([lineFor(product, 1), lineFor(product, 11), lineFor(product, 10)]);
      // no catalog yet: only what needs none is checked
      expect(adapter.validatePlacement(request)).toEqual([]);
      expect(wl.sandbox.stats.count()).toBe(0);

      await adapter.listProducts({ offset: 0, limit: 1 }, {});
      wl.sandbox.stats.reset();
      expect(adapter.validatePlacement(request)).toEqual([
        { code: 'INVALID_QUANTITY', message: expect.stringContaining('2 to 10'), line: 0, field: ['lines', '0', 'quantity'] },
        { code: 'INVALID_QUANTITY', message: expect.stringContaining('2 to 10'), line: 1, field: ['lines', '1', 'quantity'] },
      ]);
      expect(wl.sandbox.stats.count()).toBe(0);
    } finally {
      Object.assign(product, { minQty: before.min, maxQty: before.max });
    }
  });
});
