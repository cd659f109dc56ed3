import type { Random } from '../kit/index.ts';
import { CENTRE_SANDBOX_CHANNEL_ID } from './channels.ts';
import { cuidLike, orderNumber } from './ids.ts';
import { allowedTransitions, canTransition, type CentreOrderStatus } from './lifecycle.ts';
import { CENTRE_SANDBOX_PRICE_LIST, type CentrePriceListEntry } from './price-list.ts';
import type { CentreSeed } from './seed.ts';
import type { CentreCustomer, CentreOrder, CentreOrderLine, ValidCreateOrder } from './types.ts';

/** What a createOrder did to the state: created, found a duplicate, or refused a variant (nothing changed). */
export type PlaceResult =
  | { kind: 'created'; order: CentreOrder }
  | { kind: 'duplicate'; order: CentreOrder }
  | { kind: 'priceNotConfigured'; variantId: string };

/** What a control-route status change did. */
export type TransitionResult =
  | { kind: 'moved'; order: CentreOrder }
  | { kind: 'notFound' }
  | { kind: 'refused'; order: CentreOrder; allowed: readonly CentreOrderStatus[] };

/** The supplier's memory: orders per channel, customers by email, and the rules that change them. */
export class CentreState {
  readonly #orders: CentreOrder[] = [];
  readonly #byOrderId = new Map<string, CentreOrder>();
  readonly #byPartnerKey = new Map<string, CentreOrder>();
  readonly #customersByEmail = new Map<string, CentreCustomer>();

  constructor(
    seed: CentreSeed,
    private readonly random: Random,
    private readonly now: () => number,
  ) {
    for (const customer of seed.customers) this.#customersByEmail.set(customer.email.toLowerCase(), customer);
    for (const order of seed.orders) this.#remember(order);
  }

  /** Every order, seeded and placed, oldest first. */
  orders(): readonly CentreOrder[] {
    return this.#orders;
  }

  /** Orders placed through createOrder since the sandbox started. */
  placedOrders(): CentreOrder[] {
    return this.#orders.filter((order) => order.source === 'api');
  }

  order(orderId: string): CentreOrder | undefined {
    return this.#byOrderId.get(orderId);
  }

  findByPartnerOrderId(partnerOrderId: string, channelId = CENTRE_SANDBOX_CHANNEL_ID): CentreOrder | undefined {
    return this.#byPartnerKey.get(partnerKey(channelId, partnerOrderId));
  }

  customers(): CentreCustomer[] {
    return [...this.#customersByEmail.values()];
  }

  /**
   * Creates the order unless its partnerOrderId is taken on the channel (whatever the rest of the
   * body says) or a variant has no channel price; in both cases nothing changes.
   */
  place(channelId: string, request: ValidCreateOrder): PlaceResult {
    const existing = this.findByPartnerOrderId(request.partnerOrderId, channelId);
    if (existing) return { kind: 'duplicate', order: existing };
    const items: CentreOrderLine[] = [];
    for (const item of request.items) {
      const entry = lookupVariant(item.variantId);
      if (!entry || entry.priceCents === null) return { kind: 'priceNotConfigured', variantId: item.variantId };
      items.push({
        variantId: entry.variantId,
        sku: entry.sku,
        name: entry.name,
        requested: item.variantId,
        quantity: item.quantity,
        unitPriceCents: entry.priceCents,
      });
    }
    const createdMs = this.now();
    const order: CentreOrder = {
      orderId: cuidLike(this.random),
      orderNumber: orderNumber(this.random, createdMs),
      channelId,
      partnerOrderId: request.partnerOrderId,
      status: 'PENDING',
      createdAt: new Date(createdMs).toISOString(),
      customer: this.#matchCustomer(request.customer),
      shippingAddress: request.shippingAddress,
      billingAddress: request.billingAddress ?? request.shippingAddress,
      items,
      source: 'api',
    };
    this.#remember(order);
    return { kind: 'created', order };
  }

  /** Moves an order along the documented flow; refuses transitions the flow does not allow. */
  transition(orderId: string, to: CentreOrderStatus): TransitionResult {
    const order = this.#byOrderId.get(orderId);
    if (!order) return { kind: 'notFound' };
    if (!canTransition(order.status, to)) return { kind: 'refused', order, allowed: allowedTransitions(order.status) };
    order.status = to;
    return { kind: 'moved', order };
  }

  #remember(order: CentreOrder): void {
    this.#orders.push(order);
    this.#byOrderId.set(order.orderId, order);
    this.#byPartnerKey.set(partnerKey(order.channelId, order.partnerOrderId), order);
  }

  /** An existing customer with that email is reused as is, as the document says; else one is created. */
  #matchCustomer(customer: ValidCreateOrder['customer']): CentreCustomer {
    const email = customer.email.toLowerCase();
    const known = this.#customersByEmail.get(email);
    if (known) return known;
    const created: CentreCustomer = { customerId: cuidLike(this.random), ...customer };
    this.#customersByEmail.set(email, created);
    return created;
  }
}

/** By database id first, then by SKU, as the document orders the lookups. */
export function lookupVariant(reference: string): CentrePriceListEntry | undefined {
  return (
    CENTRE_SANDBOX_PRICE_LIST.find((entry) => entry.variantId === reference) ??
    CENTRE_SANDBOX_PRICE_LIST.find((entry) => entry.sku === reference)
  );
}

function partnerKey(channelId: string, partnerOrderId: string): string {
  return `${channelId}\u0000${partnerOrderId}`;
}
