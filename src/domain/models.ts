import type { Money } from './money.ts';
import type { SupplierId } from './supplier.ts';

/**
 * The unified model the resolvers serve. Adapters map supplier shapes into these; resolvers never
 * see a supplier's wire format. Ids here are supplier-native; global ids are made at the edge.
 */
export interface SupplierModel {
  id: SupplierId;
}

export interface ProductModel {
  supplier: SupplierId;
  supplierProductId: string;
  sku: string;
  name: string;
  description?: string | null;
  category?: string | null;
  price: Money | null;
  retailPrice?: Money | null;
  available?: boolean | null;
  minQuantity?: number | null;
  maxQuantity?: number | null;
  imageUrls: string[];
  updatedAt?: string | null;
}

export interface WarehouseModel {
  code: string;
  name?: string | null;
}

export interface InventoryLevelModel {
  supplier: SupplierId;
  sku: string;
  warehouse: WarehouseModel | null;
  available: number;
  onHand: number | null;
  discontinued?: boolean | null;
  nextAvailableAt?: string | null;
}

export interface OrderLineModel {
  supplier: SupplierId;
  sku: string;
  supplierProductId?: string | null;
  name?: string | null;
  quantity: number;
  unitPrice: Money | null;
  lineTotal?: Money | null;
  supplierStatus?: string | null;
}

export interface OrderModel {
  supplier: SupplierId;
  supplierOrderId: string;
  externalReference: string | null;
  supplierStatus: string;
  createdAt: string | null;
  updatedAt?: string | null;
  lines: OrderLineModel[];
  total: Money | null;
  /** native shipment ids or embedded shipments, as the adapter found them */
  shipments?: ShipmentModel[];
  transactionHandle?: string | null;
  acknowledged?: boolean | null;
}

export interface ShipmentModel {
  supplier: SupplierId;
  supplierShipmentId: string;
  supplierOrderId: string | null;
  supplierStatus: string | null;
  carrier: string | null;
  service?: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelUrl?: string | null;
  cost?: Money | null;
  shippedAt?: string | null;
  acknowledged?: boolean | null;
}

export interface WalletModel {
  supplier: SupplierId;
  balance: Money;
  reserved: Money;
  available: Money;
  pendingPayments?: number | null;
}

export interface TransactionModel {
  supplier: SupplierId;
  handle: string;
  kind: string;
  supplierStatus: string;
  submittedAt: string | null;
  completedAt: string | null;
  errors: { index: number | null; message: string }[];
  supplierOrderIds: string[];
}
