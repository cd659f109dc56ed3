import type { SupplierRefusal } from '../writes.ts';
import { ERROR_LABEL, type ErrorWire, type SalesErrorWire } from './write-wire.ts';

/**
 * PleasureStock's documented refusals turned into the gateway's refusal codes. The supplier names
 * a bad item in `details` as "items[2].quantity: must be …"; the adapter sends one item per
 * request line in line order, so the item index is the line index.
 */

/** "items[2].quantity: …" → [2, 'quantity', '…']; "comment: …" → [null, 'comment', '…'] (the list is `items` unless named) */
function readDetail(detail: string, list = 'items'): { index: number | null; key: string; text: string } {
  const item = new RegExp(`^${list}\\[(\\d+)\\]\\.(\\w+): (.*)$`, 's').exec(detail);
  if (item) return { index: Number(item[1]), key: item[2]!, text: item[3]! };
  const field = /^(\w+): (.*)$/s.exec(detail);
  return field ? { index: null, key: field[1]!, text: field[2]! } : { index: null, key: '', text: detail };
}

/** What the request's fields are called on the wire, as paths into PlacementRequest. */
const REQUEST_FIELD: Record<string, string[]> = { items: ['lines'], externalOrderId: ['token'], comment: ['note'] };
const LINE_FIELD: Record<string, string> = { ps_id: 'supplierProductId', quantity: 'quantity' };

function lineRefusal(code: string, message: string, index: number | null, key: string, lineCount: number): SupplierRefusal {
  if (index === null || index >= lineCount) return { code, message };
  const name = LINE_FIELD[key];
  return { code, message, line: index, ...(name && { field: ['lines', String(index), name] }) };
}

/** A 400 of POST /external/orders: nothing was created. */
export function placementRefusals(error: ErrorWire, lineCount: number): SupplierRefusal[] {
  const details = (error.details ?? []).map((detail) => readDetail(detail));
  let refusals: SupplierRefusal[] = [];
  if (error.error === ERROR_LABEL.productNotFound) {
    refusals = details.map((d) => lineRefusal('UNKNOWN_PRODUCT', `Product not found: ${d.text}`, d.index, 'ps_id', lineCount));
  } else if (error.error === ERROR_LABEL.priceNotConfigured) {
    refusals = details.map((d) => lineRefusal('PRICE_NOT_CONFIGURED', `Price not configured: ${d.text}`, d.index, 'ps_id', lineCount));
  } else if (error.error === ERROR_LABEL.invalidRequest) {
    refusals = details.map((d) => {
      const message = `${d.key}: ${d.text}`;
      if (d.index === null) {
        const field = REQUEST_FIELD[d.key];
        return { code: 'VALIDATION', message, ...(field && { field }) };
      }
      // A malformed ps_id names no product that can exist.
      const code = d.key === 'quantity' ? 'INVALID_QUANTITY' : d.key === 'ps_id' ? 'UNKNOWN_PRODUCT' : 'VALIDATION';
      return lineRefusal(code, message, d.index, d.key, lineCount);
    });
  }
  // A refusal without usable details still refuses the whole cart.
  return refusals.length > 0 ? refusals : [{ code: codeOfLabel(error.error), message: error.message }];
}

function codeOfLabel(label: string): string {
  if (label === ERROR_LABEL.productNotFound) return 'UNKNOWN_PRODUCT';
  if (label === ERROR_LABEL.priceNotConfigured) return 'PRICE_NOT_CONFIGURED';
  if (label === ERROR_LABEL.invalidTransition) return 'INVALID_TRANSITION';
  return 'VALIDATION';
}

/** A 400 of PUT /external/orders/{orderNumber}/status: the order is unchanged. */
export function statusRefusals(error: ErrorWire): SupplierRefusal[] {
  return [{ code: codeOfLabel(error.error), message: error.message }];
}

const SALES_ROW_ERROR: Record<string, { code: string; field: string }> = {
  'Invalid internal_id format': { code: 'UNKNOWN_PRODUCT', field: 'supplierProductId' },
  'Product not found': { code: 'UNKNOWN_PRODUCT', field: 'supplierProductId' },
  'Invalid date format': { code: 'VALIDATION', field: 'date' },
  'Invalid quantity': { code: 'INVALID_QUANTITY', field: 'quantity' },
  'Invalid stock_on_hand': { code: 'VALIDATION', field: 'stockOnHand' },
};

/** A 400 of POST /sales: the batch is all or nothing, so nothing was stored. */
export function salesRefusals(error: SalesErrorWire): SupplierRefusal[] {
  const rows = (error.errors ?? []).map(({ index, error: problem }): SupplierRefusal => {
    const known = SALES_ROW_ERROR[problem];
    return {
      code: known?.code ?? 'VALIDATION',
      message: problem,
      line: index,
      ...(known && { field: ['entries', String(index), known.field] }),
    };
  });
  if (rows.length > 0) return rows;
  const details = error.details?.length ? `: ${error.details.join('; ')}` : '';
  return [{ code: 'VALIDATION', message: `${error.message}${details}` }];
}

export const forbidden = (error: ErrorWire): SupplierRefusal => ({ code: 'FORBIDDEN', message: error.message });

/** The smart-reorder request's wire names, as paths into the entries the gateway was given. */
const ENTRY_FIELD: Record<string, string> = { ps_id: 'productId', quantity: 'quantity', current_stock: 'currentStock', sales_history: 'salesHistory' };

/** A 400 of POST /external/smart-reorder: "products[2].sales_history: …" names products.2.salesHistory. */
export function smartReorderRefusals(error: ErrorWire): SupplierRefusal[] {
  const code = codeOfLabel(error.error);
  const refusals = (error.details ?? []).map((detail): SupplierRefusal => {
    const { index, key } = readDetail(detail, 'products');
    const name = index === null ? undefined : ENTRY_FIELD[key];
    return { code, message: detail, ...(name && { field: ['products', String(index), name] }) };
  });
  return refusals.length > 0 ? refusals : [{ code, message: error.message }];
}
