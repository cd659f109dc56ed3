import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierDescriptor } from '../operations.ts';

/** PleasureStock: a large paged catalog with ?ids= batching, split orders, sales and webhooks. */
export const pleasurestock = {
  id: 'pleasurestock',
  name: SUPPLIER_NAMES.pleasurestock,
  operations: [
    'listProducts',
    'getProducts',
    'listOrders',
    'getOrders',
    'createOrder',
    'cancelOrder',
    'updateOrderStatus',
    'submitSalesReport',
    'reorderRecommendations',
    'convertCurrency',
    'orderWebhooks',
  ],
  rateLimits: [
    { scope: 'standard', limit: 1000, windowSeconds: 3600 },
    { scope: 'external', limit: 5000, windowSeconds: 3600 },
    { scope: 'smartReordering', limit: 100, windowSeconds: 3600 },
  ],
} as const satisfies SupplierDescriptor;
