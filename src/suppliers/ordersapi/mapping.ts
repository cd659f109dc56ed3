import { moneyFromMajor, moneyFromMinor } from '../../domain/money.ts';
import type { OrderModel, ProductModel } from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import type { OrdersapiCatalogEntry } from './catalog.ts';
import { ORDERSAPI_ORDER_STATUS } from './status-map.ts';
import type { OrderWire } from './wire.ts';

/** An order as the unified model has it. Throws RangeError on an unknown status or bad amount. */
export function toOrder(order: OrderWire): OrderModel {
  return {
    supplier: 'ordersapi',
    supplierOrderId: order.order_id,
    externalReference: order.customer_reference,
    status: mapStatus(ORDERSAPI_ORDER_STATUS, order.status, 'order status'),
    supplierStatus: order.status,
    // The ordersapi sends no timestamps (see its spec); orders sort after dated ones.
    createdAt: null,
    total: moneyFromMajor(order.total_amount, order.currency),
    lines: order.items.map((item) => ({
      supplier: 'ordersapi',
      sku: item.sku,
      supplierProductId: item.product_id,
      name: item.product_name,
      quantity: item.quantity,
      unitPrice: moneyFromMajor(item.unit_price, order.currency),
      lineTotal: moneyFromMajor(item.line_total, order.currency),
    })),
    shipments: [],
  };
}

export function toProduct(entry: OrdersapiCatalogEntry): ProductModel {
  return {
    supplier: 'ordersapi',
    supplierProductId: entry.productId,
    sku: entry.sku,
    name: entry.name,
    price: moneyFromMinor(entry.priceCents, entry.currency),
    available: entry.available,
    imageUrls: [],
  };
}
