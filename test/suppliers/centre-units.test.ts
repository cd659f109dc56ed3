import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ORDER_STATUSES } from '../../src/domain/status.ts';
import { toPlacedOrder } from '../../src/suppliers/centre/placement.ts';
import { CENTRE_ORDER_STATUS } from '../../src/suppliers/centre/status-map.ts';
import type { PlacementRequest } from '../../src/suppliers/writes.ts';

const spec = parse(readFileSync(new URL('../../openapi/centre.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: { OrderStatus: { enum: string[] } } };
};

/** Every status Centre's document lists ("Order Status Flow"), and what the gateway reads it as. */
const DOCUMENTED: [string, string][] = [
  ['PENDING', 'PENDING'],
  ['PROCESSING', 'PROCESSING'],
  // a label is being prepared; nothing is with a carrier yet
  ['LABEL_CREATED', 'PROCESSING'],
  ['SHIPPED', 'SHIPPED'],
  ['DELIVERED', 'DELIVERED'],
  ['CANCELLED', 'CANCELLED'],
  ['REFUNDED', 'REFUNDED'],
  ['ON_HOLD', 'ON_HOLD'],
];

const REQUEST: PlacementRequest = {
  token: 'sg-centre-units',
  externalReference: 'WEB-1',
  customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  shippingAddress: { address1: '1 Way', city: 'Los Angeles', state: 'CA', postalCode: '90001', country: 'US' },
  lines: [{ supplierProductId: 'V-1', sku: 'SKU-1', quantity: 2 }],
};
const PRICE_LIST = [{ variantId: 'V-1', sku: 'SKU-1', name: 'One', priceCents: 1250 }];

describe('centre status map', () => {
  it('covers exactly the statuses the spec (and the document) list, each onto a unified status', () => {
    expect(Object.keys(CENTRE_ORDER_STATUS).sort()).toEqual([...spec.components.schemas.OrderStatus.enum].sort());
    expect(DOCUMENTED.map(([status]) => status).sort()).toEqual(Object.keys(CENTRE_ORDER_STATUS).sort());
    for (const status of Object.values(CENTRE_ORDER_STATUS)) expect(ORDER_STATUSES).toContain(status);
  });

  it.each(DOCUMENTED)('reads a placed order in status %s as %s, keeping the raw status', (status, unified) => {
    const order = toPlacedOrder({ orderId: 'c-1', status }, REQUEST, PRICE_LIST, null);
    expect(order.status).toBe(unified);
    expect(order.supplierStatus).toBe(status);
  });

  it('refuses an undocumented status by name instead of guessing one', () => {
    expect(() => toPlacedOrder({ orderId: 'c-1', status: 'TELEPORTED' }, REQUEST, PRICE_LIST, null)).toThrow(
      new RangeError('unknown order status "TELEPORTED"'),
    );
    // Status names are exact: Centre writes them in capitals.
    expect(() => toPlacedOrder({ orderId: 'c-1', status: 'pending' }, REQUEST, PRICE_LIST, null)).toThrow(RangeError);
  });
});
