import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ORDER_STATUSES, SHIPMENT_STATUSES, TRANSACTION_STATUSES } from '../../src/domain/status.ts';
import { orderDateRange } from '../../src/suppliers/cenports/orders.ts';
import { commaLists, planPages } from '../../src/suppliers/cenports/paging.ts';
import {
  CENPORTS_ORDER_STATUS,
  CENPORTS_SHIPMENT_STATUS,
  CENPORTS_TRANSACTION_STATUS,
  canProduce,
} from '../../src/suppliers/cenports/status-map.ts';

const spec = parse(readFileSync(new URL('../../openapi/cenports.yaml', import.meta.url), 'utf8'));
const enumOf = (schema: string): string[] => spec.components.schemas[schema].enum;

describe('cenports status maps', () => {
  it.each([
    ['OrderStatus', CENPORTS_ORDER_STATUS, ORDER_STATUSES],
    ['ShipmentStatus', CENPORTS_SHIPMENT_STATUS, SHIPMENT_STATUSES],
    ['TransactionStatus', CENPORTS_TRANSACTION_STATUS, TRANSACTION_STATUSES],
  ] as const)('maps exactly the spec’s %s values onto unified statuses', (schema, map, unified) => {
    expect(Object.keys(map).sort()).toEqual([...enumOf(schema)].sort());
    for (const status of Object.values(map)) expect(unified).toContain(status);
  });

  it('reads partly shipped orders as still processing and QUEUED transactions as pending', () => {
    expect(CENPORTS_ORDER_STATUS.Incompleted).toBe('PROCESSING');
    expect(CENPORTS_SHIPMENT_STATUS.shipped).toBe('PICKED_UP');
    expect(CENPORTS_TRANSACTION_STATUS.QUEUED).toBe('PENDING');
  });

  it('rules out a status filter only when no Cenports status maps onto it', () => {
    expect(canProduce(CENPORTS_ORDER_STATUS, ['AWAITING_PAYMENT', 'REFUNDED'])).toBe(false);
    expect(canProduce(CENPORTS_ORDER_STATUS, ['REFUNDED', 'SHIPPED'])).toBe(true);
    expect(canProduce(CENPORTS_ORDER_STATUS, [])).toBe(true);
    expect(canProduce(CENPORTS_ORDER_STATUS, null)).toBe(true);
  });
});

describe('cenports paging plan', () => {
  it('puts a window in one page whenever a page size up to 300 allows it', () => {
    expect(planPages({ offset: 0, limit: 20 })).toEqual([{ page: 1, size: 20 }]);
    expect(planPages({ offset: 40, limit: 20 })).toEqual([{ page: 3, size: 20 }]);
    // 10..29 fits no page of 20, but one of 30 (items 0..29).
    expect(planPages({ offset: 10, limit: 20 })).toEqual([{ page: 1, size: 30 }]);
    // 290..309 sits in items 288..311, the 13th page of 24.
    expect(planPages({ offset: 290, limit: 20 })).toEqual([{ page: 13, size: 24 }]);
  });

  it('uses two pages of the window’s size when no single page holds it', () => {
    expect(planPages({ offset: 1, limit: 300 })).toEqual([
      { page: 1, size: 300 },
      { page: 2, size: 300 },
    ]);
  });

  it('covers a window wider than the largest page with pages of 300', () => {
    expect(planPages({ offset: 0, limit: 700 })).toEqual([1, 2, 3].map((page) => ({ page, size: 300 })));
  });

  it('checks every window up to 300 wide costs at most two calls and covers it exactly', () => {
    for (const limit of [1, 7, 50, 120, 299, 300]) {
      for (let offset = 0; offset < 1_000; offset += 37) {
        const pages = planPages({ offset, limit });
        expect(pages.length).toBeLessThanOrEqual(2);
        const first = (pages[0]!.page - 1) * pages[0]!.size;
        const end = pages.at(-1)!.page * pages.at(-1)!.size;
        expect(first).toBeLessThanOrEqual(offset);
        expect(end).toBeGreaterThanOrEqual(offset + limit);
      }
    }
  });
});

describe('cenports comma lists', () => {
  it('packs order numbers into lists of at most 255 characters, skipping numbers no list can carry', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `SG-${100_001 + i}`);
    const lists = commaLists([...ids, ids[0]!, 'A,B', ' padded']);
    expect(lists).toHaveLength(2);
    expect(lists.every((list) => list.length <= 255)).toBe(true);
    expect(lists.join(',').split(',')).toEqual(ids);
  });
});

describe('cenports order date pushdown', () => {
  it('widens the range to whole UTC days and fills an open side', () => {
    expect(orderDateRange({ createdAfter: '2026-10-01T23:30:00-02:00', createdBefore: '2026-10-05T00:00:00Z' })).toEqual({
      startDate: '2026-10-02',
      endDate: '2026-10-05',
    });
    expect(orderDateRange({ createdAfter: '2026-10-01T00:00:00Z' })).toEqual({ startDate: '2026-10-01', endDate: '9999-12-31' });
    expect(orderDateRange({})).toEqual({});
  });

  it('knows a reversed range matches nothing', () => {
    expect(orderDateRange({ createdAfter: '2026-10-05T00:00:00Z', createdBefore: '2026-10-01T00:00:00Z' })).toBeNull();
  });
});
