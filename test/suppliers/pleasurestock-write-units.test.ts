import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { moneyFromMinor } from '../../src/domain/money.ts';
import { capabilitiesOf } from '../../src/suppliers/adapter.ts';
import { createPleasurestockAdapter } from '../../src/suppliers/pleasurestock/index.ts';
import { linesFromRequest } from '../../src/suppliers/pleasurestock/placement-mapping.ts';
import { placementRefusals, statusRefusals } from '../../src/suppliers/pleasurestock/refusals.ts';
import { PLEASURESTOCK_ORDER_STATUS, SETTABLE_ORDER_STATUS } from '../../src/suppliers/pleasurestock/status-map.ts';
import { CreatedOrderWire } from '../../src/suppliers/pleasurestock/write-wire.ts';
import { lineFor, placementRequest } from './pleasurestock-writes-support.ts';

const spec = parse(readFileSync(new URL('../../openapi/pleasurestock.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: { UpdatableOrderStatus: { enum: string[] } } };
};

const product = { internalId: 'ps_abcdefghij', sku: 'S-1', name: 'A', priceCents: 1999, currency: 'USD' } as Parameters<typeof lineFor>[0];
const created = (fields: Partial<CreatedOrderWire>): CreatedOrderWire => ({
  orderNumber: 'ORD-20261123-AAAAAA',
  supplierId: 12,
  status: 'created',
  totalAmount: '59.97',
  currency: 'USD',
  items: 1,
  createdAt: '2026-11-23T10:00:00Z',
  ...fields,
});

describe('pleasurestock writes: pure parts', () => {
  it('sets exactly the statuses the spec lets a partner set, each the inverse of the read map', () => {
    expect(Object.values(SETTABLE_ORDER_STATUS).sort()).toEqual([...spec.components.schemas.UpdatableOrderStatus.enum].sort());
    for (const [unified, supplier] of Object.entries(SETTABLE_ORDER_STATUS)) expect(PLEASURESTOCK_ORDER_STATUS[supplier]).toBe(unified);
  });

  it('declares the writes as capabilities', () => {
    const adapter = createPleasurestockAdapter({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', timeoutMs: 1 });
    expect(capabilitiesOf(adapter)).toEqual(expect.arrayContaining(['createOrder', 'updateOrderStatus', 'cancelOrder', 'submitSalesReport']));
    expect(typeof adapter.findPlacement).toBe('function');
    expect(typeof adapter.validatePlacement).toBe('function');
  });

  it('takes the lines from the request only when they explain the answer exactly', () => {
    const request = placementRequest([lineFor(product, 3)]);
    expect(linesFromRequest(request, created({}))?.map((l) => [l.quantity, l.lineTotal?.minor])).toEqual([[3, 5997n]]);
    expect(linesFromRequest(request, created({ totalAmount: '59.98' }))).toBeNull();
    expect(linesFromRequest(request, created({ items: 2 }))).toBeNull();
    expect(linesFromRequest(request, created({ currency: 'EUR' }))).toBeNull();
    expect(linesFromRequest(placementRequest([{ ...lineFor(product, 3), unitPrice: null }]), created({}))).toBeNull();
    expect(linesFromRequest(placementRequest([{ ...lineFor(product, 3), unitPrice: moneyFromMinor(1999, 'EUR') }]), created({}))).toBeNull();
  });

  it('maps request-level validation details to the request fields they name', () => {
    const refusals = placementRefusals(
      { success: false, error: 'Invalid request', message: 'The request payload is invalid', details: ['externalOrderId: must be at most 255 characters', 'comment: must be a string', 'items: must not be empty', 'items[7].quantity: too big'] },
      2,
    );
    expect(refusals.map((r) => [r.code, r.field, r.line])).toEqual([
      ['VALIDATION', ['token'], undefined],
      ['VALIDATION', ['note'], undefined],
      ['VALIDATION', ['lines'], undefined],
      // An index beyond the request's lines names no line.
      ['INVALID_QUANTITY', undefined, undefined],
    ]);
  });

  it('still refuses with the label\'s code when the supplier gives no details', () => {
    expect(placementRefusals({ success: false, error: 'Price not configured', message: 'no price' }, 1)).toEqual([{ code: 'PRICE_NOT_CONFIGURED', message: 'no price' }]);
    expect(placementRefusals({ success: false, error: 'Something new', message: 'odd' }, 1)).toEqual([{ code: 'VALIDATION', message: 'odd' }]);
    expect(statusRefusals({ success: false, error: 'Invalid request', message: 'bad' })).toEqual([{ code: 'VALIDATION', message: 'bad' }]);
  });
});
