/** The simulator's internal model: money in integer cents, instants in epoch milliseconds. */

export type OrderStatus = 'Pending' | 'Processing' | 'Incompleted' | 'Shipped' | 'Delivered' | 'Cancelled';
export type LineItemStatus = 'pending' | 'shipped' | 'delivered' | 'cancelled';
export type ShipmentStatus = 'shipped' | 'in_transit' | 'delivered' | 'returned';
export type TransactionStatus = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';
export type TransactionKind = 'createOrders' | 'acknowledgeShipments' | 'updateInventories';

export interface Address {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  country: string;
  postalCode: string;
}

export interface Channel {
  channelId: string;
  channelName: string;
  channelEmail: string | null;
  channelPhone: string | null;
  location: string | null;
}

export interface Warehouse {
  code: string;
  name: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  owner: string;
}

export interface Product {
  sku: string;
  retailerSku: string | null;
  upc: string;
  name: string;
  priceCents: number;
  isDiscontinued: boolean;
  nextAvailabilityDate: string | null;
  nextAvailableQuantity: number | null;
}

export interface OrderLine {
  lineNumber: number;
  sku: string;
  quantity: number;
  priceCents: number;
  warehouseCode: string;
  status: LineItemStatus;
}

export interface Order {
  orderNo: string;
  customerOrderNo: string | null;
  channelId: string;
  orderDate: number;
  customerName: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  status: OrderStatus;
  billTo: Address & { name: string };
  shipTo: Address;
  carrierCode: string;
  serviceLevel: string;
  estimatedShipDate: string | null;
  lines: OrderLine[];
  subTotalCents: number;
  discountCents: number;
  shipCostCents: number;
  grandTotalCents: number;
  merchantMsg: string | null;
  retailerMsg: string | null;
  acknowledged: boolean;
}

export interface ShipmentItem {
  lineNumber: number;
  sku: string;
  quantity: number;
}

export interface Shipment {
  shipmentId: string;
  orderNo: string;
  channelId: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  shipDate: number;
  status: ShipmentStatus;
  warehouseCode: string;
  items: ShipmentItem[];
  acknowledged: boolean;
}

export interface TransactionError {
  index: number;
  message: string;
}

export interface Transaction {
  id: string;
  handle: string;
  kind: TransactionKind;
  submittedAt: number;
  /** when the sandbox settles it: submittedAt + transactionDelayMs */
  dueAt: number;
  /** set once settled */
  outcome?: { status: 'COMPLETED' | 'FAILED'; completedAt: number | null; errors: TransactionError[] };
  /** checks the work against the state at settle time and applies it only when nothing failed */
  process: () => TransactionError[];
}
