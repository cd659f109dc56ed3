import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SupplierContractError } from '../../src/domain/errors.ts';
import { ORDER_STATUSES } from '../../src/domain/status.ts';
import { mapOrBreach } from '../../src/suppliers/shared/contract.ts';
import { toOrder } from '../../src/suppliers/ordersapi/mapping.ts';
import { ORDERSAPI_ORDER_STATUS } from '../../src/suppliers/ordersapi/status-map.ts';
import { OrderWire } from '../../src/suppliers/ordersapi/wire.ts';

const spec = parse(readFileSync(new URL('../../openapi/ordersapi.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: { KnownOrderStatus: { enum: string[] } } };
};

/** Every status the ordersapi document names: only `created`, which every new order gets. */
const DOCUMENTED: [string, string][] = [['created', 'PENDING']];

const order = (status: string) =>
  OrderWire.parse({
    order_id: 'OR00001',
    partner_name: 'supplygraph',
    customer_reference: 'sg-1',
    status,
    total_amount: '21.98',
    currency: 'USD',
    items: [{ order_item_id: 'OI1', product_id: 'PR00001', sku: 'BR-4001', product_name: 'All Day IPA', quantity: 2, unit_price: '10.99', line_total: '21.98' }],
  });

describe('ordersapi status map', () => {
  it('covers exactly the statuses the spec names, each onto a unified status', () => {
    expect(Object.keys(ORDERSAPI_ORDER_STATUS).sort()).toEqual([...spec.components.schemas.KnownOrderStatus.enum].sort());
    expect(DOCUMENTED.map(([status]) => status)).toEqual(Object.keys(ORDERSAPI_ORDER_STATUS));
    for (const status of Object.values(ORDERSAPI_ORDER_STATUS)) expect(ORDER_STATUSES).toContain(status);
  });

  it.each(DOCUMENTED)('reads an order in status %s as %s, keeping the raw status', (status, unified) => {
    const mapped = toOrder(order(status));
    expect(mapped.status).toBe(unified);
    expect(mapped.supplierStatus).toBe(status);
  });

  it('passes an undocumented status through the wire but reports it as a contract error naming it', () => {
    // The spec keeps the status an open set so the answer parses; the gateway must not guess.
    const wire = order('shipped');
    const failure = (() => {
      try {
        return mapOrBreach('ordersapi', 'getOrder', () => toOrder(wire));
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect((failure as SupplierContractError).message).toContain('"shipped"');
    expect((failure as SupplierContractError).extensions).toMatchObject({ code: 'SUPPLIER_CONTRACT_VIOLATION', supplier: 'ordersapi' });
  });
});
