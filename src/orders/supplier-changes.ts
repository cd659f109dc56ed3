import { decodeGlobalId } from '../domain/global-id.ts';
import type { ShipmentModel, TransactionModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import type { ChangeOutcome } from '../suppliers/writes.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { userError, type UserErrorValue } from './user-errors.ts';

export interface Changed<T> {
  value: T | null;
  userErrors: UserErrorValue[];
}

/** Global ids of one type grouped by supplier; ids that are not of that type are user errors. */
export function groupIds(ids: readonly string[], type: 'Order' | 'Shipment', field: string[]) {
  const bySupplier = new Map<SupplierId, string[]>();
  const errors: UserErrorValue[] = [];
  ids.forEach((id, i) => {
    const decoded = decodeGlobalId(id);
    if (!decoded || decoded.type !== type) errors.push(userError('NOT_FOUND', `${field.at(-1)}[${i}] is not a ${type} id`, [...field, String(i)]));
    else bySupplier.set(decoded.supplier, [...(bySupplier.get(decoded.supplier) ?? []), decoded.nativeId]);
  });
  return { bySupplier, errors };
}

/**
 * The one supplier a write names, for writes a supplier takes whole; at least one and all the
 * same, else ONE_SUPPLIER naming `field`.
 */
export function oneSupplier(suppliers: readonly SupplierId[], field: string[]): { supplier: SupplierId } | { refused: Changed<never> } {
  const [supplier] = suppliers;
  if (supplier && suppliers.every((s) => s === supplier)) return { supplier };
  const message = `${field.at(-1)} must name at least one item, all of one supplier`;
  return { refused: { value: null, userErrors: [userError('ONE_SUPPLIER', message, field)] } };
}

/** A shipment global id's order and shipment native ids (see graphql/ids.ts). */
export function shipmentParts(nativeId: string): { orderId: string | null; shipmentId: string } {
  try {
    const [orderId, shipmentId] = JSON.parse(nativeId) as [string | null, string];
    return { orderId, shipmentId };
  } catch {
    return { orderId: null, shipmentId: nativeId };
  }
}

/**
 * Calls one supplier write the adapter offers, or answers UNSUPPORTED_BY_SUPPLIER without a call.
 * Refusals become user errors naming `field`.
 */
export async function supplierChange<T>(
  deps: OrderServiceDeps,
  supplier: SupplierId,
  operation: string,
  field: string[],
  pick: (adapter: SupplierAdapter) => (() => Promise<ChangeOutcome<T>>) | null,
): Promise<Changed<T>> {
  const adapter = deps.suppliers.get(supplier);
  const call = adapter ? pick(adapter) : null;
  if (!call) return { value: null, userErrors: [userError('UNSUPPORTED_BY_SUPPLIER', `${supplier} does not support ${operation}`, field)] };
  const outcome = await call();
  if (outcome.kind === 'done') return { value: outcome.value, userErrors: [] };
  return { value: null, userErrors: outcome.refusals.map((r) => userError(r.code, `${supplier}: ${r.message}`, r.field ? ['input', ...r.field] : field)) };
}

/** Records an asynchronous write so the follower tracks it and `transactions` lists it. */
export async function trackTransaction(deps: OrderServiceDeps, transaction: TransactionModel | null): Promise<void> {
  if (transaction) await deps.store.transactions.upsert({ ...transaction, placementId: null });
}

/** A replayed transaction as the follower has it now (as first answered if the store lost it). */
export async function followedTransaction(deps: OrderServiceDeps, recorded: Changed<TransactionModel>): Promise<Changed<TransactionModel>> {
  if (!recorded.value) return recorded;
  const [followed] = await deps.store.transactions.get(recorded.value.supplier, [recorded.value.handle]);
  return { value: followed ?? recorded.value, userErrors: recorded.userErrors };
}

/** Where every keyed write's key sits in its input. */
export const KEY_FIELD = ['input', 'idempotencyKey'];

export type { ShipmentModel };
