import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { runOnce } from './run-once.ts';
import { followedTransaction, groupIds, KEY_FIELD, shipmentParts, supplierChange, trackTransaction, type Changed } from './supplier-changes.ts';
import { userError } from './user-errors.ts';

/** One change per supplier holding some of the ids, all at once. */
const eachSupplier = <K, T>(bySupplier: Map<K, string[]>, change: (supplier: K, ids: string[]) => Promise<T>): Promise<T[]> =>
  Promise.all([...bySupplier].map(([supplier, ids]) => change(supplier, ids)));

// Acknowledging is idempotent by nature (an acknowledged order or shipment stays so), so after an
// unknown outcome the acknowledgement is simply sent again; the key still spares the call on a replay.

/** Acknowledges orders at each supplier that holds some, once per optional key. */
export async function acknowledgeOrders(
  deps: OrderServiceDeps,
  scope: string,
  input: { orderIds: readonly string[]; idempotencyKey?: string | null },
): Promise<Changed<OrderModel[]>> {
  const { bySupplier, errors } = groupIds(input.orderIds, 'Order', ['input', 'orderIds']);
  if (errors.length > 0) return { value: [], userErrors: errors };
  return runOnce(deps, scope, {
    operation: 'acknowledgeOrders',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: async () => {
      const results = await eachSupplier(bySupplier, (supplier, ids) =>
        supplierChange(deps, supplier, 'acknowledgeOrders', ['input', 'orderIds'], (a) => (a.acknowledgeOrders ? () => a.acknowledgeOrders!(ids) : null)),
      );
      return { value: results.flatMap((r) => r.value ?? []), userErrors: results.flatMap((r) => r.userErrors) };
    },
    afterUnknown: { kind: 'resend' },
  });
}

/** Acknowledges the shipments of one supplier through the transaction it submits, once per optional key. */
export async function acknowledgeShipments(
  deps: OrderServiceDeps,
  scope: string,
  input: { shipmentIds: readonly string[]; idempotencyKey?: string | null },
): Promise<Changed<TransactionModel>> {
  const { bySupplier, errors } = groupIds(input.shipmentIds, 'Shipment', ['input', 'shipmentIds']);
  if (errors.length > 0) return { value: null, userErrors: errors };
  if (bySupplier.size !== 1) return { value: null, userErrors: [userError('ONE_SUPPLIER', 'shipmentIds must belong to one supplier', ['input', 'shipmentIds'])] };
  const [supplier, ids] = [...bySupplier][0]!;
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

/** Tells each supplier that its tracking updates for these orders were processed, once per optional key. */
export async function acknowledgeTrackingUpdates(
  deps: OrderServiceDeps,
  scope: string,
  input: { orderIds: readonly string[]; idempotencyKey?: string | null },
): Promise<Changed<number>> {
  const { bySupplier, errors } = groupIds(input.orderIds, 'Order', ['input', 'orderIds']);
  if (errors.length > 0) return { value: 0, userErrors: errors };
  return runOnce(deps, scope, {
    operation: 'acknowledgeTrackingUpdates',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: async () => {
      const results = await eachSupplier(bySupplier, (supplier, ids) =>
        supplierChange(deps, supplier, 'acknowledgeTrackingUpdates', ['input', 'orderIds'], (a) =>
          a.acknowledgeTrackingUpdates ? () => a.acknowledgeTrackingUpdates!(ids) : null,
        ),
      );
      return { value: results.reduce((sum, r) => sum + (r.value ?? 0), 0), userErrors: results.flatMap((r) => r.userErrors) };
    },
    afterUnknown: { kind: 'resend' },
  });
}
