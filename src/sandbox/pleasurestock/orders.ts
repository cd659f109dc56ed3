import { refuse } from './errors.ts';
import { applyStatus, canTransition } from './lifecycle.ts';
import { numberToCents } from './money.ts';
import type { PleasurestockState } from './state.ts';
import type { Order, OrderStatus, Product } from './types.ts';

export interface NewOrderItem {
  ps_id: string;
  quantity: number;
  customPrice?: number | null | undefined;
}

export interface NewOrders {
  items: NewOrderItem[];
  externalOrderId?: string | null | undefined;
  comment?: string | null | undefined;
}

const itemDetail = ({ i, id }: { i: number; id: string }) => `items[${i}].ps_id: ${id}`;

/**
 * Creates one order per PleasureStock supplier of the items. Refuses the whole cart (nothing
 * created) with 400 "Product not found" or "Price not configured" naming every bad item.
 */
export function createOrders(state: PleasurestockState, input: NewOrders, at: number): Order[] {
  const products = input.items.map((item) => state.product(item.ps_id));
  const unknown = input.items.flatMap((item, i) => (products[i] ? [] : [{ i, id: item.ps_id }]));
  if (unknown.length > 0) {
    refuse(400, 'Product not found', `Product not found: ${unknown.map((u) => u.id).join(', ')}`, unknown.map(itemDetail));
  }
  const unpriced = input.items.flatMap((item, i) =>
    products[i]?.priceCents === null && item.customPrice == null ? [{ i, id: item.ps_id }] : [],
  );
  if (unpriced.length > 0) {
    const ids = unpriced.map((u) => u.id).join(', ');
    refuse(400, 'Price not configured', `Price not configured for ${ids}; send a customPrice`, unpriced.map(itemDetail));
  }

  const groups = new Map<number, { product: Product; item: NewOrderItem }[]>();
  input.items.forEach((item, i) => {
    const product = products[i] as Product;
    groups.set(product.supplierId, [...(groups.get(product.supplierId) ?? []), { product, item }]);
  });
  return [...groups].map(([supplierId, lines]) => {
    const order: Order = {
      orderId: state.random.uuid(),
      ...state.numbering.next(at),
      externalOrderId: input.externalOrderId ?? null,
      comment: input.comment ?? null,
      status: 'created',
      supplierId,
      currency: state.supplier(supplierId).currency,
      lines: lines.map(({ product, item }) => ({
        productRowId: product.rowId,
        psId: product.internalId,
        name: product.name,
        sku: product.sku,
        quantity: item.quantity,
        // validated upstream: customPrice has at most two decimals, or the catalog price exists
        unitPriceCents: item.customPrice == null ? (product.priceCents as number) : (numberToCents(item.customPrice) as number),
        imageUrl: `https://pleasurestock.com/uploads/products/${product.sku.toLowerCase()}.jpg`,
      })),
      createdAt: at,
      statusChangedAt: at,
      confirmedAt: null,
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
      acceptedAt: null,
    };
    state.addOrder(order);
    return order;
  });
}

export interface StatusChange {
  order: Order;
  from: OrderStatus;
}

/** Moves an order along its lifecycle; 404 for an unknown number, 400 for a refused transition. */
export function changeStatus(
  state: PleasurestockState,
  orderNumber: string,
  to: OrderStatus,
  extra: { externalOrderId?: string | null | undefined },
  at: number,
): StatusChange {
  const order = state.order(orderNumber);
  if (!order) refuse(404, 'Not found', `Order ${orderNumber} not found`);
  const from = order.status;
  if (!canTransition(from, to)) refuse(400, 'Invalid status transition', `Invalid status transition from ${from} to ${to}`);
  applyStatus(order, to, at);
  if (extra.externalOrderId != null) order.externalOrderId = extra.externalOrderId;
  return { order, from };
}

/** Order total in minor units. */
export const orderTotalCents = (order: Order): number =>
  order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
