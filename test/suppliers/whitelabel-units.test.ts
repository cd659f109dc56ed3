import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ORDER_STATUSES, SHIPMENT_STATUSES } from '../../src/domain/status.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { toOrder, toWallet } from '../../src/suppliers/whitelabel/mapping.ts';
import { planPages } from '../../src/suppliers/whitelabel/paging.ts';
import { statusPushdown, WHITELABEL_ORDER_STATUS, WHITELABEL_SHIPMENT_STATUS } from '../../src/suppliers/whitelabel/status-map.ts';
import { OrderWire, WalletWire } from '../../src/suppliers/whitelabel/wire.ts';
import { parseSupplierJson } from '../../src/suppliers/http/json.ts';

const spec = parse(readFileSync(new URL('../../openapi/whitelabel.yaml', import.meta.url), 'utf8'));
const specEnum = (name: string): string[] => spec.components.schemas[name].enum;

describe('whitelabel status maps', () => {
  it('map exactly the order statuses the spec documents, each onto a unified status', () => {
    expect(Object.keys(WHITELABEL_ORDER_STATUS).sort()).toEqual([...specEnum('OrderStatus')].sort());
    for (const status of Object.values(WHITELABEL_ORDER_STATUS)) expect(ORDER_STATUSES).toContain(status);
    expect(WHITELABEL_ORDER_STATUS).toMatchObject({
      RECEIVED: 'PENDING',
      AWAITING_FUNDS: 'AWAITING_PAYMENT',
      FUNDED: 'PAID',
      PICKING: 'PROCESSING',
      ON_HOLD_COMPLIANCE: 'ON_HOLD',
      COMPLETE: 'DELIVERED',
      REFUNDED: 'REFUNDED',
    });
  });

  it('map exactly the shipment statuses the spec documents', () => {
    expect(Object.keys(WHITELABEL_SHIPMENT_STATUS).sort()).toEqual([...specEnum('ShipmentStatus')].sort());
    for (const [from, to] of Object.entries(WHITELABEL_SHIPMENT_STATUS)) {
      expect(SHIPMENT_STATUSES).toContain(to);
      expect(to).toBe(from);
    }
  });

  it('push a status filter down only when it covers exactly one WhiteLabel status', () => {
    expect(statusPushdown(['PAID'])).toBe('FUNDED');
    expect(statusPushdown(['SHIPPED', 'COMPLETED'])).toBe('SHIPPED');
    expect(statusPushdown(['PROCESSING'])).toBeUndefined();
    expect(statusPushdown(['PAID', 'SHIPPED'])).toBeUndefined();
    expect(statusPushdown(['COMPLETED', 'PARTIALLY_PAID'])).toBe('none');
    expect(statusPushdown([])).toBeUndefined();
    expect(statusPushdown(null)).toBeUndefined();
  });
});

describe('whitelabel page planning', () => {
  it('puts a window in one page of the smallest size that holds it', () => {
    expect(planPages({ offset: 0, limit: 20 }, 100)).toEqual({ size: 20, pages: [1], skip: 0 });
    expect(planPages({ offset: 40, limit: 20 }, 100)).toEqual({ size: 20, pages: [3], skip: 0 });
    expect(planPages({ offset: 45, limit: 10 }, 100)).toEqual({ size: 11, pages: [5], skip: 1 });
  });

  it('uses two pages when no size up to the maximum holds the window, and pages of the maximum past it', () => {
    expect(planPages({ offset: 99, limit: 100 }, 100)).toEqual({ size: 100, pages: [1, 2], skip: 99 });
    expect(planPages({ offset: 150, limit: 150 }, 100)).toEqual({ size: 100, pages: [2, 3], skip: 50 });
  });

  it('covers every window exactly, whatever its offset and limit', () => {
    for (let offset = 0; offset < 300; offset += 7) {
      for (const limit of [1, 3, 10, 33, 64, 100, 101, 250]) {
        const { size, pages, skip } = planPages({ offset, limit }, 100);
        expect(size).toBeLessThanOrEqual(100);
        expect((pages[0]! - 1) * size + skip).toBe(offset);
        expect(pages.length * size - skip).toBeGreaterThanOrEqual(limit);
        if (limit <= 100) expect(pages.length).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('whitelabel mapping', () => {
  const order = (extra: string) =>
    OrderWire.parse(
      parseSupplierJson(`{"id":"o1","woo_order_id":"1001","status":"SHIPPED","currency":"USD","subtotal_cents":5000,
        "total_estimate_cents":5895,"actual_total_cents":${extra},"order_items":[{"id":"i1","supplier_sku":"BPC-157-5MG",
        "name":"BPC","qty":2,"wholesale_price_cents":2500,"line_total_cents":5000}],"shipments":[],
        "created_at":"2026-10-01T12:00:00+02:00","updated_at":"2026-10-01T10:00:00Z"}`),
    );

  it('reads cents exactly, even beyond 2^53 or written with a zero fraction', () => {
    expect(toDecimalString(toOrder(order('90071992547409930')).total!)).toBe('900719925474099.30');
    expect(toDecimalString(toOrder(order('6150.0')).total!)).toBe('61.50');
    expect(toDecimalString(toOrder(order('null')).total!)).toBe('58.95');
    expect(() => order('6150.5')).toThrow();
  });

  it('normalises timestamps to UTC and names line products by SKU', () => {
    const mapped = toOrder(order('6150'));
    expect(mapped.createdAt).toBe('2026-10-01T10:00:00.000Z');
    expect(mapped.lines[0]).toMatchObject({ sku: 'BPC-157-5MG', supplierProductId: 'BPC-157-5MG', quantity: 2 });
  });

  it('throws a RangeError naming an undocumented status', () => {
    const wire = { ...order('null'), status: 'TELEPORTED' };
    expect(() => toOrder(wire)).toThrow(/TELEPORTED/);
  });

  it('reads a negative wallet balance exactly', () => {
    const wallet = toWallet(WalletWire.parse({ balance_cents: -1205, reserved_cents: 0, available_cents: -1205, currency: 'USD', pending_payments: 2 }));
    expect(toDecimalString(wallet.available)).toBe('-12.05');
  });
});
