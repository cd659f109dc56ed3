import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierDescriptor } from '../operations.ts';

/** Cenports: orders, shipments, inventory and channels; its writes are asynchronous transactions. */
export const cenports = {
  id: 'cenports',
  name: SUPPLIER_NAMES.cenports,
  operations: [
    'listOrders',
    'getOrders',
    'createOrder',
    'acknowledgeOrders',
    'listShipments',
    'acknowledgeShipments',
    'getInventory',
    'adjustInventory',
    'getTransactions',
    'listSalesChannels',
  ],
  rateLimits: [{ scope: 'all', limit: 60, windowSeconds: 60 }],
} as const satisfies SupplierDescriptor;
