import { moneyFromDecimal, moneyFromMajor, type Money } from '../../domain/money.ts';
import type {
  CurrencyConversionModel,
  OrderLineModel,
  OrderModel,
  ProductModel,
  ReorderRecommendationModel,
} from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import { PLEASURESTOCK_ORDER_STATUS } from './status-map.ts';
import type { CurrencyConversionWire, OrderDetailWire, OrderListItemWire, ProductWire, RecommendationWire } from './wire.ts';

/**
 * Pure mappings from PleasureStock's wire shapes to the unified model. Each throws RangeError on an
 * unknown status or an amount its currency cannot hold; the caller turns that into a contract error.
 */

/** A catalog product, keyed on its internal_id (ps_…), the id order lines and every endpoint use. */
export function toProduct(product: ProductWire): ProductModel {
  return {
    supplier: 'pleasurestock',
    supplierProductId: product.internal_id,
    sku: product.sku,
    name: product.name,
    description: product.description ?? null,
    category: product.category_name_en ?? product.category_name ?? null,
    // null: no price configured yet; such a product is orderable only with a customPrice.
    price: product.price === null ? null : moneyFromDecimal(product.price, product.currency),
    // TSP is the supplier's recommended retail price, labelled with its own currency (see spec).
    retailPrice:
      product.tsp_value === null || product.tsp_value === undefined || !product.tsp_currency
        ? null
        : moneyFromMajor(product.tsp_value, product.tsp_currency),
    imageUrls: product.images ?? [],
    updatedAt: product.updated_at,
  };
}

/** What never changes once an order exists, read from its detail and kept for later list pages. */
export interface OrderFacts {
  /** the detail's exact creation instant (the list only gives the day) */
  createdAt: string;
  lines: OrderLineModel[];
}

export function toOrderFacts(order: OrderDetailWire): OrderFacts {
  return {
    createdAt: order.createdAt,
    lines: order.items.map((item) => ({
      supplier: 'pleasurestock',
      sku: item.sku,
      supplierProductId: item.psId,
      name: item.name,
      quantity: item.quantity,
      unitPrice: moneyFromMajor(item.unitPrice, item.currency),
      lineTotal: moneyFromMajor(item.totalPrice, item.currency),
    })),
  };
}

/** An order from GET /external/orders/{orderNumber}. */
export function toOrderFromDetail(order: OrderDetailWire): OrderModel {
  return {
    ...orderHead(order.orderNumber, order.externalOrderId, order.status),
    ...toOrderFacts(order),
    total: moneyFromMajor(order.totalAmount, order.currency),
  };
}

/**
 * An order from GET /external/orders plus the facts of its detail. The list's createdAt is only a
 * DD/MM/YY day (UTC, per the spec), which as a time would be that day at 00:00:00Z; the detail,
 * which the lines have to come from anyway, gives the exact instant, so we use that and the same
 * order carries the same createdAt however it was read. The sequence stays the supplier's.
 */
export function toOrderFromList(order: OrderListItemWire, facts: OrderFacts): OrderModel {
  return {
    ...orderHead(order.orderNumber, order.externalOrderId, order.status),
    ...facts,
    total: moneyFromDecimal(order.totalAmount, order.currency),
  };
}

function orderHead(orderNumber: string, externalOrderId: string | null | undefined, status: string) {
  return {
    supplier: 'pleasurestock' as const,
    supplierOrderId: orderNumber,
    externalReference: externalOrderId ?? null,
    status: mapStatus(PLEASURESTOCK_ORDER_STATUS, status, 'order status'),
    supplierStatus: status,
    // PleasureStock has no shipment API: an order's shipments are known to be none.
    shipments: [],
  };
}

export function toRecommendation(item: RecommendationWire): ReorderRecommendationModel {
  return {
    supplier: 'pleasurestock',
    supplierProductId: item.product_internal_id,
    sku: item.product_sku,
    name: item.product_name,
    recommendedQuantity: item.recommended_quantity,
    currentStock: item.current_stock,
    averageDailySales: item.average_daily_sales,
    forecastAccuracy: item.forecast_accuracy,
    calculatedAt: item.calculation_date,
  };
}

export function toConversion(answer: CurrencyConversionWire): CurrencyConversionModel {
  const original: Money = moneyFromMajor(answer.originalAmount, answer.originalCurrency);
  return {
    original,
    converted: moneyFromMajor(answer.convertedAmount, answer.targetCurrency),
    rate: answer.exchangeRate,
    rateUpdatedAt: answer.lastUpdated,
  };
}
