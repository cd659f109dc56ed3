import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import type { OrdersapiCatalogEntry } from './catalog.ts';

// The spec's CreateOrderItem.quantity: a JSON integer of at least 1 that fits an int32.
const MAX_QUANTITY = 2_147_483_647;

/**
 * The supplier's rules, checked with no call against the configured catalog: at least one line,
 * every product known (UNKNOWN_PRODUCT) and available (UNAVAILABLE), every quantity a whole
 * number from 1 to 2^31-1 (INVALID_QUANTITY). Every problem is reported at once.
 */
export function validateOrdersapiPlacement(
  request: PlacementRequest,
  catalog: ReadonlyMap<string, OrdersapiCatalogEntry>,
): SupplierRefusal[] {
  const refusals: SupplierRefusal[] = [];
  if (request.lines.length === 0) refusals.push({ code: 'VALIDATION', message: 'at least one line is required', field: ['lines'] });
  request.lines.forEach((line, i) => {
    const product = catalog.get(line.supplierProductId);
    if (!product) {
      refusals.push({ code: 'UNKNOWN_PRODUCT', message: `the Orders API has no product ${line.supplierProductId}`, line: i });
    } else if (!product.available) {
      refusals.push({ code: 'UNAVAILABLE', message: `${product.sku} (${product.productId}) is not available`, line: i });
    }
    if (!(Number.isSafeInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_QUANTITY)) {
      refusals.push({
        code: 'INVALID_QUANTITY',
        message: `quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${line.quantity}`,
        line: i,
        field: ['lines', String(i), 'quantity'],
      });
    }
  });
  return refusals;
}
