import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import type { ErrorWire } from './wire.ts';

// Centre tells its 400s apart only by text (its spec: match text where nothing else tells cases apart).
const INVALID_QUANTITY = /^Invalid quantity for variant (.+)$/;
const PRICE_NOT_CONFIGURED = /^Price not configured for variant (.+?) on this channel\b/;
const ITEMS_REQUIRED = 'Items array is required';

/** Centre's names for request fields, where they differ from the PlacementRequest's. */
const FIELD_NAMES: Record<string, string> = {
  partnerOrderId: 'token',
  zip: 'postalCode',
  items: 'lines',
  variantId: 'supplierProductId',
};

/**
 * A documented createOrder refusal (any 400 but the duplicate, or the paused channel's 403) in
 * the gateway's codes, with the line and the request field at fault where Centre names them.
 * Centre's spec says every 400 created nothing, so an unrecognised text is still a refusal.
 */
export function centreRefusals(status: number, body: ErrorWire, request: PlacementRequest): SupplierRefusal[] {
  if (status === 403) return [{ code: 'FORBIDDEN', message: `Centre refused the sales channel: ${body.error}` }];
  if (body.details && body.details.length > 0) return body.details.map(detailRefusal);
  if (body.error === ITEMS_REQUIRED) return [{ code: 'VALIDATION', message: 'at least one line is required', field: ['lines'] }];
  const quantity = INVALID_QUANTITY.exec(body.error);
  if (quantity) {
    const line = lineOf(request, quantity[1]!, (q) => !(Number.isSafeInteger(q) && q >= 1));
    return [{ code: 'INVALID_QUANTITY', message: body.error, ...atLine(line, 'quantity') }];
  }
  const price = PRICE_NOT_CONFIGURED.exec(body.error);
  if (price) {
    const line = lineOf(request, price[1]!, () => true);
    return [{ code: 'PRICE_NOT_CONFIGURED', message: body.error, ...(line === undefined ? {} : { line }) }];
  }
  return [{ code: 'VALIDATION', message: body.error }];
}

/** "shippingAddress.zip is required" → field ['shippingAddress', 'postalCode']; "items[2].variantId …" → line 2. */
function detailRefusal(detail: string): SupplierRefusal {
  const space = detail.indexOf(' ');
  const path = space < 0 ? detail : detail.slice(0, space);
  const problem = space < 0 ? 'is invalid' : detail.slice(space + 1);
  if (path === 'body') return { code: 'VALIDATION', message: detail };
  const field = (path.match(/[^.[\]]+/g) ?? []).map((part) => FIELD_NAMES[part] ?? part);
  const line = field[0] === 'lines' && /^\d+$/.test(field[1] ?? '') ? Number(field[1]) : undefined;
  return { code: 'VALIDATION', message: `${field.join('.')} ${problem}`, field, ...(line === undefined ? {} : { line }) };
}

/** The index of the first line sent with this variantId that `fits`, else the first sent with it. */
function lineOf(request: PlacementRequest, variant: string, fits: (quantity: number) => boolean): number | undefined {
  const naming = request.lines.flatMap((line, i) => (line.supplierProductId === variant ? [i] : []));
  return naming.find((i) => fits(request.lines[i]!.quantity)) ?? naming[0];
}

function atLine(line: number | undefined, field: string): Pick<SupplierRefusal, 'line' | 'field'> {
  return line === undefined ? {} : { line, field: ['lines', String(line), field] };
}
