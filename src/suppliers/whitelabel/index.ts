import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierDescriptor } from '../operations.ts';

/** WhiteLabel Peptides: catalog, orders, wallet, shipment admin, tracking and delta sync. */
export const whitelabel = {
  id: 'whitelabel',
  name: SUPPLIER_NAMES.whitelabel,
  operations: [
    'listProducts',
    'getProducts',
    'listOrders',
    'getOrders',
    'createOrder',
    'cancelOrder',
    'listShipments',
    'createShipment',
    'markShipmentShipped',
    'trackingUpdates',
    'acknowledgeTrackingUpdates',
    'orderUpdatesSince',
    'getInventory',
    'getWallet',
  ],
  rateLimits: [
    { scope: 'read', limit: 100, windowSeconds: 60 },
    { scope: 'write', limit: 30, windowSeconds: 60 },
  ],
} as const satisfies SupplierDescriptor;
