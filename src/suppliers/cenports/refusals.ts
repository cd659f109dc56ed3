import { expectBody } from '../http/expect.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import type { SupplierRefusal } from '../writes.ts';
import { BusinessErrorWire, ValidationErrorWire } from './wire.ts';

/** Where a Cenports field lies in the caller's input, and the code its refusal carries. */
export interface FieldPlace {
  field?: string[];
  line?: number;
  code?: string;
}

/**
 * A 422 as refusals: one per message, placed by `locate` from Cenports' dotted path. A field
 * that lies outside the caller's input (partnerId, channelId: the gateway's configuration) gets
 * no field, so the refusal does not blame an input the client cannot change.
 */
export function validationRefusals(answer: UpstreamAnswer, operation: string, locate: (path: string) => FieldPlace): SupplierRefusal[] {
  const body = expectBody(ValidationErrorWire, answer, 'cenports', operation);
  return Object.entries(body.errors).flatMap(([path, messages]) => {
    const place = locate(path);
    return messages.map((message) => ({
      code: place.code ?? 'VALIDATION',
      message,
      ...(place.field && { field: place.field }),
      ...(place.line !== undefined && { line: place.line }),
    }));
  });
}

/** A 400 business error as refusals with one code, one per message Cenports listed. */
export function businessRefusals(answer: UpstreamAnswer, operation: string, code: string): SupplierRefusal[] {
  const body = expectBody(BusinessErrorWire, answer, 'cenports', operation);
  const messages = body.errors.length > 0 ? body.errors : [body.message];
  return messages.map((message) => ({ code, message }));
}

/** POST /orders fields of the one order sent, by their place in a PlacementRequest. */
const ORDER_FIELDS: Record<string, string[]> = {
  orderNo: ['token'],
  customerOrderNo: ['externalReference'],
  customerName: ['customer'],
  contactName: ['shippingAddress'],
  contactEmail: ['customer', 'email'],
  contactPhone: ['customer', 'phone'],
  shipTo: ['shippingAddress'],
  shippingInfo: ['shippingMethod'],
  'shippingInfo.carrierCode': ['shippingMethod', 'carrier'],
  'shippingInfo.serviceLevel': ['shippingMethod', 'service'],
  lineItems: ['lines'],
  // The totals are computed from the lines' prices and quantities.
  subTotal: ['lines'],
  shippingCost: ['lines'],
  grandTotal: ['lines'],
};
const LINE_FIELDS: Record<string, string> = { sku: 'sku', quantity: 'quantity', consumerPrice: 'retailPrice', subTotal: 'retailPrice' };

/** Places a 422 path of POST /orders ("orders.0.lineItems.1.quantity") in the PlacementRequest. */
export function placementFieldOf(path: string): FieldPlace {
  const [root, order, key, index, sub] = path.split('.');
  if (root !== 'orders' || order !== '0' || key === undefined) return {};
  if (key === 'shipTo' && index !== undefined) return { field: ['shippingAddress', index] };
  if (key === 'lineItems' && index !== undefined && /^\d+$/.test(index)) {
    const line = Number(index);
    const name = sub === undefined ? undefined : LINE_FIELDS[sub];
    return { line, field: name ? ['lines', index, name] : ['lines', index], ...(sub === 'quantity' && { code: 'INVALID_QUANTITY' }) };
  }
  const field = ORDER_FIELDS[index === undefined ? key : `${key}.${index}`] ?? ORDER_FIELDS[key];
  return field ? { field } : {};
}

/** Places a 422 path of PATCH /inventories ("inventories.2.quantity") in adjustInventory's input. */
export function adjustmentFieldOf(path: string): FieldPlace {
  const [root, index, sub] = path.split('.');
  if (root === 'warehouseCode') return { field: ['warehouseCode'] };
  if (root !== 'inventories') return {};
  if (index === undefined || !/^\d+$/.test(index)) return { field: ['adjustments'] };
  const name = sub === 'productSKU' ? 'sku' : sub;
  return { field: name ? ['adjustments', index, name] : ['adjustments', index] };
}

/** Places a 422 path of the acknowledge calls ("orders", "shipments.1.orderNo") in the list of order ids. */
export function orderIdsFieldOf(path: string): FieldPlace {
  const [root, index] = path.split('.');
  if (root !== 'orders' && root !== 'shipments') return {};
  return index !== undefined && /^\d+$/.test(index) ? { field: ['supplierOrderIds', index] } : { field: ['supplierOrderIds'] };
}
