import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import { storePrice } from './placement.ts';
import type { IssueWire, WriteErrorWire } from './write-wire.ts';

/**
 * WhiteLabel's documented refusals in the gateway's codes. Every 400 of createOrder created and
 * reserved nothing (its spec), so each is a refusal; an item the supplier names by `details.index`
 * is the line of that index, since the adapter sends one item per line in line order.
 */

/** createOrder's item codes; each names one item. */
const ITEM_CODES: Record<string, { code: string; field?: 'supplierProductId' | 'quantity' }> = {
  UNKNOWN_SKU: { code: 'UNKNOWN_PRODUCT', field: 'supplierProductId' },
  PRICE_NOT_CONFIGURED: { code: 'PRICE_NOT_CONFIGURED' },
  OUT_OF_STOCK: { code: 'UNAVAILABLE' },
  QUANTITY_OUT_OF_RANGE: { code: 'INVALID_QUANTITY', field: 'quantity' },
};

/** createOrder's top-level wire fields as paths into the PlacementRequest. */
const ORDER_FIELDS: Record<string, string[]> = {
  woo_order_id: ['token'],
  woo_order_number: ['externalReference'],
  customer_email: ['customer', 'email'],
  customer_note: ['note'],
  shipping_address: ['shippingAddress'],
  billing_address: ['billingAddress'],
  items: ['lines'],
};
const ADDRESS_FIELDS: Record<string, string> = {
  first_name: 'firstName',
  last_name: 'lastName',
  address_1: 'address1',
  address_2: 'address2',
  postcode: 'postalCode',
};
const ITEM_FIELDS: Record<string, string> = { supplier_sku: 'supplierProductId', qty: 'quantity' };

/** A 400 of createOrder: nothing was placed. */
export function placementRefusals(body: WriteErrorWire, request: PlacementRequest): SupplierRefusal[] {
  const { code, message, details } = body.error;
  const item = ITEM_CODES[code];
  if (item) {
    const index = details?.index;
    if (index === undefined || index >= request.lines.length) return [{ code: item.code, message }];
    return [{ code: item.code, message, line: index, ...(item.field ? { field: ['lines', String(index), item.field] } : {}) }];
  }
  if (code === 'INSUFFICIENT_FUNDS') return [{ code, message: fundsMessage(message, details?.required_cents, details?.available_cents) }];
  if (code === 'VALIDATION_ERROR') {
    const refusals = (details?.issues ?? []).map((issue) => issueRefusal(issue, request));
    return refusals.length > 0 ? refusals : [{ code: 'VALIDATION', message }];
  }
  return [{ code: 'VALIDATION', message: `${code}: ${message}` }];
}

function fundsMessage(message: string, required: number | undefined, available: number | undefined): string {
  if (required === undefined || available === undefined) return message;
  return `${message} (the order needs ${dollars(required)}, the wallet has ${dollars(available)} available)`;
}

/** Cents as "USD 12.34" for a message; display only, money never passes through here. */
const dollars = (cents: number): string => `USD ${(cents / 100).toFixed(2)}`;

/** "items.2.qty" → line 2, field ['lines', '2', 'quantity']; "shipping_address.postcode" → ['shippingAddress', 'postalCode']. */
function issueRefusal(issue: IssueWire, request: PlacementRequest): SupplierRefusal {
  const parts = (typeof issue.path === 'string' ? issue.path.split(/[.[\]]+/) : (issue.path ?? []).map(String)).filter((p) => p !== '');
  const text = issue.message ?? 'is invalid';
  const [top, second, third] = parts;
  const base = top === undefined ? undefined : ORDER_FIELDS[top];
  if (!base) return { code: 'VALIDATION', message: parts.length > 0 ? `${parts.join('.')}: ${text}` : text };
  let field = [...base];
  let line: number | undefined;
  if (top === 'items' && second !== undefined && /^\d+$/.test(second) && Number(second) < request.lines.length) {
    line = Number(second);
    const sent = storePrice(request.lines[line]!);
    const name = third === 'unit_price_cents' ? sent?.field : third === undefined ? undefined : (ITEM_FIELDS[third] ?? third);
    field = ['lines', second, ...(name ? [name] : [])];
  } else if ((top === 'shipping_address' || top === 'billing_address') && second !== undefined) {
    field.push(ADDRESS_FIELDS[second] ?? second);
  }
  return { code: 'VALIDATION', message: `${field.join('.')}: ${text}`, field, ...(line === undefined ? {} : { line }) };
}

/**
 * A refusal of a change (cancel, shipment admin): 404 NOT_FOUND, 409 INVALID_STATE (the status
 * does not allow it), 403 FORBIDDEN (the credential lacks admin scope), 400 VALIDATION_ERROR with
 * its issues' wire fields named as the operation's input (`fields`).
 */
export function changeRefusals(body: WriteErrorWire, fields: Record<string, string[]>): SupplierRefusal[] {
  const { code, message, details } = body.error;
  switch (code) {
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return [{ code, message }];
    case 'INVALID_STATE':
      return [{ code: 'INVALID_TRANSITION', message: details?.status ? `${message} (it is ${details.status})` : message }];
    case 'VALIDATION_ERROR': {
      const refusals = (details?.issues ?? []).map((issue): SupplierRefusal => {
        const path = typeof issue.path === 'string' ? issue.path : (issue.path ?? []).join('.');
        const field = fields[path.split('.')[0] ?? ''];
        return { code: 'VALIDATION', message: `${path || 'body'}: ${issue.message ?? 'is invalid'}`, ...(field ? { field } : {}) };
      });
      return refusals.length > 0 ? refusals : [{ code: 'VALIDATION', message }];
    }
    default:
      return [{ code: 'VALIDATION', message: `${code}: ${message}` }];
  }
}
