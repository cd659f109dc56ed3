import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import type { ChangeOutcome } from '../../src/suppliers/writes.ts';
import { adapterFor, CHANNEL, type FullAdapter } from './cenports-support.ts';
import { freshToken, placement } from './cenports-writes-support.ts';

const DELAY_MS = 1_000;

function doneValue<T>(outcome: ChangeOutcome<T>): T {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

describe('cenports adapter: acknowledgements and stock changes against the sandbox', () => {
  let sandbox: CenportsSandbox;
  let adapter: FullAdapter;
  let clock = Date.UTC(2026, 10, 3, 9);
  const settle = () => (clock += DELAY_MS);
  const unacknowledged = () => sandbox.state.findOrders({ channelId: CHANNEL, acknowledged: false });

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off', now: () => clock, transactionDelayMs: DELAY_MS });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.faults.clear();
    adapter = adapterFor(sandbox, { now: () => clock, ordersTtlMs: 2_000 });
    await adapter.listSalesChannels(); // authorizes, so counts below are the writes' own
    sandbox.stats.reset();
  });

  it('acknowledges orders in one call and answers them re-read, not from the list cache', async () => {
    const orderNos = unacknowledged().slice(0, 2).map((o) => o.orderNo);
    expect(orderNos).toHaveLength(2);
    await adapter.listOrders({ offset: 0, limit: 300 }, {}); // fills the list cache with acknowledged: false
    sandbox.stats.reset();

    const orders = doneValue(await adapter.acknowledgeOrders(orderNos));
    expect(orders.map((o) => [o.supplierOrderId, o.acknowledged])).toEqual(orderNos.map((no) => [no, true]));
    expect(orderNos.map((no) => sandbox.state.order(CHANNEL, no)?.acknowledged)).toEqual([true, true]);
    expect(sandbox.stats.snapshot().byOperation).toEqual({ acknowledgeOrders: 1, getOrders: 1 });
  });

  it('refuses unknown order numbers as NOT_FOUND on their index and acknowledges none', async () => {
    const [known] = unacknowledged().map((o) => o.orderNo);
    const outcome = await adapter.acknowledgeOrders([known!, 'SG-NO-SUCH-ORDER']);
    expect(outcome).toEqual({
      kind: 'rejected',
      refusals: [{ code: 'NOT_FOUND', message: 'The orderNo SG-NO-SUCH-ORDER is not able to update.', field: ['supplierOrderIds', '1'] }],
    });
    expect(sandbox.state.order(CHANNEL, known!)?.acknowledged).toBe(false);
    expect(await adapter.acknowledgeOrders(['A,B'])).toMatchObject({ kind: 'rejected', refusals: [{ code: 'NOT_FOUND', field: ['supplierOrderIds', '0'] }] });
  });

  it('acknowledges more numbers than one 255-character call holds, and refuses them all when one is unknown', async () => {
    // Seven new orders numbered with 40-character tokens: 286 characters as one list.
    const skus = [...sandbox.state.products.keys()];
    const orderNos = Array.from({ length: 7 }, (_, i) => `${freshToken()}-`.padEnd(39, 'x') + String(i));
    for (const token of orderNos) expect((await adapter.createOrder(placement(skus, { token }))).kind).toBe('submitted');
    settle();
    sandbox.state.transactions.settle();
    expect(orderNos.join(',').length).toBeGreaterThan(255);
    expect(orderNos.every((no) => sandbox.state.order(CHANNEL, no)?.acknowledged === false)).toBe(true);
    sandbox.stats.reset();

    const refused = await adapter.acknowledgeOrders([...orderNos, 'SG-NO-SUCH-ORDER']);
    expect(refused).toMatchObject({ kind: 'rejected', refusals: [{ code: 'NOT_FOUND', field: ['supplierOrderIds', String(orderNos.length)] }] });
    expect(sandbox.stats.count('acknowledgeOrders')).toBe(0);
    expect(orderNos.every((no) => sandbox.state.order(CHANNEL, no)?.acknowledged === false)).toBe(true);

    const orders = doneValue(await adapter.acknowledgeOrders(orderNos));
    expect(orders.every((o) => o.acknowledged === true)).toBe(true);
    expect(orderNos.every((no) => sandbox.state.order(CHANNEL, no)?.acknowledged === true)).toBe(true);
    expect(sandbox.stats.count('acknowledgeOrders')).toBeGreaterThan(1);
  });

  it('submits a shipment acknowledgement transaction that completes, or fails as Cenports says for an order without shipments', async () => {
    const shipment = sandbox.state.findShipments({ channelId: CHANNEL, acknowledged: false })[0]!;
    const transaction = doneValue(await adapter.acknowledgeShipments([shipment.orderNo]));
    expect(transaction).toMatchObject({ kind: 'acknowledgeShipments', status: 'PENDING', supplierOrderIds: [shipment.orderNo] });
    expect(shipment.acknowledged).toBe(false);

    const withoutShipments = sandbox.state.findOrders({ channelId: CHANNEL }).find((o) => sandbox.state.shipmentsOf(o).length === 0)!;
    const failing = doneValue(await adapter.acknowledgeShipments([withoutShipments.orderNo]));
    settle();

    const [completed, failed] = await adapter.getTransactions([transaction.handle, failing.handle]);
    expect(completed?.status).toBe('COMPLETED');
    expect(shipment.acknowledged).toBe(true);
    expect(failed).toMatchObject({ status: 'FAILED', errors: [{ index: 0, message: `The order ${withoutShipments.orderNo} has no shipment to acknowledge.` }] });
    expect(await adapter.acknowledgeShipments([])).toMatchObject({ kind: 'rejected', refusals: [{ code: 'VALIDATION' }] });
    expect(sandbox.stats.count('acknowledgeShipments')).toBe(2);
  });

  it('submits stock changes as one transaction that sets and adjusts the actual stock once it completes', async () => {
    const [first, second] = [...sandbox.state.products.keys()];
    const before = sandbox.state.actualStock('CENPORTS', second!);
    const transaction = doneValue(
      await adapter.adjustInventory('CENPORTS', [
        { sku: first!, quantity: 42, type: 'TRUE_UP' },
        { sku: second!, quantity: 5, type: 'DIFFERENTIAL' },
      ]),
    );
    expect(transaction).toMatchObject({ kind: 'updateInventory', status: 'PENDING', supplierOrderIds: [] });
    settle();
    expect((await adapter.getTransactions([transaction.handle]))[0]?.status).toBe('COMPLETED');
    expect([sandbox.state.actualStock('CENPORTS', first!), sandbox.state.actualStock('CENPORTS', second!)]).toEqual([42, before + 5]);
  });

  it('refuses stock changes: an unknown warehouse (422) by field, a negative TRUE_UP with no call, a shortfall in the transaction', async () => {
    const [sku] = [...sandbox.state.products.keys()];
    expect(await adapter.adjustInventory('NOWHERE', [{ sku: sku!, quantity: 1, type: 'TRUE_UP' }])).toEqual({
      kind: 'rejected',
      refusals: [{ code: 'VALIDATION', message: 'The selected warehouse code is invalid.', field: ['warehouseCode'] }],
    });
    expect(await adapter.adjustInventory('CENPORTS', [{ sku: sku!, quantity: -1, type: 'TRUE_UP' }])).toMatchObject({
      kind: 'rejected',
      refusals: [{ code: 'INVALID_QUANTITY', field: ['adjustments', '0', 'quantity'] }],
    });
    expect(sandbox.stats.count('updateInventories')).toBe(1);

    const stock = sandbox.state.actualStock('CENPORTS', sku!);
    const shortfall = doneValue(await adapter.adjustInventory('CENPORTS', [{ sku: sku!, quantity: -(stock + 1), type: 'DIFFERENTIAL' }]));
    settle();
    expect((await adapter.getTransactions([shortfall.handle]))[0]).toMatchObject({ status: 'FAILED', errors: [{ index: 0 }] });
    expect(sandbox.state.actualStock('CENPORTS', sku!)).toBe(stock);
  });
});
