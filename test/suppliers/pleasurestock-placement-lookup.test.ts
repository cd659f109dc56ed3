import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { REFERENCE_TIME } from '../../src/sandbox/pleasurestock/dates.ts';
import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, centsToText, startSandbox } from './pleasurestock-support.ts';
import { lineFor, newToken, placementRequest, pricedOfOneSupplier, pricedOfSuppliers, storedFor } from './pleasurestock-writes-support.ts';

const HOUR_MS = 3_600_000;

describe('pleasurestock adapter: exactly-once placement', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  it('finds the order a create placed before its connection was reset, and the supplier holds it once', async () => {
    const adapter = adapterFor(sandbox);
    const [a, b] = pricedOfOneSupplier(sandbox, 2);
    const request = placementRequest([lineFor(a!, 4), lineFor(b!, 2)]);
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }]);

    await expect(adapter.createOrder!(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
    const outcome = await adapter.findPlacement!(request);

    const stored = storedFor(sandbox, request.token);
    expect(stored).toHaveLength(1);
    expect(outcome?.kind).toBe('placed');
    const orders = outcome?.kind === 'placed' ? outcome.orders : [];
    expect(orders.map((o) => o.supplierOrderId)).toEqual([stored[0]!.orderNumber]);
    expect(orders[0]!.externalReference).toBe('SHOP-1001');
    expect(orders[0]!.lines.map((l) => [l.supplierProductId, l.quantity, toDecimalString(l.unitPrice!)])).toEqual([
      [a!.internalId, 4, centsToText(a!.priceCents!)],
      [b!.internalId, 2, centsToText(b!.priceCents!)],
    ]);
    expect(toDecimalString(orders[0]!.total!)).toBe(centsToText(a!.priceCents! * 4 + b!.priceCents! * 2));
    // The lookup wrote nothing: one create in all.
    expect(sandbox.stats.count('createOrder')).toBe(1);
  });

  it('finds every order of a split cart whose answer was lost, in the order they were created', async () => {
    const adapter = adapterFor(sandbox);
    const request = placementRequest(pricedOfSuppliers(sandbox, 3).map((p) => lineFor(p, 1)));
    sandbox.faults.set([{ kind: 'resetAfterWrite', operations: ['createOrder'], times: 1 }]);

    await expect(adapter.createOrder!(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
    const outcome = await adapter.findPlacement!(request);

    const stored = storedFor(sandbox, request.token);
    expect(stored).toHaveLength(3);
    expect(outcome?.kind === 'placed' && outcome.orders.map((o) => o.supplierOrderId)).toEqual(stored.map((o) => o.orderNumber));
    expect(sandbox.stats.count('getOrder')).toBe(3);
  });

  it('finds the order of a create whose answer never came before the timeout', async () => {
    const adapter = adapterFor(sandbox, { timeoutMs: 300 });
    const request = placementRequest([lineFor(pricedOfOneSupplier(sandbox, 1)[0]!, 1)]);
    sandbox.faults.set([{ kind: 'hangAfterWrite', operations: ['createOrder'], times: 1 }]);

    await expect(adapter.createOrder!(request)).rejects.toBeInstanceOf(SupplierUnavailableError);
    const outcome = await adapter.findPlacement!(request);
    expect(outcome?.kind === 'placed' && outcome.orders.map((o) => o.supplierOrderId)).toEqual(storedFor(sandbox, request.token).map((o) => o.orderNumber));
    expect(storedFor(sandbox, request.token)).toHaveLength(1);
  });

  it('finds the order of a create whose answer was malformed, which is a contract error, not a refusal', async () => {
    const adapter = adapterFor(sandbox);
    const request = placementRequest([lineFor(pricedOfOneSupplier(sandbox, 1)[0]!, 2)]);
    sandbox.faults.set([{ kind: 'malformedJson', operations: ['createOrder'], times: 1 }]);

    await expect(adapter.createOrder!(request)).rejects.toBeInstanceOf(SupplierContractError);
    const outcome = await adapter.findPlacement!(request);
    expect(storedFor(sandbox, request.token)).toHaveLength(1);
    expect(outcome?.kind === 'placed' && outcome.orders.map((o) => o.supplierOrderId)).toEqual(storedFor(sandbox, request.token).map((o) => o.orderNumber));
  });

  it('answers null for a token never used, creating nothing, after one list call', async () => {
    const before = sandbox.state.orders.length;
    const outcome = await adapterFor(sandbox).findPlacement!(placementRequest([lineFor(pricedOfOneSupplier(sandbox, 1)[0]!, 1)]));
    expect(outcome).toBeNull();
    expect(sandbox.state.orders.length).toBe(before);
    // The seeded orders are weeks old, so the first page already reaches past the 24 h window.
    expect(sandbox.stats.snapshot().byOperation).toEqual({ listOrders: 1 });
  });

  it('answers null for a token that was refused, so the gateway may send again', async () => {
    const adapter = adapterFor(sandbox);
    const request = placementRequest([{ ...lineFor(pricedOfOneSupplier(sandbox, 1)[0]!, 1), supplierProductId: 'ps_zzzzzzzzz0' }]);
    expect((await adapter.createOrder!(request)).kind).toBe('rejected');
    expect(await adapter.findPlacement!(request)).toBeNull();
  });

  it('lets an outage during the lookup propagate instead of answering null', async () => {
    sandbox.faults.set([{ kind: 'error', status: 503, operations: ['listOrders'], times: 1 }]);
    await expect(adapterFor(sandbox).findPlacement!(placementRequest([]))).rejects.toBeInstanceOf(SupplierUnavailableError);
  });
});

