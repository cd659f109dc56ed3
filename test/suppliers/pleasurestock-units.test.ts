import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SupplierContractError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { ORDER_STATUSES } from '../../src/domain/status.ts';
import { parseSupplierJson } from '../../src/suppliers/http/json.ts';
import { mapped } from '../../src/suppliers/pleasurestock/answers.ts';
import { BoundedMap } from '../../src/suppliers/pleasurestock/bounded-map.ts';
import { toOrderFromDetail } from '../../src/suppliers/pleasurestock/mapping.ts';
import { splitWindow } from '../../src/suppliers/pleasurestock/paging.ts';
import { PLEASURESTOCK_ORDER_STATUS, statusPushdown } from '../../src/suppliers/pleasurestock/status-map.ts';
import { OrderDetailWire } from '../../src/suppliers/pleasurestock/wire.ts';

const spec = parse(readFileSync(new URL('../../openapi/pleasurestock.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: { OrderStatus: { enum: string[] } } };
};

/** An order detail as the wire carries it: JSON-number money, parsed losslessly as the adapter does. */
const detail = (status: string) =>
  OrderDetailWire.parse(
    parseSupplierJson(
      `{"orderNumber":"ORD-20251103-78XZ70","externalOrderId":null,"status":"${status}","currency":"USD",` +
        `"items":[{"psId":"ps_abcdefghij","name":"A","sku":"S-1","quantity":3,"unitPrice":0.1,"totalPrice":0.30,"currency":"USD"}],` +
        `"totalAmount":0.30,"createdAt":"2025-11-03T10:00:00Z"}`,
    ),
  );

describe('pleasurestock status map', () => {
  it('maps exactly the statuses the spec documents, each onto a unified status', () => {
    expect(Object.keys(PLEASURESTOCK_ORDER_STATUS).sort()).toEqual([...spec.components.schemas.OrderStatus.enum].sort());
    for (const status of Object.values(PLEASURESTOCK_ORDER_STATUS)) expect(ORDER_STATUSES).toContain(status);
  });

  it('turns an undocumented status into a contract error naming it, never a default', () => {
    const failure = (() => {
      try {
        return mapped('getOrder', () => toOrderFromDetail(detail('teleported')));
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect(String((failure as Error).message)).toMatch(/teleported/);
  });

  it('pushes down a filter only when it maps onto exactly one status', () => {
    expect(statusPushdown(['SHIPPED'])).toEqual({ kind: 'one', status: 'on_the_way' });
    expect(statusPushdown(['SHIPPED', 'REFUNDED'])).toEqual({ kind: 'one', status: 'on_the_way' });
    expect(statusPushdown(['PAID', 'COMPLETED'])).toEqual({ kind: 'all' });
    expect(statusPushdown(['REFUNDED'])).toEqual({ kind: 'none' });
    expect(statusPushdown([])).toEqual({ kind: 'all' });
    expect(statusPushdown(null)).toEqual({ kind: 'all' });
  });
});

describe('pleasurestock order mapping', () => {
  it('reads JSON-number money without a float', () => {
    const order = toOrderFromDetail(detail('paid'));
    expect(toDecimalString(order.total!)).toBe('0.30');
    expect(toDecimalString(order.lines[0]!.unitPrice!)).toBe('0.10');
    expect(order.status).toBe('PAID');
  });
});

describe('pleasurestock paging helpers', () => {
  it('cuts a window into supplier-sized windows covering it exactly', () => {
    expect(splitWindow({ offset: 10, limit: 250 }, 100)).toEqual([
      { offset: 10, limit: 100 },
      { offset: 110, limit: 100 },
      { offset: 210, limit: 50 },
    ]);
    expect(splitWindow({ offset: 5, limit: 100 }, 100)).toEqual([{ offset: 5, limit: 100 }]);
    expect(splitWindow({ offset: 5, limit: 0 }, 100)).toEqual([{ offset: 5, limit: 1 }]);
  });

  it('forgets the least recently used entry beyond its capacity', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([1, undefined, 3, 2]);
  });
});
