import type { CentreOrderStatus } from './lifecycle.ts';

/** A Centre customer, matched by email across orders. */
export interface CentreCustomer {
  customerId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

/** A shipping or billing address as the partner sent it (billing fields are all optional). */
export interface CentreAddress {
  firstName?: string;
  lastName?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
}

/** One order line with the channel price applied at creation (the request's prices are ignored). */
export interface CentreOrderLine {
  variantId: string;
  sku: string;
  name: string;
  /** what the partner sent as variantId: the id or the SKU */
  requested: string;
  quantity: number;
  /** USD cents */
  unitPriceCents: number;
}

/** An order on a channel, seeded or placed; money in USD cents. */
export interface CentreOrder {
  orderId: string;
  orderNumber: string;
  channelId: string;
  partnerOrderId: string;
  status: CentreOrderStatus;
  /** ISO 8601 */
  createdAt: string;
  customer: CentreCustomer;
  shippingAddress: CentreAddress;
  billingAddress: CentreAddress;
  items: CentreOrderLine[];
  /** "seed" for the seeded history, "api" for orders placed through createOrder */
  source: 'seed' | 'api';
}

/** A createOrder body that passed validation. */
export interface ValidCreateOrder {
  partnerOrderId: string;
  customer: { firstName: string; lastName: string; email: string; phone?: string };
  shippingAddress: CentreAddress;
  billingAddress?: CentreAddress;
  items: { variantId: string; quantity: number }[];
}
