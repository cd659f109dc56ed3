import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import type { ErrorWire, ValidationErrorWire } from './wire.ts';

// The spec lets a client read the product id out of a 404 or 409 detail, and nothing else.
const PRODUCT_IN_DETAIL = /(PR\d+)\s*$/;

/** The CreateOrderRequest's fields under the PlacementRequest's names. */
const FIELD_NAMES: Record<string, string> = {
  customer_reference: 'token',
  items: 'lines',
  product_id: 'supplierProductId',
};

/**
 * A createOrder refusal (400, 404, 409) in the gateway's codes: an empty order is VALIDATION on
 * `lines`, an unknown product UNKNOWN_PRODUCT and an unavailable one UNAVAILABLE, each at the
 * first line sent with the product the detail names (the supplier stops at the first bad item).
 */
export function ordersapiRefusals(status: 400 | 404 | 409, body: ErrorWire, request: PlacementRequest): SupplierRefusal[] {
  if (status === 400) return [{ code: 'VALIDATION', message: body.detail, field: ['lines'] }];
  const productId = PRODUCT_IN_DETAIL.exec(body.detail)?.[1];
  const line = productId === undefined ? -1 : request.lines.findIndex((l) => l.supplierProductId === productId);
  return [
    {
      code: status === 404 ? 'UNKNOWN_PRODUCT' : 'UNAVAILABLE',
      message: body.detail,
      ...(line < 0 ? {} : { line }),
    },
  ];
}

/**
 * FastAPI's 422 problems, one refusal each, located in the PlacementRequest: ["body", "items", 0,
 * "quantity"] is line 0's quantity. A problem with an item's quantity is INVALID_QUANTITY, like
 * the same rule broken in validatePlacement; every other is VALIDATION. A problem at partner_name
 * (the adapter's own setting) or at the body itself names no request field.
 */
export function ordersapiValidationRefusals(body: ValidationErrorWire): SupplierRefusal[] {
  return body.detail.map((problem) => {
    const path = problem.loc[0] === 'body' ? problem.loc.slice(1) : problem.loc;
    const line = path[0] === 'items' && typeof path[1] === 'number' ? path[1] : undefined;
    const field = path.map((part) => (typeof part === 'number' ? String(part) : (FIELD_NAMES[part] ?? part)));
    const named = field.length > 0 && field[0] !== 'partner_name' && !/^\d+$/.test(field[0]!);
    const code = line !== undefined && path[2] === 'quantity' ? 'INVALID_QUANTITY' : 'VALIDATION';
    return {
      code,
      message: named ? `${field.join('.')}: ${problem.msg}` : problem.msg,
      ...(named ? { field } : {}),
      ...(line === undefined ? {} : { line }),
    };
  });
}
