import type { TransactionModel } from '../../domain/models.ts';
import type { SupplierRefusal } from '../writes.ts';

/**
 * Reading the errors of a FAILED createOrder transaction. getTransactions keeps Cenports'
 * messages verbatim; these pure helpers turn them into what the gateway acts on. The message
 * texts are the document's own examples (cenports-api-v2, "Reconciliation").
 */

// "The order A1234 is already existed on our system." Anchored at "The order ", so the
// customerOrderNo duplicate ("The customer order number X of order A1234 …") never matches.
const ORDER_EXISTS = /^The order (\S+) is already existed\b/i;
const CUSTOMER_ORDER_NO_EXISTS = /^The customer order number (.+) of order (\S+) is already existed\b/i;
const UNKNOWN_SKU = /^The line item (\d+) of order (\S+) has been rejected due to product sku does not exist/i;
const BAD_CARRIER = /^The carrier code is not valid or supported/i;

/**
 * Whether a FAILED transaction failed because the orderNo (`orderNo` when given) already exists
 * in the channel: an earlier attempt with the same token placed it, so the placement happened
 * and the gateway should read it (findPlacement) instead of reporting a failure.
 */
export function isDuplicateOrderFailure(transaction: TransactionModel, orderNo?: string): boolean {
  if (transaction.status !== 'FAILED') return false;
  return transaction.errors.some((error) => {
    const match = ORDER_EXISTS.exec(error.message.trim());
    return match !== null && (orderNo === undefined || match[1] === orderNo);
  });
}

/**
 * The refusals a FAILED createOrder transaction stands for, in the placement's terms: the line
 * item number is the request line + 1 (toCreateOrdersBody numbers lines from 1). An unknown
 * message is kept as VALIDATION with the supplier's text.
 */
export function placementFailureRefusals(transaction: TransactionModel): SupplierRefusal[] {
  if (transaction.status !== 'FAILED') return [];
  return transaction.errors.map(({ message }): SupplierRefusal => {
    const text = message.trim();
    if (ORDER_EXISTS.test(text)) return { code: 'DUPLICATE', message, field: ['token'] };
    if (CUSTOMER_ORDER_NO_EXISTS.test(text)) return { code: 'DUPLICATE', message, field: ['externalReference'] };
    const sku = UNKNOWN_SKU.exec(text);
    if (sku) {
      const line = Number(sku[1]) - 1;
      return { code: 'UNKNOWN_PRODUCT', message, line, field: ['lines', String(line), 'sku'] };
    }
    if (BAD_CARRIER.test(text)) return { code: 'VALIDATION', message, field: ['shippingMethod', 'carrier'] };
    return { code: 'VALIDATION', message };
  });
}
