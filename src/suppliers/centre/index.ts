import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierDescriptor } from '../operations.ts';

/** Centre Research: order creation only; the gateway's journal is its read side. */
export const centre = {
  id: 'centre',
  name: SUPPLIER_NAMES.centre,
  operations: ['createOrder'],
  rateLimits: [
    { scope: 'all', limit: 100, windowSeconds: 60 },
    { scope: 'all', limit: 200, windowSeconds: 10 },
  ],
} as const satisfies SupplierDescriptor;
