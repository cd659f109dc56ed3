import type { WhitelabelState } from './state.ts';
import type { Order, Product, Shipment } from './types.ts';

/** Wire rendering: snake_case, integer cents, ISO 8601 times. */
export const iso = (time: number): string => new Date(time).toISOString();
const isoOrNull = (time: number | null): string | null => (time === null ? null : iso(time));

export function renderProduct(product: Product) {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    short_description: product.shortDescription,
    images: product.images,
    wholesale_price_cents: product.wholesalePriceCents,
    map_price_cents: product.mapPriceCents,
    dimensions: {
      length_cm: product.dimensionsCm.length,
      width_cm: product.dimensionsCm.width,
      height_cm: product.dimensionsCm.height,
    },
    weight_grams: product.weightGrams,
    category: product.category,
    in_stock: product.inStock,
    available_qty: product.availableQty,
    min_qty: product.minQty,
    max_qty: product.maxQty,
    requires_coa: product.requiresCoa,
    compliance_copy: product.complianceCopy,
    disclaimer: product.disclaimer,
  };
}

export function renderShipment(shipment: Shipment) {
  return {
    shipment_id: shipment.id,
    order_id: shipment.orderId,
    status: shipment.status,
    carrier: shipment.carrier,
    service: shipment.service,
    tracking_number: shipment.trackingNumber,
    tracking_url: shipment.trackingUrl,
    label_url: shipment.labelUrl,
    rate_cents: shipment.rateCents,
    actual_cost_cents: shipment.actualCostCents,
    created_at: iso(shipment.createdAt),
    shipped_at: isoOrNull(shipment.shippedAt),
    delivered_at: isoOrNull(shipment.deliveredAt),
  };
}

export const estimatedTotalCents = (order: Order): number => order.subtotalCents + order.shippingEstimateCents;

export function renderOrder(order: Order) {
  return {
    id: order.id,
    woo_order_id: order.wooOrderId,
    woo_order_number: order.wooOrderNumber,
    status: order.status,
    currency: 'USD',
    subtotal_cents: order.subtotalCents,
    shipping_estimate_cents: order.shippingEstimateCents,
    total_estimate_cents: estimatedTotalCents(order),
    actual_total_cents: order.actualShippingCents === null ? null : order.subtotalCents + order.actualShippingCents,
    reserved_cents: order.reservedCents,
    customer_email: order.customerEmail,
    customer_note: order.customerNote,
    shipping_address: order.shippingAddress,
    order_items: order.items.map((item) => ({
      id: item.id,
      product_id: item.productId,
      supplier_sku: item.sku,
      woo_product_id: item.wooProductId,
      name: item.name,
      qty: item.qty,
      wholesale_price_cents: item.wholesalePriceCents,
      unit_price_cents: item.unitPriceCents,
      line_total_cents: item.qty * item.wholesalePriceCents,
    })),
    shipments: order.shipments.map(renderShipment),
    cancel_reason: order.cancelReason,
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
  };
}

export function renderOrderCreated(order: Order, state: WhitelabelState) {
  return {
    supplier_order_id: order.id,
    woo_order_id: order.wooOrderId,
    status: order.status,
    estimated_total_cents: estimatedTotalCents(order),
    wallet_balance_cents: state.wallet.balanceCents,
    is_funded: order.reservedCents > 0 || order.actualShippingCents !== null,
  };
}

export function renderWallet(state: WhitelabelState) {
  const reserved = state.reservedCents();
  return {
    balance_cents: state.wallet.balanceCents,
    reserved_cents: reserved,
    available_cents: state.wallet.balanceCents - reserved,
    currency: state.wallet.currency,
    pending_payments: state.wallet.pendingPayments,
  };
}
