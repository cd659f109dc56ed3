import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import { moneyFromDecimal } from '../../src/domain/money.ts';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { adapterFor, startSandbox, type PsAdapter } from './pleasurestock-support.ts';

describe('pleasurestock adapter: failures', () => {
  let sandbox: PleasurestockSandbox;
  let productId: string;
  let orderNumber: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    productId = sandbox.state.products[0]!.internalId;
    orderNumber = sandbox.state.orders[0]!.orderNumber;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  // [method, operationId, calls the read makes before it gives up, read]: a cold getProducts
  // tries the catalog, then `?ids=`, so a fault must hit both to fail it.
  const everyMethod: [string, string, number, (adapter: PsAdapter) => Promise<unknown>][] = [
    ['listProducts', 'getProducts', 1, (a) => a.listProducts({ offset: 0, limit: 1 }, {})],
    ['getProducts', 'getProducts', 2, (a) => a.getProducts([productId])],
    ['listOrders', 'listOrders', 1, (a) => a.listOrders({ offset: 0, limit: 1 }, {})],
    ['getOrders', 'getOrder', 1, (a) => a.getOrders([orderNumber])],
    ['reorderRecommendations', 'getSmartReordering', 1, (a) => a.reorderRecommendations(null)],
    ['convertCurrency', 'convertToTry', 1, (a) => a.convertCurrency(moneyFromDecimal('1.00', 'EUR'))],
  ];

  it.each(everyMethod)('%s turns an injected 503 into a retryable SUPPLIER_UNAVAILABLE', async (_, operation, times, run) => {
    sandbox.faults.set([{ kind: 'error', status: 503, times, operations: [operation] }]);
    const failure = await run(adapterFor(sandbox)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({
      code: 'SUPPLIER_UNAVAILABLE',
      supplier: 'pleasurestock',
      operation,
      retryable: true,
    });
  });

  it.each(everyMethod)('%s gives up on a hanging supplier within its timeout', async (_, operation, times, run) => {
    sandbox.faults.set([{ kind: 'hang', times, operations: [operation] }]);
    const started = performance.now();
    await expect(run(adapterFor(sandbox, { timeoutMs: 200 }))).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect(performance.now() - started).toBeLessThan(200 * times + 800);
  });

  it.each(everyMethod)('%s turns malformed JSON into SUPPLIER_CONTRACT_VIOLATION', async (_, operation, times, run) => {
    sandbox.faults.set([{ kind: 'malformedJson', times, operations: [operation] }]);
    const failure = await run(adapterFor(sandbox)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect((failure as SupplierContractError).extensions).toMatchObject({ code: 'SUPPLIER_CONTRACT_VIOLATION', supplier: 'pleasurestock' });
  });

  it('turns a 429 into SUPPLIER_UNAVAILABLE', async () => {
    sandbox.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 30, times: 1 }]);
    await expect(adapterFor(sandbox).getOrders([orderNumber])).rejects.toBeInstanceOf(SupplierUnavailableError);
  });

  it('fails a list page whole when one of its orders’ details fails, and recovers on the next read', async () => {
    const adapter = adapterFor(sandbox);
    sandbox.faults.set([{ kind: 'error', status: 500, times: 1, operations: ['getOrder'] }]);
    await expect(adapter.listOrders({ offset: 0, limit: 5 }, {})).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect((await adapter.listOrders({ offset: 0, limit: 5 }, {})).items).toHaveLength(5);
  });

  it('does not cache a failed catalog load', async () => {
    const adapter = adapterFor(sandbox);
    sandbox.faults.set([{ kind: 'error', status: 502, times: 1, operations: ['getProducts'] }]);
    await expect(adapter.listProducts({ offset: 0, limit: 1 }, {})).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect((await adapter.listProducts({ offset: 0, limit: 1 }, {})).items).toHaveLength(1);
  });
});
