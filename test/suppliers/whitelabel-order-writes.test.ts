import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { moneyFromMinor, toDecimalString } from '../../src/domain/money.ts';
import { startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import type { ChangeOutcome } from '../../src/suppliers/writes.ts';
import { lineFor, orderable, placementRequest, seededIn, storedFor, writingAdapter, type SandboxOrder } from './whitelabel-writes-support.ts';

const valueOf = <T>(outcome: ChangeOutcome<T>): T => {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome.refusals)}`);
  return outcome.value;
};

describe('whitelabel adapter: cancelling, tracking and shipment admin', () => {
  let sandbox: WhitelabelSandbox;
  /** A new FUNDED order placed through the adapter, as the sandbox holds it. */
  const freshOrder = async (): Promise<SandboxOrder> => {
    const request = placementRequest([lineFor(orderable(sandbox, 1)[0]!, 2)]);
    await writingAdapter(sandbox).createOrder(request);
    sandbox.stats.reset();
    return storedFor(sandbox, request.token)[0]!;
  };

  beforeAll(async () => {
    sandbox = await startWhitelabelSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.stats.reset();
  });

  describe('cancelOrder', () => {
    it('cancels a funded order, releases its reservation and answers the order as it is now', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox);
      const [before] = await adapter.getOrders([stored.id]);
      expect(before!.supplierStatus).toBe('FUNDED');
      const reserved = sandbox.state.reservedCents();

      const order = valueOf(await adapter.cancelOrder(stored.id, 'customer changed their mind'));
      expect(order).toMatchObject({ supplierOrderId: stored.id, status: 'REFUNDED', supplierStatus: 'REFUNDED' });
      expect(stored).toMatchObject({ status: 'REFUNDED', reservedCents: 0, cancelReason: 'customer changed their mind' });
      expect(sandbox.state.reservedCents()).toBe(reserved - (stored.subtotalCents + stored.shippingEstimateCents));
      // later reads do not serve the order as it was before the cancel
      const [after] = await adapter.getOrders([stored.id]);
      expect(after!.supplierStatus).toBe('REFUNDED');
      expect(sandbox.stats.count('cancelOrder')).toBe(1);
    });

    it('answers a repeated cancel with the order unchanged', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox);
      valueOf(await adapter.cancelOrder(stored.id, null));
      const again = valueOf(await adapter.cancelOrder(stored.id, 'again'));
      expect(again.supplierStatus).toBe('REFUNDED');
      expect(stored.cancelReason).toBeNull();
    });

    it('refuses a shipped order with INVALID_TRANSITION and changes nothing', async () => {
      const shipped = seededIn(sandbox, 'SHIPPED');
      const outcome = await writingAdapter(sandbox).cancelOrder(shipped.id, null);
      expect(outcome).toEqual({ kind: 'rejected', refusals: [{ code: 'INVALID_TRANSITION', message: expect.stringContaining('SHIPPED') }] });
      expect(shipped.status).toBe('SHIPPED');
    });

    it('refuses an unknown order with NOT_FOUND', async () => {
      const outcome = await writingAdapter(sandbox).cancelOrder(randomUUID(), null);
      expect(outcome).toEqual({ kind: 'rejected', refusals: [{ code: 'NOT_FOUND', message: expect.any(String) }] });
    });

    it('refuses a reason over 500 characters without a call', async () => {
      const outcome = await writingAdapter(sandbox).cancelOrder(randomUUID(), 'x'.repeat(501));
      expect(outcome).toEqual({ kind: 'rejected', refusals: [expect.objectContaining({ code: 'VALIDATION', field: ['reason'] })] });
      expect(sandbox.stats.count()).toBe(0);
    });
  });

  describe('updateOrderStatus', () => {
    it('sets CANCELLED by cancelling, with the comment as the reason', async () => {
      const stored = await freshOrder();
      const order = valueOf(await writingAdapter(sandbox).updateOrderStatus(stored.id, 'CANCELLED', 'duplicate order'));
      expect(order.supplierStatus).toBe('REFUNDED');
      expect(stored.cancelReason).toBe('duplicate order');
      expect(sandbox.stats.count('cancelOrder')).toBe(1);
    });

    it('refuses any other status as unsupported, pointing at shipment admin, without a call', async () => {
      const stored = await freshOrder();
      const outcome = await writingAdapter(sandbox).updateOrderStatus(stored.id, 'DELIVERED', null);
      expect(outcome).toEqual({
        kind: 'rejected',
        refusals: [{ code: 'UNSUPPORTED_BY_SUPPLIER', message: expect.stringContaining('markShipmentShipped'), field: ['status'] }],
      });
      expect(stored.status).toBe('FUNDED');
      expect(sandbox.stats.count()).toBe(0);
    });
  });

  describe('acknowledgeTrackingUpdates', () => {
    it('counts the orders acknowledged and ignores ids without tracking', async () => {
      const pending = seededIn(sandbox, 'SHIPPED', (o) => o.trackingPending);
      const acknowledged = valueOf(await writingAdapter(sandbox).acknowledgeTrackingUpdates([pending.id, randomUUID(), pending.id]));
      expect(acknowledged).toBe(1);
      expect(pending.trackingPending).toBe(false);
    });

    it('makes no call for no ids, and one call per 100 ids', async () => {
      const adapter = writingAdapter(sandbox);
      expect(valueOf(await adapter.acknowledgeTrackingUpdates([]))).toBe(0);
      expect(sandbox.stats.count()).toBe(0);
      const ids = Array.from({ length: 150 }, () => randomUUID());
      expect(valueOf(await adapter.acknowledgeTrackingUpdates(ids))).toBe(0);
      expect(sandbox.stats.count('acknowledgeTracking')).toBe(2);
    });
  });

  describe('shipment admin', () => {
    it('creates a shipment with its label and marks it shipped, settling the wallet exactly', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox);
      await adapter.getOrders([stored.id]);

      const shipment = valueOf(await adapter.createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail', weightOz: 40 }));
      const [label] = stored.shipments;
      expect(shipment).toMatchObject({ supplierShipmentId: label!.id, supplierOrderId: stored.id, status: 'LABEL_CREATED', trackingNumber: label!.trackingNumber });
      expect(toDecimalString(shipment.cost!)).toBe('11.95'); // 895 for the first pound, 150 for each further one
      const [withLabel] = await adapter.getOrders([stored.id]);
      expect(withLabel!.shipments!.map((s) => s.supplierShipmentId)).toEqual([label!.id]);

      const balance = sandbox.state.wallet.balanceCents;
      const shipped = valueOf(
        await adapter.markShipmentShipped(shipment.supplierShipmentId, { trackingNumber: '9400111899000000000001', actualCost: moneyFromMinor(1_234, 'USD') }),
      );
      expect(shipped).toMatchObject({ status: 'IN_TRANSIT', trackingNumber: '9400111899000000000001' });
      expect(toDecimalString(shipped.cost!)).toBe('12.34');
      expect(stored).toMatchObject({ status: 'SHIPPED', reservedCents: 0, actualShippingCents: 1_234 });
      expect(sandbox.state.wallet.balanceCents).toBe(balance - stored.subtotalCents - 1_234);
      const [after] = await adapter.getOrders([stored.id]);
      expect(after!.supplierStatus).toBe('SHIPPED');
      expect(toDecimalString(after!.total!)).toBe(((stored.subtotalCents + 1_234) / 100).toFixed(2));

      expect(valueOf(await adapter.acknowledgeTrackingUpdates([stored.id]))).toBe(1);
    });

    it('refuses a second open shipment and a second ship with INVALID_TRANSITION', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox);
      const shipment = valueOf(await adapter.createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail' }));
      expect(await adapter.createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail' })).toEqual({
        kind: 'rejected',
        refusals: [{ code: 'INVALID_TRANSITION', message: expect.any(String) }],
      });
      valueOf(await adapter.markShipmentShipped(shipment.supplierShipmentId, { trackingNumber: shipment.trackingNumber! }));
      expect(await adapter.markShipmentShipped(shipment.supplierShipmentId, { trackingNumber: shipment.trackingNumber! })).toEqual({
        kind: 'rejected',
        refusals: [{ code: 'INVALID_TRANSITION', message: expect.stringContaining('IN_TRANSIT') }],
      });
      expect(stored.shipments).toHaveLength(1);
    });

    it('refuses a cancelled order and unknown ids', async () => {
      const adapter = writingAdapter(sandbox);
      const cancelled = seededIn(sandbox, 'CANCELLED');
      expect(await adapter.createShipment(cancelled.id, { carrier: 'usps', service: 'usps_priority_mail' })).toMatchObject({
        refusals: [{ code: 'INVALID_TRANSITION' }],
      });
      expect(await adapter.createShipment(randomUUID(), { carrier: 'usps', service: 'usps_priority_mail' })).toMatchObject({ refusals: [{ code: 'NOT_FOUND' }] });
      expect(await adapter.markShipmentShipped(randomUUID(), { trackingNumber: '1' })).toMatchObject({ refusals: [{ code: 'NOT_FOUND' }] });
    });

    it('maps a refused field to the input field', async () => {
      const stored = await freshOrder();
      const outcome = await writingAdapter(sandbox).createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail', weightOz: 0 });
      expect(outcome).toEqual({ kind: 'rejected', refusals: [expect.objectContaining({ code: 'VALIDATION', field: ['weightOz'] })] });
      expect(stored.shipments).toHaveLength(0);
    });

    it('refuses FORBIDDEN without a call when no ops credential is configured', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox, { ops: undefined });
      expect(await adapter.createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail' })).toMatchObject({ refusals: [{ code: 'FORBIDDEN' }] });
      expect(await adapter.markShipmentShipped(randomUUID(), { trackingNumber: '1' })).toMatchObject({ refusals: [{ code: 'FORBIDDEN' }] });
      expect(sandbox.stats.count()).toBe(0);
    });

    it('maps the supplier FORBIDDEN when the configured ops credential lacks admin scope', async () => {
      const stored = await freshOrder();
      const adapter = writingAdapter(sandbox, { ops: sandbox.credentials.store });
      expect(await adapter.createShipment(stored.id, { carrier: 'usps', service: 'usps_priority_mail' })).toMatchObject({ refusals: [{ code: 'FORBIDDEN' }] });
      expect(sandbox.stats.count('createShipment')).toBe(1);
      expect(stored.shipments).toHaveLength(0);
    });

    it('refuses an actual cost that is not USD without a call', async () => {
      const outcome = await writingAdapter(sandbox).markShipmentShipped(randomUUID(), { trackingNumber: '1', actualCost: moneyFromMinor(100, 'EUR') });
      expect(outcome).toEqual({ kind: 'rejected', refusals: [expect.objectContaining({ code: 'VALIDATION', field: ['actualCost'] })] });
      expect(sandbox.stats.count()).toBe(0);
    });
  });
});
