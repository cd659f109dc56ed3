import { ddmmyy, iso } from './dates.ts';
import { centsToNumber, formatCents, formatTenths, scaleCents } from './money.ts';
import { orderTotalCents } from './orders.ts';
import type { PleasurestockState } from './state.ts';
import type { Order, OrderStatus, Product } from './types.ts';

/** The wire shapes: money leaves integer cents only here. */

export interface ProductFields {
  withId: boolean;
  withImages: boolean;
  includeCategory: boolean;
  includeTcc: boolean;
  includeTsp: boolean;
}

const imageUrl = (product: Product) => `https://pleasurestock.com/uploads/products/${product.sku.toLowerCase()}.jpg`;
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function renderProduct(state: PleasurestockState, product: Product, fields: ProductFields): Record<string, unknown> {
  const supplier = state.supplier(product.supplierId);
  const category = state.categories.get(product.categoryId);
  const tccCents = supplier.tccTenths === null || product.priceCents === null ? null : scaleCents(product.priceCents, supplier.tccTenths, 10);
  const tspCents = tccCents === null ? null : scaleCents(tccCents, supplier.tspTenths, 10) + supplier.tspAddUnits * 100;
  const enabled = supplier.tccTenths !== null;
  const formula = `TCC * ${formatTenths(supplier.tspTenths)}${supplier.tspAddUnits ? ` + ${supplier.tspAddUnits}` : ''}`;
  return {
    ...(fields.withId ? { id: product.id } : {}),
    internal_id: product.internalId,
    name: product.name,
    sku: product.sku,
    description: product.description,
    price: product.priceCents === null ? null : formatCents(product.priceCents),
    currency: product.currency,
    supplier_id: product.supplierId,
    ...(fields.withImages ? { images: [imageUrl(product)] } : {}),
    ...(fields.includeCategory
      ? { category_id: category?.id ?? null, category_name: category?.name ?? null, category_name_en: category?.nameEn ?? null }
      : {}),
    ...(fields.includeTcc
      ? {
          tcc_enabled: enabled,
          tcc_coefficient: supplier.tccTenths === null ? null : Number(formatTenths(supplier.tccTenths)),
          tcc_total_cost: tccCents === null ? null : centsToNumber(tccCents),
          tcc_currency: enabled ? product.currency : null,
        }
      : {}),
    ...(fields.includeTsp
      ? {
          tsp_enabled: enabled,
          tsp_value: tspCents === null ? null : centsToNumber(tspCents),
          tsp_formula: enabled ? formula : null,
          tsp_currency: enabled ? product.currency : null,
        }
      : {}),
    created_at: iso(product.createdAt),
    updated_at: iso(product.updatedAt),
  };
}

const DISPLAY: Record<OrderStatus, [label: string, color: string]> = {
  created: ['Created', 'blue'],
  part_paid: ['Partially paid', 'yellow'],
  paid: ['Paid', 'green'],
  on_the_way: ['On the way', 'purple'],
  delivered: ['Delivered', 'indigo'],
  accepted: ['Accepted', 'teal'],
  cancelled: ['Cancelled', 'red'],
};

export function statusDisplay(status: OrderStatus) {
  const [label, color] = DISPLAY[status];
  return { label, color, cssClass: `bg-${color}-100 text-${color}-800` };
}

/** An item of POST /external/orders' answer: integer supplierId, JSON-number total. */
export function renderCreatedOrder(order: Order) {
  return {
    orderNumber: order.orderNumber,
    deliveryId: order.deliveryId,
    supplierId: order.supplierId,
    status: order.status,
    totalAmount: centsToNumber(orderTotalCents(order)),
    currency: order.currency,
    items: order.lines.length,
    createdAt: iso(order.createdAt),
  };
}

/** An item of GET /external/orders: decimal-string total, DD/MM/YY dates. */
export function renderOrderListItem(state: PleasurestockState, order: Order) {
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    deliveryId: order.deliveryId,
    externalOrderId: order.externalOrderId,
    status: order.status,
    statusDisplay: statusDisplay(order.status),
    supplierName: state.supplier(order.supplierId).name,
    totalAmount: formatCents(orderTotalCents(order)),
    currency: order.currency,
    itemsCount: order.lines.length,
    hasCustomItems: false,
    customItemsCount: 0,
    catalogItemsCount: order.lines.length,
    createdAt: ddmmyy(order.createdAt),
    statusChangedAt: ddmmyy(order.statusChangedAt),
  };
}

const ESTIMATED_DELIVERY_MS = 10 * 86_400_000;

/** GET /external/orders/{orderNumber}: supplier UUID, JSON-number money, ISO dates. */
export function renderOrderDetail(state: PleasurestockState, order: Order) {
  const supplier = state.supplier(order.supplierId);
  const estimated = new Date(order.createdAt + ESTIMATED_DELIVERY_MS).setUTCHours(0, 0, 0, 0);
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    deliveryId: order.deliveryId,
    externalOrderId: order.externalOrderId,
    status: order.status,
    statusDisplay: statusDisplay(order.status),
    supplier: { id: supplier.uuid, name: supplier.name },
    hasCustomItems: false,
    items: order.lines.map((line) => ({
      productId: line.productRowId,
      psId: line.psId,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: centsToNumber(line.unitPriceCents),
      totalPrice: centsToNumber(line.unitPriceCents * line.quantity),
      currency: order.currency,
      imageUrl: line.imageUrl,
    })),
    totalAmount: centsToNumber(orderTotalCents(order)),
    currency: order.currency,
    estimatedDeliveryDate: iso(estimated),
    actualDeliveryDate: isoOrNull(order.deliveredAt),
    createdAt: iso(order.createdAt),
    confirmedAt: isoOrNull(order.confirmedAt),
    paidAt: isoOrNull(order.paidAt),
    shippedAt: isoOrNull(order.shippedAt),
    acceptedAt: isoOrNull(order.acceptedAt),
  };
}
