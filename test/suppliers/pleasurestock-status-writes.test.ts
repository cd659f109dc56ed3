import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../src/domain/status.ts';
import type { Order, PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { SETTABLE_ORDER_STATUS } from '../../src/suppliers/pleasurestock/status-map.ts';
import { adapterFor, startSandbox } from './pleasurestock-support.ts';
import { lineFor, placementRequest, pricedOfOneSupplier, storedFor } from './pleasurestock-writes-support.ts';

describe('pleasurestock adapter: status changes and cancellation', () => {
  let sandbox: PleasurestockSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  /** A new order in `created`, placed through the adapter. */
  async function newOrder(): Promise<Order> {
    const request = placementRequest([lineFor(pricedOfOneSupplier(sandbox, 1)[0]!, 1)]);
    await adapterFor(sandbox).createOrder!(request);
    sandbox.stats.reset();
    return storedFor(sandbox, request.token)[0]!;
  }

  it('moves an order along its lifecycle and answers it read again', async () => {
    const order = await newOrder();
    const adapter = adapterFor(sandbox);
    await adapter.getOrders([order.orderNumber]);
    const steps: [OrderStatus, string][] = [['PAID', 'paid'], ['SHIPPED', 'on_the_way'], ['DELIVERED', 'delivered'], ['COMPLETED', 'accepted']];
    for (const [status, supplierStatus] of steps) {
      const outcome = await adapter.updateOrderStatus!(order.orderNumber, status, null);
      expect(order.status).toBe(supplierStatus);
      expect(outcome).toMatchObject({ kind: 'done', value: { supplierOrderId: order.orderNumber, status, supplierStatus } });
    }
    expect(sandbox.stats.count('updateOrderStatus')).toBe(4);
    // Each change is read again, never from the order read just before it.
    expect(sandbox.stats.count('getOrder')).toBe(5);
    expect((await adapter.getOrders([order.orderNumber]))[0]!.status).toBe('COMPLETED');
  });

  it('sets PARTIALLY_PAID as part_paid', async () => {
    const order = await newOrder();
    const outcome = await adapterFor(sandbox).updateOrderStatus!(order.orderNumber, 'PARTIALLY_PAID', null);
    expect(outcome).toMatchObject({ kind: 'done', value: { status: 'PARTIALLY_PAID', supplierStatus: 'part_paid' } });
    expect(order.status).toBe('part_paid');
  });

  it('maps the supplier\'s refused transition to INVALID_TRANSITION and changes nothing', async () => {
    const order = await newOrder();
    const outcome = await adapterFor(sandbox).updateOrderStatus!(order.orderNumber, 'DELIVERED', null);
    expect(outcome).toEqual({ kind: 'rejected', refusals: [{ code: 'INVALID_TRANSITION', message: 'Invalid status transition from created to delivered' }] });
    expect(order.status).toBe('created');
  });

  it.each<OrderStatus>(['PENDING', 'AWAITING_PAYMENT', 'PROCESSING', 'ON_HOLD', 'REFUNDED'])(
    'refuses %s, which PleasureStock cannot set, without a call, listing the allowed targets',
    async (status) => {
      const outcome = await adapterFor(sandbox).updateOrderStatus!('ORD-20251103-78XZ70', status, null);
      expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'INVALID_TRANSITION', field: ['status'] }] });
      const message = outcome.kind === 'rejected' ? outcome.refusals[0]!.message : '';
      for (const allowed of Object.keys(SETTABLE_ORDER_STATUS)) expect(message).toContain(allowed);
      expect(sandbox.stats.count()).toBe(0);
    },
  );

  it('answers NOT_FOUND for an order PleasureStock does not have', async () => {
    const outcome = await adapterFor(sandbox).updateOrderStatus!('ORD-20000101-NOSUCH', 'PAID', null);
    expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'NOT_FOUND' }] });
    expect(sandbox.stats.count('updateOrderStatus')).toBe(1);
  });

  it('answers FORBIDDEN for a key without the manager role', async () => {
    const order = await newOrder();
    const outcome = await adapterFor(sandbox, { apiKey: sandbox.credentials.viewerApiKey }).updateOrderStatus!(order.orderNumber, 'PAID', null);
    expect(outcome).toMatchObject({ kind: 'rejected', refusals: [{ code: 'FORBIDDEN' }] });
    expect(order.status).toBe('created');
  });

  it('cancels an order with the reason as the change\'s comment, keeping its reference', async () => {
    const order = await newOrder();
    const token = order.externalOrderId;
    const receiver = createServer((_request, response) => response.end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    sandbox.setWebhookTarget(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`);
    try {
      const outcome = await adapterFor(sandbox).cancelOrder!(order.orderNumber, 'customer changed their mind');
      expect(outcome).toMatchObject({ kind: 'done', value: { supplierOrderId: order.orderNumber, status: 'CANCELLED', supplierStatus: 'cancelled' } });
      expect(order.status).toBe('cancelled');
      expect(order.externalOrderId).toBe(token);
      await sandbox.webhooks.idle();
      const cancelled = sandbox.webhooks.deliveries
        .filter((d) => d.event === 'order.cancelled')
        .map((d) => (JSON.parse(d.body) as { data: { orderNumber: string; reason: string | null } }).data)
        .find((data) => data.orderNumber === order.orderNumber);
      expect(cancelled?.reason).toBe('customer changed their mind');
    } finally {
      sandbox.setWebhookTarget(null);
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('answers a cancel of an order already cancelled as done, from PleasureStock\'s refusal and a fresh read', async () => {
    const order = await newOrder();
    const adapter = adapterFor(sandbox);
    expect((await adapter.cancelOrder!(order.orderNumber, null)).kind).toBe('done');
    const again = await adapter.cancelOrder!(order.orderNumber, null);
    expect(again).toMatchObject({ kind: 'done', value: { supplierOrderId: order.orderNumber, status: 'CANCELLED', supplierStatus: 'cancelled' } });
    expect(sandbox.stats.snapshot().byOperationStatus.updateOrderStatus).toMatchObject({ 200: 1, 400: 1 });
  });

  it('lets an outage propagate as SupplierUnavailableError', async () => {
    const order = await newOrder();
    sandbox.faults.set([{ kind: 'error', status: 502, operations: ['updateOrderStatus'], times: 1 }]);
    await expect(adapterFor(sandbox).cancelOrder!(order.orderNumber, null)).rejects.toMatchObject({ extensions: { code: 'SUPPLIER_UNAVAILABLE' } });
  });
});
