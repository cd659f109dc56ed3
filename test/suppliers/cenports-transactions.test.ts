import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { adapterFor, type FullAdapter } from './cenports-support.ts';

const DELAY_MS = 1_000;

describe('cenports adapter: transactions of asynchronous writes', () => {
  let sandbox: CenportsSandbox;
  let adapter: FullAdapter;
  // The sandbox's clock, moved by the tests so transactions settle when told to.
  let clock = Date.UTC(2026, 10, 1, 12);

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off', now: () => clock, transactionDelayMs: DELAY_MS });
    adapter = adapterFor(sandbox, { now: () => clock });
  });
  afterAll(() => sandbox.close());

  it('follows transactions from QUEUED through PROCESSING to COMPLETED or FAILED with their errors', async () => {
    const submittedAt = clock;
    const done = sandbox.state.transactions.submit('updateInventories', () => []);
    const failing = sandbox.state.transactions.submit('acknowledgeShipments', () => [{ index: 1, message: 'The orderNo SG-1 has no shipment.' }]);
    const handles = [done.handle, failing.handle.toUpperCase()];

    const queued = await adapter.getTransactions(handles);
    expect(queued.map((t) => [t?.status, t?.supplierStatus])).toEqual([
      ['PENDING', 'QUEUED'],
      ['PENDING', 'QUEUED'],
    ]);
    expect(queued[0]).toMatchObject({ handle: done.handle, submittedAt: new Date(submittedAt).toISOString(), completedAt: null, errors: [] });

    clock += DELAY_MS / 2;
    expect((await adapter.getTransactions(handles)).map((t) => t?.status)).toEqual(['PROCESSING', 'PROCESSING']);

    clock += DELAY_MS / 2;
    sandbox.stats.reset();
    const [completed, failed] = await adapter.getTransactions(handles);
    expect(completed).toMatchObject({ status: 'COMPLETED', completedAt: new Date(submittedAt + DELAY_MS).toISOString(), errors: [] });
    expect(failed).toMatchObject({ status: 'FAILED', handle: handles[1], completedAt: null, errors: [{ index: 1, message: 'The orderNo SG-1 has no shipment.' }] });
    expect(sandbox.stats.count('getTransaction')).toBe(2);
  });

  it('answers null for an unknown handle and, without a call, for one that is no UUID', async () => {
    const known = sandbox.state.transactions.submit('updateInventories', () => []);
    sandbox.stats.reset();
    const answers = await adapter.getTransactions(['00000000-0000-4000-8000-000000000000', 'not-a-handle', known.handle]);
    expect(answers.map((t) => t?.handle ?? null)).toEqual([null, null, known.handle]);
    expect(sandbox.stats.count('getTransaction')).toBe(2);
  });

  it('keeps at most maxConcurrent transaction reads in flight', async () => {
    const handles = Array.from({ length: 6 }, () => sandbox.state.transactions.submit('updateInventories', () => []).handle);
    const serial = adapterFor(sandbox, { now: () => clock, maxConcurrent: 1 });
    await serial.listSalesChannels(); // authorizes first
    sandbox.faults.set([{ kind: 'latency', ms: 60, operations: ['getTransaction'] }]);
    const started = performance.now();
    expect((await serial.getTransactions(handles)).every((t) => t !== null)).toBe(true);
    // One at a time: six calls of at least 60 ms each.
    expect(performance.now() - started).toBeGreaterThanOrEqual(6 * 60 - 10);
    sandbox.faults.clear();
  });
});
