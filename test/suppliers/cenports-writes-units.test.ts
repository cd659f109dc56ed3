import { describe, expect, it } from 'vitest';
import { moneyFromDecimal } from '../../src/domain/money.ts';
import type { TransactionModel } from '../../src/domain/models.ts';
import { losslessJsonBody } from '../../src/suppliers/cenports/json-body.ts';
import { toCreateOrdersBody } from '../../src/suppliers/cenports/placement.ts';
import { validatePlacement } from '../../src/suppliers/cenports/placement-rules.ts';
import { adjustmentFieldOf, placementFieldOf } from '../../src/suppliers/cenports/refusals.ts';
import { isDuplicateOrderFailure, placementFailureRefusals } from '../../src/suppliers/cenports/transaction-errors.ts';
import { line, placement } from './cenports-writes-support.ts';

const failed = (...messages: string[]): TransactionModel => ({
  supplier: 'cenports',
  handle: 'd93ff46f-3621-47e2-89a0-74d8caeae8a3',
  kind: 'unknown',
  status: 'FAILED',
  supplierStatus: 'FAILED',
  submittedAt: null,
  completedAt: null,
  errors: messages.map((message, index) => ({ index, message })),
  supplierOrderIds: [],
});

describe('cenports writes: pure parts', () => {
  it('writes amounts as exact unquoted decimal text, totals summed in integer cents', () => {
    const request = placement(['A-1', 'B-2']);
    request.lines.push(line('C-3', 1, '0.10'), line('D-4', 2, '0.20'));
    const text = losslessJsonBody(toCreateOrdersBody(request, { partnerId: 'P', channelId: 'C', orderDate: '2026-11-02' }));
    expect(text).toContain('"consumerPrice":0.10,"subTotal":0.10');
    expect(text).toContain('"consumerPrice":0.20,"subTotal":0.40');
    // 0.21 + 59.97 + 0.10 + 0.40, which floats would make 60.68000000000001
    expect(text).toContain('"subTotal":60.68,"shippingCost":0.00,"grandTotal":60.68');
    expect(JSON.parse(text).orders[0]).toMatchObject({ orderNo: request.token, customerOrderNo: request.externalReference, orderDate: '2026-11-02' });
  });

  it('accepts a valid placement and carrier codes in any case; refuses other currencies, empty carts and totals over 9999.99', () => {
    expect(validatePlacement(placement(['A', 'B'], { shippingMethod: { carrier: 'ontrac', service: 'Ground' } }))).toEqual([]);
    const euro = placement(['A', 'B']);
    euro.lines[0] = { ...euro.lines[0]!, retailPrice: moneyFromDecimal('1.00', 'EUR') };
    expect(validatePlacement(euro)).toMatchObject([{ code: 'VALIDATION', line: 0, field: ['lines', '0', 'retailPrice'] }]);
    expect(validatePlacement(placement(['A', 'B'], { lines: [] }))).toMatchObject([{ code: 'VALIDATION', field: ['lines'] }]);
    expect(validatePlacement(placement(['A', 'B'], { lines: [line('A', 2, '5000.00')] }))).toMatchObject([{ code: 'VALIDATION', line: 0, field: ['lines', '0'] }]);
    expect(validatePlacement(placement(['A', 'B'], { lines: [line('A', 1, '6000.00'), line('B', 1, '4000.00')] }))).toMatchObject([
      { code: 'VALIDATION', field: ['lines'] },
    ]);
  });

  it('places 422 paths of POST /orders in the placement request', () => {
    expect(placementFieldOf('orders.0.lineItems.1.consumerPrice')).toEqual({ line: 1, field: ['lines', '1', 'retailPrice'] });
    expect(placementFieldOf('orders.0.lineItems.2.quantity')).toEqual({ line: 2, field: ['lines', '2', 'quantity'], code: 'INVALID_QUANTITY' });
    expect(placementFieldOf('orders.0.shipTo.postalCode')).toEqual({ field: ['shippingAddress', 'postalCode'] });
    expect(placementFieldOf('orders.0.shippingInfo.carrierCode')).toEqual({ field: ['shippingMethod', 'carrier'] });
    expect(placementFieldOf('orders.0.grandTotal')).toEqual({ field: ['lines'] });
    expect(placementFieldOf('orders.0.customerOrderNo')).toEqual({ field: ['externalReference'] });
    // The gateway's own configuration is no field of the client's.
    expect(placementFieldOf('channelId')).toEqual({});
    expect(adjustmentFieldOf('inventories.3.productSKU')).toEqual({ field: ['adjustments', '3', 'sku'] });
  });

  it('tells a duplicate orderNo from a reused customer order number and from unfinished transactions', () => {
    expect(isDuplicateOrderFailure(failed('The order SG-1 is already existed on our system.'), 'SG-1')).toBe(true);
    expect(isDuplicateOrderFailure(failed('The customer order number C-1 of order SG-1 is already existed on our system.'))).toBe(false);
    expect(isDuplicateOrderFailure({ ...failed('The order SG-1 is already existed on our system.'), status: 'PROCESSING' })).toBe(false);
    expect(placementFailureRefusals(failed('The carrier code is not valid or supported for the order SG-1.', 'Something else.'))).toEqual([
      { code: 'VALIDATION', message: 'The carrier code is not valid or supported for the order SG-1.', field: ['shippingMethod', 'carrier'] },
      { code: 'VALIDATION', message: 'Something else.' },
    ]);
  });
});
