import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { adapterFor, type FullAdapter } from './cenports-support.ts';

describe('cenports adapter: failure typing', () => {
  let sandbox: CenportsSandbox;

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.faults.clear());

  /** An adapter that already holds its token, so faults hit the read itself. */
  const warm = async (timeoutMs = 2_000): Promise<FullAdapter> => {
    const adapter = adapterFor(sandbox, { timeoutMs });
    await adapter.listSalesChannels();
    return adapter;
  };

  it('turns an injected 503 into SUPPLIER_UNAVAILABLE, retryable', async () => {
    const adapter = await warm();
    sandbox.faults.set([{ kind: 'error', status: 503, times: 1 }]);
    const failure = await adapter.listOrders({ offset: 0, limit: 1 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', supplier: 'cenports', retryable: true });
    expect((failure as Error).message).not.toMatch(/127\.0\.0\.1|Bearer/);
  });

  it('turns a 429 on /authorize into SUPPLIER_UNAVAILABLE for the read that waited on it', async () => {
    sandbox.faults.set([{ kind: 'rateLimit', times: 1, operations: ['authorize'] }]);
    await expect(adapterFor(sandbox).getShipmentsByOrder(['SG-100001'])).rejects.toBeInstanceOf(SupplierUnavailableError);
  });

  it('gives up on a hanging supplier within its timeout', async () => {
    const adapter = await warm(200);
    sandbox.faults.set([{ kind: 'hang', times: 1, operations: ['getInventories'] }]);
    const started = performance.now();
    await expect(adapter.getInventory({})).rejects.toBeInstanceOf(SupplierUnavailableError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('turns malformed JSON into SUPPLIER_CONTRACT_VIOLATION', async () => {
    const adapter = await warm();
    sandbox.faults.set([{ kind: 'malformedJson', times: 1, operations: ['getShipments'] }]);
    const failure = await adapter.listShipments({ offset: 0, limit: 5 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect((failure as SupplierContractError).extensions).toMatchObject({ code: 'SUPPLIER_CONTRACT_VIOLATION', supplier: 'cenports' });
  });

  it('treats an unexpected 404 on a list as a contract violation, not as an empty list', async () => {
    const adapter = await warm();
    sandbox.faults.set([{ kind: 'error', status: 404, times: 1, operations: ['getOrders'] }]);
    await expect(adapter.getOrders(['SG-100001'])).rejects.toBeInstanceOf(SupplierContractError);
  });
});
