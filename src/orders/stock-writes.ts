import type { GlobalId } from '../domain/global-id.ts';
import type { TransactionModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { InventoryAdjustment } from '../suppliers/writes.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { runOnce } from './run-once.ts';
import { followedTransaction, KEY_FIELD, oneSupplier, supplierChange, trackTransaction, type Changed } from './supplier-changes.ts';

/**
 * Sets (TRUE_UP) or shifts (DIFFERENTIAL) stock in one warehouse, once per key, through the
 * transaction the supplier submits; a replay answers that transaction as it is followed now.
 * After an unknown outcome a TRUE_UP is sent again (setting stock twice sets it once), but a
 * DIFFERENTIAL is not: the supplier offers no way to tell whether the first was applied.
 */
export function adjustInventory(
  deps: OrderServiceDeps,
  scope: string,
  supplier: SupplierId,
  input: { warehouseCode: string; adjustments: readonly InventoryAdjustment[]; idempotencyKey: string },
): Promise<Changed<TransactionModel>> {
  const settable = input.adjustments.every((a) => a.type === 'TRUE_UP');
  return runOnce(deps, scope, {
    operation: 'adjustInventory',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: { supplier, ...input },
    send: async () => {
      const result = await supplierChange(deps, supplier, 'adjustInventory', ['input', 'supplier'], (a) =>
        a.adjustInventory ? () => a.adjustInventory!(input.warehouseCode, input.adjustments) : null,
      );
      await trackTransaction(deps, result.value);
      return result;
    },
    afterUnknown: settable ? { kind: 'resend' } : { kind: 'never', supplier },
    replay: (recorded) => followedTransaction(deps, recorded),
  });
}

/** One day's sales of one product, its id decoded. */
export interface SaleToReport {
  productId: GlobalId;
  date: string;
  quantity: number;
  stockOnHand?: number | null;
}

/**
 * Reports sales to their one supplier, once per optional key. The supplier adds a resent day's
 * quantity to the first, so after an unknown outcome the report is never sent again.
 */
export function submitSalesReport(
  deps: OrderServiceDeps,
  scope: string,
  sales: readonly SaleToReport[],
  idempotencyKey: string | null | undefined,
): Promise<Changed<{ processed: number }>> {
  const one = oneSupplier(sales.map((s) => s.productId.supplier), ['input', 'sales']);
  if ('refused' in one) return Promise.resolve(one.refused);
  const { supplier } = one;
  const entries = sales.map((s) => ({ supplierProductId: s.productId.nativeId, date: s.date, quantity: s.quantity, stockOnHand: s.stockOnHand }));
  return runOnce(deps, scope, {
    operation: 'submitSalesReport',
    key: idempotencyKey,
    keyField: KEY_FIELD,
    request: { entries },
    send: () =>
      supplierChange(deps, supplier, 'submitSalesReport', ['input', 'sales'], (a) => (a.submitSalesReport ? () => a.submitSalesReport!(entries) : null)),
    afterUnknown: { kind: 'never', supplier },
  });
}
