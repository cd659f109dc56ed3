import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { runOnce } from './run-once.ts';
import { followedTransaction, groupIds, KEY_FIELD, oneSupplier, shipmentParts, supplierChange, trackTransaction, type Changed } from './supplier-changes.ts';

import type { SupplierAdapter } from '../suppliers/adapter.ts';
import type { ChangeOutcome } from '../suppliers/writes.ts';

// Acknowledging is idempotent by nature (an acknowledged order or shipment stays so), so after an
// unknown outcome the acknowledgement is simply sent again; the key still spares the call on a replay.

type OrderAcknowledgement = 'acknowledgeOrders' | 'acknowledgeTrackingUpdates';
type OrderAcknowledgementInput = { orderIds: readonly string[]; idempotencyKey?: string | null };

/**
 * One acknowledgement of orders: sent to every supplier holding some of them at once, once per
 * optional key, the suppliers' answers combined into one.
 */
async function acknowledgeAtEach<T, R>(
  deps: OrderServiceDeps,
  scope: string,
  input: OrderAcknowledgementInput,
  operation: OrderAcknowledgement,
  send: (adapter: SupplierAdapter) => ((ids: string[]) => Promise<ChangeOutcome<T>>) | undefined,
  combine: (values: (T | null)[]) => R,
): Promise<Changed<R>> {
  const field = ['input', 'orderIds'];
  const { bySupplier, errors } = groupIds(input.orderIds, 'Order', field);
  if (errors.length > 0) return { value: combine([]), userErrors: errors };
  return runOnce(deps, scope, {
    operation,
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: async () => {
      const results = await Promise.all(
        [...bySupplier].map(([supplier, ids]) =>
          supplierChange(deps, supplier, operation, field, (a) => {
            const call = send(a);
            return call ? () => call(ids) : null;
          }),
        ),
      );
      return { value: combine(results.map((r) => r.value)), userErrors: results.flatMap((r) => r.userErrors) };
    },
    afterUnknown: { kind: 'resend' },
  });
}

/** Acknowledges orders at each supplier that holds some, once per optional key. */
export const acknowledgeOrders = (deps: OrderServiceDeps, scope: string, input: OrderAcknowledgementInput): Promise<Changed<OrderModel[]>> =>
  acknowledgeAtEach(deps, scope, input, 'acknowledgeOrders', (a) => a.acknowledgeOrders?.bind(a), (values) => values.flatMap((v) => v ?? []));

/** Tells each supplier that its tracking updates for these orders were processed, once per optional key. */
export const acknowledgeTrackingUpdates = (deps: OrderServiceDeps, scope: string, input: OrderAcknowledgementInput): Promise<Changed<number>> =>
  acknowledgeAtEach(deps, scope, input, 'acknowledgeTrackingUpdates', (a) => a.acknowledgeTrackingUpdates?.bind(a), (values) =>
    values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
  );

/** Acknowledges the shipments of one supplier through the transaction it submits, once per optional key. */
export async function acknowledgeShipments(
  deps: OrderServiceDeps,
  scope: string,
  input: { shipmentIds: readonly string[]; idempotencyKey?: string | null },
): Promise<Changed<TransactionModel>> {
  const { bySupplier, errors } = groupIds(input.shipmentIds, 'Shipment', ['input', 'shipmentIds']);
  if (errors.length > 0) return { value: null, userErrors: errors };
  const one = oneSupplier([...bySupplier.keys()], ['input', 'shipmentIds']);
  if ('refused' in one) return one.refused;
  const { supplier } = one;
  const ids = bySupplier.get(supplier)!;
  const orderIds = [...new Set(ids.map((id) => shipmentParts(id).orderId).filter((id): id is string => id !== null))];
  return runOnce(deps, scope, {
    operation: 'acknowledgeShipments',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: async () => {
      const result = await supplierChange(deps, supplier, 'acknowledgeShipments', ['input', 'shipmentIds'], (a) =>
        a.acknowledgeShipments ? () => a.acknowledgeShipments!(orderIds) : null,
      );
      await trackTransaction(deps, result.value);
      return result;
    },
    afterUnknown: { kind: 'resend' },
    replay: (recorded) => followedTransaction(deps, recorded),
  });
}