describe('pleasurestock adapter: how far the placement lookup reads', () => {
  let sandbox: PleasurestockSandbox;
  // The supplier's clock at its seed's reference time: the newest seeded orders are hours old.
  const now = () => REFERENCE_TIME;

  beforeAll(async () => {
    sandbox = await startPleasurestockSandbox({ rateLimitMode: 'off', now });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.stats.reset());

  it('reads pages until one reaches orders older than the window', async () => {
    // 300 seeded orders over 180 days: 100 a page, so a 100-day window needs two pages.
    const adapter = adapterFor(sandbox, { now, placementLookupWindowMs: 100 * 24 * HOUR_MS });
    expect(await adapter.findPlacement!(placementRequest([], { token: newToken() }))).toBeNull();
    expect(sandbox.stats.count('listOrders')).toBe(2);
  });

  it('stops at the end of the list', async () => {
    const adapter = adapterFor(sandbox, { now, placementLookupWindowMs: 400 * 24 * HOUR_MS, placementLookupMaxPages: 10 });
    expect(await adapter.findPlacement!(placementRequest([], { token: newToken() }))).toBeNull();
    expect(sandbox.stats.count('listOrders')).toBe(3);
  });

  it('refuses to answer null when its page budget ends inside the window', async () => {
    const adapter = adapterFor(sandbox, { now, placementLookupWindowMs: 400 * 24 * HOUR_MS, placementLookupMaxPages: 2 });
    await expect(adapter.findPlacement!(placementRequest([], { token: newToken() }))).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect(sandbox.stats.count('listOrders')).toBe(2);
  });

  it('finds a placement on a later page within the window', async () => {
    // State keeps orders oldest first: indices 100–199 are the second page of 100 newest first.
    const seeded = sandbox.state.orders.slice(100, 200).find((o) => o.externalOrderId !== null)!;
    const adapter = adapterFor(sandbox, { now, placementLookupWindowMs: 400 * 24 * HOUR_MS, placementLookupMaxPages: 10 });
    const outcome = await adapter.findPlacement!(placementRequest([], { token: seeded.externalOrderId!, externalReference: 'ERP' }));
    expect(outcome?.kind === 'placed' && outcome.orders.map((o) => [o.supplierOrderId, o.externalReference])).toEqual([[seeded.orderNumber, 'ERP']]);
    expect(sandbox.stats.count('listOrders')).toBe(3);
  });
});
