import type { Money } from '../domain/money.ts';
import type { AddressModel, CustomerModel, OrderModel, ShipmentModel, TransactionModel } from '../domain/models.ts';
import type { OrderStatus } from '../domain/status.ts';

/**
 * The write side of an adapter. Every method is optional (absent = not a capability). Business
 * refusals are returned as `rejected` with codes; an outage or an unknown outcome (timeout, reset,
 * 5xx after sending) is thrown as SupplierUnavailableError, and for placements the gateway then
 * calls findPlacement before it ever sends again (createOrder is the placement).
 */
export interface PlacementLine {
  /** the product's native id at this supplier (what getProducts takes) */
  supplierProductId: string;
  sku: string;
  name?: string | null;
  quantity: number;
  /** the supplier's price for one unit, where the catalog knows it */
  unitPrice?: Money | null;
  /** the end customer's price for one unit, where the client sent it */
  retailPrice?: Money | null;
}

/** One supplier's part of a cart, as the gateway asks it to be placed. */
export interface PlacementRequest {
  /**
   * The supplier-side idempotency token derived from the client's key and this supplier:
   * 1–40 characters of [A-Za-z0-9-], stable across retries. Send it where the supplier keeps a
   * reference (partnerOrderId, woo_order_id, externalOrderId, customer_reference, orderNo).
   */
  token: string;
  externalReference: string;
  customer: CustomerModel & { firstName: string; lastName: string; email: string };
  shippingAddress: AddressModel;
  billingAddress?: AddressModel | null;
  shippingMethod?: { carrier: string; service: string } | null;
  note?: string | null;
  lines: PlacementLine[];
}

/** A business or validation refusal: nothing was placed or changed. */
export interface SupplierRefusal {
  /** stable code, e.g. INSUFFICIENT_FUNDS, PRICE_NOT_CONFIGURED, UNKNOWN_PRODUCT, INVALID_QUANTITY, UNAVAILABLE, INVALID_TRANSITION, VALIDATION */
  code: string;
  message: string;
  /** index into PlacementRequest.lines when one line is at fault */
  line?: number;
  /** the input field at fault, relative to the request (e.g. ['shippingAddress', 'state']) */
  field?: string[];
}

/**
 * `answer` is the supplier's answer as the adapter parsed it (never credentials), kept in the
 * gateway's journal beside the order; absent where the adapter has none to hand over.
 */
export type PlacementOutcome =
  /** placed now or found placed earlier (the supplier's own idempotency or a lookup) */
  | { kind: 'placed'; orders: OrderModel[]; answer?: unknown }
  /** accepted for asynchronous processing (Cenports): follow the transaction */
  | { kind: 'submitted'; transaction: TransactionModel; answer: unknown }
  | { kind: 'rejected'; refusals: SupplierRefusal[] };

export type ChangeOutcome<T> = { kind: 'done'; value: T } | { kind: 'rejected'; refusals: SupplierRefusal[] };

export interface InventoryAdjustment {
  sku: string;
  quantity: number;
  type: 'TRUE_UP' | 'DIFFERENTIAL';
}

export interface SalesEntry {
  supplierProductId: string;
  /** YYYY-MM-DD */
  date: string;
  quantity: number;
  stockOnHand?: number | null;
}

export interface SupplierWrites {
  /**
   * True where the supplier itself refuses a second order under one token (Centre's
   * partnerOrderId, WhiteLabel's woo_order_id, Cenports' orderNo): sending again after an unknown
   * outcome can never make a second order, so a retry need not wait for the first to settle.
   */
  readonly refusesDuplicateTokens?: boolean;
  /** supplier rules checked before any call (no I/O); a non-empty answer means nothing is sent */
  validatePlacement?(request: PlacementRequest): SupplierRefusal[];
  createOrder?(request: PlacementRequest): Promise<PlacementOutcome>;
  /**
   * After an unknown outcome: the placement made with this token, or null when the supplier has
   * none. Must not place anything new, except where re-sending the token is itself the
   * supplier's documented idempotent lookup (Centre, WhiteLabel).
   */
  findPlacement?(request: PlacementRequest): Promise<PlacementOutcome | null>;
  cancelOrder?(supplierOrderId: string, reason: string | null): Promise<ChangeOutcome<OrderModel>>;
  updateOrderStatus?(supplierOrderId: string, status: OrderStatus, comment: string | null): Promise<ChangeOutcome<OrderModel>>;
  acknowledgeOrders?(supplierOrderIds: readonly string[]): Promise<ChangeOutcome<OrderModel[]>>;
  acknowledgeShipments?(supplierOrderIds: readonly string[]): Promise<ChangeOutcome<TransactionModel>>;
  acknowledgeTrackingUpdates?(supplierOrderIds: readonly string[]): Promise<ChangeOutcome<number>>;
  createShipment?(supplierOrderId: string, input: { carrier: string; service: string; weightOz?: number | null }): Promise<ChangeOutcome<ShipmentModel>>;
  markShipmentShipped?(
    supplierShipmentId: string,
    input: { trackingNumber: string; trackingUrl?: string | null; carrier?: string | null; actualCost?: Money | null },
  ): Promise<ChangeOutcome<ShipmentModel>>;
  adjustInventory?(warehouseCode: string, adjustments: readonly InventoryAdjustment[]): Promise<ChangeOutcome<TransactionModel>>;
  submitSalesReport?(entries: readonly SalesEntry[]): Promise<ChangeOutcome<{ processed: number }>>;
}
