import type { SupplierId } from '../domain/supplier.ts';

/**
 * Everything an adapter may offer. `Supplier.capabilities` lists the ones a supplier's adapter
 * declares; calling any other fails with UNSUPPORTED_BY_SUPPLIER.
 */
export const SUPPLIER_OPERATIONS = [
  'listProducts',
  'getProducts',
  'listOrders',
  'getOrders',
  'createOrder',
  'cancelOrder',
  'updateOrderStatus',
  'listShipments',
  'getShipmentsByOrder',
  'createShipment',
  'markShipmentShipped',
  'acknowledgeOrders',
  'acknowledgeShipments',
  'trackingUpdates',
  'acknowledgeTrackingUpdates',
  'orderUpdatesSince',
  'getInventory',
  'adjustInventory',
  'getWallet',
  'getTransactions',
  'listSalesChannels',
  'submitSalesReport',
  'reorderRecommendations',
  'convertCurrency',
  'orderWebhooks',
  'createSalesChannel',
  'submitSmartReorderData',
] as const;

export type SupplierOperation = (typeof SUPPLIER_OPERATIONS)[number];

/** A limit a supplier documents; the gateway keeps its own traffic inside it. */
export interface DocumentedRateLimit {
  scope: 'all' | 'read' | 'write' | 'standard' | 'external' | 'smartReordering';
  limit: number;
  windowSeconds: number;
}

/** What the gateway knows of a supplier before it calls it. */
export interface SupplierDescriptor {
  id: SupplierId;
  name: string;
  rateLimits: readonly DocumentedRateLimit[];
}
