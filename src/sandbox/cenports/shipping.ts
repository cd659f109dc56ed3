import type { Random } from '../kit/index.ts';
import { CARRIERS } from './seed-data.ts';
import type { Order, OrderLine, Shipment } from './types.ts';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A tracking number in the carrier's own style (UPS 1Z…, USPS 9400…, …). */
export function trackingNumber(random: Random, carrier: string): string {
  switch (carrier.toUpperCase()) {
    case 'UPS':
    case 'UPSN':
      return `1Z${random.string(16, UPPER)}`;
    case 'USPS':
      return `9400${random.string(18, DIGITS)}`;
    case 'ONTRAC':
      return `C${random.string(14, DIGITS)}`;
    case 'DHL':
      return random.string(10, DIGITS);
    default:
      return random.string(12, DIGITS);
  }
}

export function trackingUrl(carrier: string, tracking: string): string | null {
  return CARRIERS[carrier.toUpperCase()]?.trackingUrl(tracking) ?? null;
}

/** Lines grouped by the warehouse they leave from: one shipment per warehouse. */
export function byWarehouse(lines: OrderLine[]): Map<string, OrderLine[]> {
  const groups = new Map<string, OrderLine[]>();
  for (const line of lines) groups.set(line.warehouseCode, [...(groups.get(line.warehouseCode) ?? []), line]);
  return groups;
}

export function buildShipment(
  random: Random,
  shipmentId: string,
  order: Order,
  warehouseCode: string,
  lines: OrderLine[],
  shipDate: number,
): Shipment {
  return {
    shipmentId,
    orderNo: order.orderNo,
    channelId: order.channelId,
    carrier: order.carrierCode,
    service: order.serviceLevel,
    trackingNumber: trackingNumber(random, order.carrierCode),
    shipDate,
    status: 'shipped',
    warehouseCode,
    items: lines.map((line) => ({ lineNumber: line.lineNumber, sku: line.sku, quantity: line.quantity })),
    acknowledged: false,
  };
}

export function shipmentIdFor(sequence: number): string {
  return `SHP${String(sequence).padStart(7, '0')}`;
}
