import type { ProductModel } from '../../domain/models.ts';
import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import { INTERNAL_ID } from './wire.ts';

/**
 * PleasureStock's own rules for POST /external/orders, checked with no I/O: at least one item,
 * each a ps_* id and an integer quantity of at least 1 (spec: CreateOrderItem). When the adapter
 * holds a fresh copy of the catalog, a product it lacks or that has no price is refused too: the
 * adapter never sends a customPrice (see placement.ts), so the supplier would refuse that line
 * with "Price not configured". A stale copy is not trusted for this: a product added or priced
 * since would be refused wrongly, and the supplier's own answer is only one call away.
 */
export function checkPlacement(request: PlacementRequest, catalog: ReadonlyMap<string, ProductModel> | null): SupplierRefusal[] {
  if (request.lines.length === 0) {
    return [{ code: 'VALIDATION', message: 'PleasureStock needs at least one line to order', field: ['lines'] }];
  }
  return request.lines.flatMap((line, index): SupplierRefusal[] => {
    const at = (field: string) => ({ line: index, field: ['lines', String(index), field] });
    const refusals: SupplierRefusal[] = [];
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      refusals.push({ code: 'INVALID_QUANTITY', message: `quantity must be an integer of at least 1, got ${line.quantity}`, ...at('quantity') });
    }
    const id = line.supplierProductId;
    if (!INTERNAL_ID.test(id)) {
      refusals.push({ code: 'UNKNOWN_PRODUCT', message: `${JSON.stringify(id)} is not a PleasureStock product id (ps_ and 10 lowercase letters or digits)`, ...at('supplierProductId') });
    } else if (catalog) {
      const product = catalog.get(id);
      if (!product) refusals.push({ code: 'UNKNOWN_PRODUCT', message: `Product ${id} is not in PleasureStock's catalog`, ...at('supplierProductId') });
      else if (!product.price) refusals.push({ code: 'PRICE_NOT_CONFIGURED', message: `Product ${id} has no price configured at PleasureStock`, ...at('supplierProductId') });
    }
    return refusals;
  });
}
