import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierDescriptor } from '../operations.ts';

/** The Orders API supplier: create, list and get orders; no idempotency, no cancel. */
export const ordersapi = {
  id: 'ordersapi',
  name: SUPPLIER_NAMES.ordersapi,
  operations: ['listOrders', 'getOrders', 'createOrder'],
  // Its document states no limit; none is claimed here.
  rateLimits: [],
} as const satisfies SupplierDescriptor;
