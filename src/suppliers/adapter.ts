import type { Money } from '../domain/money.ts';
import type {
  CurrencyConversionModel,
  InventoryLevelModel,
  OrderModel,
  ProductModel,
  ReorderRecommendationModel,
  SalesChannelModel,
  ShipmentModel,
  TrackingUpdateModel,
  TransactionModel,
  WalletModel,
} from '../domain/models.ts';
import type { OrderStatus, ShipmentStatus } from '../domain/status.ts';
import type { NewSalesChannel, SmartReorderEntry, SmartReorderRecordModel } from './admin-writes.ts';
import type { SupplierHealth } from './http/resilience.ts';
import type { SupplierDescriptor, SupplierOperation } from './operations.ts';
import type { ChangeOutcome, SupplierWrites } from './writes.ts';

/** A slice of a supplier's list: items [offset, offset + limit) of its own sequence. */
export interface ListWindow {
  offset: number;
  limit: number;
}

/** The slice's items and whether the sequence goes on after it. */
export interface WindowPage<T> {
  items: T[];
  hasMore: boolean;
}

export interface ProductListFilter {
  search?: string | null;
  skus?: readonly string[] | null;
}

/**
 * What a supplier may filter its order list by. Not the client's reference: a supplier knows only
 * its own (for orders the gateway placed, often the gateway's token), so that filter is the
 * gateway's alone, matched against what the field shows.
 */
export interface OrderListFilter {
  statuses?: readonly OrderStatus[] | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
}

export interface ShipmentListFilter {
  statuses?: readonly ShipmentStatus[] | null;
  supplierOrderIds?: readonly string[] | null;
  acknowledged?: boolean | null;
}

/** One order's new status in a supplier's delta feed. */
export interface OrderChange {
  supplierOrderId: string;
  status: OrderStatus;
  supplierStatus: string;
  /** when the supplier changed the order (ISO 8601, UTC) */
  changedAt: string;
}

/** A page of a delta feed; pass nextSince as the next `since` while hasMore. */
export interface OrderChangesPage {
  changes: OrderChange[];
  hasMore: boolean;
  nextSince: string;
}

/** The batch reads a loader groups ids for. */
export type BatchRead = 'getProducts' | 'getOrders' | 'getShipmentsByOrder' | 'getTransactions';

/** The most ids one call of a batch read takes, where the supplier documents a maximum. */
export type BatchSizes = Partial<Record<BatchRead, number>>;

export interface InventoryListFilter {
  skus?: readonly string[] | null;
  warehouseCodes?: readonly string[] | null;
}

/**
 * What one supplier's adapter can do, in the unified model. Every method is optional: the ones an
 * adapter implements are its capabilities, and nothing else is (see capabilitiesOf).
 *
 * List methods return the supplier's sequence in the gateway's order (orders newest first) and may
 * push filters down; the gateway applies every filter again, so pushing down is only an economy.
 * Batch methods return exactly one entry per id, in id order, null for an id the supplier lacks.
 * Every method throws SupplierUnavailableError or SupplierContractError when the supplier fails.
 */
export interface SupplierAdapter extends SupplierWrites {
  readonly descriptor: SupplierDescriptor;
  /** ids per call of each batch read, so the gateway batches as widely as the supplier allows (default 500) */
  readonly batchSizes?: BatchSizes;
  listProducts?(window: ListWindow, filter: ProductListFilter): Promise<WindowPage<ProductModel>>;
  getProducts?(ids: readonly string[]): Promise<(ProductModel | null)[]>;
  listOrders?(window: ListWindow, filter: OrderListFilter): Promise<WindowPage<OrderModel>>;
  getOrders?(ids: readonly string[]): Promise<(OrderModel | null)[]>;
  listShipments?(window: ListWindow, filter: ShipmentListFilter): Promise<WindowPage<ShipmentModel>>;
  /** the shipments of each order, one list per order id (empty when none) */
  getShipmentsByOrder?(supplierOrderIds: readonly string[]): Promise<ShipmentModel[][]>;
  /**
   * Its orders come without their shipments, which getShipmentsByOrder reads by order id alone:
   * a query that wants them can ask together with (an order by id) or right after (a page) the orders.
   */
  readonly shipmentsApart?: boolean;
  getInventory?(filter: InventoryListFilter): Promise<InventoryLevelModel[]>;
  getWallet?(): Promise<WalletModel>;
  getTransactions?(handles: readonly string[]): Promise<(TransactionModel | null)[]>;
  listSalesChannels?(): Promise<SalesChannelModel[]>;
  trackingUpdates?(): Promise<TrackingUpdateModel[]>;
  /** orders changed strictly after `since` (an instant or a previous nextSince), oldest first; for live updates */
  orderChangesSince?(since: string): Promise<OrderChangesPage>;
  /** the shipments whose tracking the merchant has not acknowledged yet; for live updates */
  pendingTrackingShipments?(): Promise<ShipmentModel[]>;
  reorderRecommendations?(date: string | null): Promise<ReorderRecommendationModel[]>;
  convertCurrency?(amount: Money): Promise<CurrencyConversionModel>;
  createSalesChannel?(channel: NewSalesChannel): Promise<ChangeOutcome<SalesChannelModel>>;
  /** replaces the merchant's smart reordering data with these products' */
  submitSmartReorderData?(entries: readonly SmartReorderEntry[]): Promise<ChangeOutcome<SmartReorderRecordModel>>;
  /** the breaker, rate budgets and calls in flight toward this supplier; absent when not tracked */
  health?(): SupplierHealth;
}

const ADAPTER_METHODS = [
  'listProducts',
  'getProducts',
  'listOrders',
  'getOrders',
  'listShipments',
  'getShipmentsByOrder',
  'getInventory',
  'getWallet',
  'getTransactions',
  'listSalesChannels',
  'trackingUpdates',
  'reorderRecommendations',
  'convertCurrency',
  'createOrder',
  'cancelOrder',
  'updateOrderStatus',
  'acknowledgeOrders',
  'acknowledgeShipments',
  'acknowledgeTrackingUpdates',
  'createShipment',
  'markShipmentShipped',
  'adjustInventory',
  'submitSalesReport',
  'createSalesChannel',
  'submitSmartReorderData',
] as const satisfies readonly (keyof SupplierAdapter & SupplierOperation)[];

/** The operations an adapter implements: the one source of `Supplier.capabilities`. */
export function capabilitiesOf(adapter: SupplierAdapter): SupplierOperation[] {
  return ADAPTER_METHODS.filter((method) => typeof adapter[method] === 'function');
}
