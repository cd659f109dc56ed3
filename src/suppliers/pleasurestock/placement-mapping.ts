import { moneyFromMajor, moneyFromMinor } from '../../domain/money.ts';
import type { OrderLineModel, OrderModel } from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import type { PlacementRequest } from '../writes.ts';
import { PLEASURESTOCK_ORDER_STATUS } from './status-map.ts';
import type { CreatedOrderWire } from './write-wire.ts';

/**
 * Pure mappings of a create's answer. Each throws RangeError on an unknown status or an amount
 * its currency cannot hold; the caller turns that into a contract error.
 */

/**
 * The request's lines as the one order's lines, or null when the request does not fully explain
 * the answer: a different line count, or unit prices unknown, in another currency, or not summing
 * to the total exactly (the catalog price moved since the gateway read it). The answer itself has
 * only a line count, so then the lines must come from the order's detail.
 */
export function linesFromRequest(request: PlacementRequest, created: CreatedOrderWire): OrderLineModel[] | null {
  if (created.items !== request.lines.length) return null;
  const total = moneyFromMajor(created.totalAmount, created.currency);
  let sum = 0n;
  const lines: OrderLineModel[] = [];
  for (const line of request.lines) {
    const price = line.unitPrice;
    if (!price || price.currency !== total.currency) return null;
    const lineTotal = moneyFromMinor(price.minor * BigInt(line.quantity), price.currency);
    sum += lineTotal.minor;
    lines.push({
      supplier: 'pleasurestock',
      sku: line.sku,
      supplierProductId: line.supplierProductId,
      name: line.name ?? null,
      quantity: line.quantity,
      unitPrice: price,
      lineTotal,
    });
  }
  return sum === total.minor ? lines : null;
}

/**
 * One created order in the unified model. `externalReference` is the client's reference from the
 * request: PleasureStock's externalOrderId holds the gateway's token instead (the read side shows
 * that token), and the gateway's journal keeps the pairing.
 */
export function toPlacedOrder(created: CreatedOrderWire, request: PlacementRequest, lines: OrderLineModel[]): OrderModel {
  return {
    supplier: 'pleasurestock',
    supplierOrderId: created.orderNumber,
    externalReference: request.externalReference,
    status: mapStatus(PLEASURESTOCK_ORDER_STATUS, created.status, 'order status'),
    supplierStatus: created.status,
    createdAt: created.createdAt,
    lines,
    total: moneyFromMajor(created.totalAmount, created.currency),
    // PleasureStock has no shipment API: an order's shipments are known to be none.
    shipments: [],
  };
}
