import { centsToAmount } from './money.ts';
import { lineTotalCents, orderTotalCents, type StoredOrder } from './state.ts';

/** The order as the supplier sends it: snake_case, amounts as two-decimal JSON numbers, no timestamps. */
export function renderOrder(order: StoredOrder) {
  return {
    order_id: order.orderId,
    partner_name: order.partnerName,
    customer_reference: order.customerReference,
    status: order.status,
    total_amount: centsToAmount(orderTotalCents(order)),
    currency: order.currency,
    items: order.items.map((item) => ({
      order_item_id: item.orderItemId,
      product_id: item.productId,
      sku: item.sku,
      product_name: item.productName,
      quantity: item.quantity,
      unit_price: centsToAmount(item.unitPriceCents),
      line_total: centsToAmount(lineTotalCents(item)),
    })),
  };
}
