import type { Money } from './money.ts';
import type { OrderStatus, ShipmentStatus, TransactionStatus } from './status.ts';
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
  address?: AddressModel | null;
}

export interface AddressModel {
  firstName?: string | null;
  lastName?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  phone?: string | null;
}

export interface CustomerModel {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface InventoryLevelModel {
  supplier: SupplierId;
  sku: string;
  /** the product's native id where the supplier's stock names one (often the SKU itself) */
  supplierProductId?: string | null;
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
  /** the supplier status mapped through the adapter's total status map */
  status: OrderStatus;
  supplierStatus: string;
  createdAt: string | null;
  updatedAt?: string | null;
  lines: OrderLineModel[];
  total: Money | null;
  /** the order's shipments when the supplier sends them with the order; absent: ask the adapter */
  shipments?: ShipmentModel[];
  transactionHandle?: string | null;
  acknowledged?: boolean | null;
  customer?: CustomerModel | null;
  shippingAddress?: AddressModel | null;
}

export interface ShipmentModel {
  supplier: SupplierId;
  supplierShipmentId: string;
  supplierOrderId: string | null;
  status: ShipmentStatus;
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
  status: TransactionStatus;
  supplierStatus: string;
  submittedAt: string | null;
  completedAt: string | null;
  errors: { index: number | null; message: string }[];
  supplierOrderIds: string[];
}

export interface SalesChannelModel {
  supplier: SupplierId;
  channelId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  location?: string | null;
}

export interface TrackingUpdateModel {
  supplier: SupplierId;
  supplierOrderId: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  updatedAt: string | null;
}

export interface ReorderRecommendationModel {
  supplier: SupplierId;
  supplierProductId: string | null;
  sku: string;
  name: string | null;
  recommendedQuantity: number;
  currentStock: number | null;
  /** decimal strings as the supplier gave them */
  averageDailySales: string | null;
  forecastAccuracy: string | null;
  calculatedAt: string | null;
}

export interface CurrencyConversionModel {
  original: Money;
  converted: Money;
  rate: string;
  rateUpdatedAt: string | null;
}
