import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, manualClock, startSandbox } from './pleasurestock-support.ts';
import { lineFor, placementRequest, pricedOfOneSupplier, unpricedProduct } from './pleasurestock-writes-support.ts';

describe('pleasurestock adapter: validatePlacement', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.stats.reset());

  it('accepts a well-formed cart without a call', () => {
    const [a, b] = pricedOfOneSupplier(sandbox, 2);
    expect(adapterFor(sandbox).validatePlacement!(placementRequest([lineFor(a!, 1), lineFor(b!, 7)]))).toEqual([]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses a cart without lines', () => {
    expect(adapterFor(sandbox).validatePlacement!(placementRequest([]))).toEqual([
      { code: 'VALIDATION', message: expect.any(String), field: ['lines'] },
    ]);
  });

  it('refuses quantities that are not integers of at least 1, naming each line', () => {
    const [a] = pricedOfOneSupplier(sandbox, 1);
    const request = placementRequest([lineFor(a!, 1), lineFor(a!, 0), lineFor(a!, 2.5), lineFor(a!, -3)]);
    const refusals = adapterFor(sandbox).validatePlacement!(request);
    expect(refusals.map((r) => [r.code, r.line, r.field])).toEqual([
      ['INVALID_QUANTITY', 1, ['lines', '1', 'quantity']],
      ['INVALID_QUANTITY', 2, ['lines', '2', 'quantity']],
      ['INVALID_QUANTITY', 3, ['lines', '3', 'quantity']],
    ]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses product ids that are not ps_ ids as UNKNOWN_PRODUCT', () => {
    const [a] = pricedOfOneSupplier(sandbox, 1);
    const ids = ['PS_ABCDEFGHIJ', 'ps_short', 'db57e260-b151-4bf1-ac63-175baef9f96d', ''];
    const request = placementRequest([lineFor(a!, 1), ...ids.map((id) => ({ ...lineFor(a!, 1), supplierProductId: id }))]);
    const refusals = adapterFor(sandbox).validatePlacement!(request);
    expect(refusals.map((r) => [r.code, r.line, r.field])).toEqual(
      ids.map((_, i) => ['UNKNOWN_PRODUCT', i + 1, ['lines', String(i + 1), 'supplierProductId']]),
    );
    expect(sandbox.stats.count()).toBe(0);
  });

  it('leaves catalog questions to the supplier while it holds no catalog copy', () => {
    const request = placementRequest([lineFor(unpricedProduct(sandbox), 1), { ...lineFor(unpricedProduct(sandbox), 1), supplierProductId: 'ps_zzzzzzzzz0' }]);
    expect(adapterFor(sandbox).validatePlacement!(request)).toEqual([]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('refuses unknown and unpriced products from a fresh catalog copy, without a call', async () => {
    const adapter = adapterFor(sandbox);
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    sandbox.stats.reset();
    const [a] = pricedOfOneSupplier(sandbox, 1);
    const request = placementRequest([lineFor(a!, 1), lineFor(unpricedProduct(sandbox), 1), { ...lineFor(a!, 1), supplierProductId: 'ps_zzzzzzzzz0' }]);
    expect(adapter.validatePlacement!(request).map((r) => [r.code, r.line, r.field])).toEqual([
      ['PRICE_NOT_CONFIGURED', 1, ['lines', '1', 'supplierProductId']],
      ['UNKNOWN_PRODUCT', 2, ['lines', '2', 'supplierProductId']],
    ]);
    expect(sandbox.stats.count()).toBe(0);
  });

  it('does not refuse from a stale catalog copy', async () => {
    const clock = manualClock();
    const adapter = adapterFor(sandbox, { now: clock.now, catalogTtlMs: 60_000 });
    await adapter.listProducts({ offset: 0, limit: 1 }, {});
    const request = placementRequest([{ ...lineFor(unpricedProduct(sandbox), 1), supplierProductId: 'ps_zzzzzzzzz0' }]);
    expect(adapter.validatePlacement!(request)).toHaveLength(1);
    clock.advance(60_000);
    expect(adapter.validatePlacement!(request)).toEqual([]);
  });
});
