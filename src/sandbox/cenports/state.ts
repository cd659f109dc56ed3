import type { Random } from '../kit/index.ts';
import { type SeedData, stockKey } from './seed.ts';
import { buildShipment, byWarehouse, shipmentIdFor } from './shipping.ts';
import { TransactionQueue } from './queue.ts';
import type { Channel, Order, OrderLine, Product, Shipment, Warehouse } from './types.ts';

export interface OrderFilter {
  channelId?: string | undefined;
  orderNos?: string[] | undefined;
  acknowledged?: boolean | undefined;
  /** inclusive bounds on the order date, epoch ms */
  from?: number | undefined;
  to?: number | undefined;
}

/** Orders whose unshipped lines still hold stock back from "available". */
const OPEN_STATUSES = new Set<Order['status']>(['Pending', 'Processing', 'Incompleted']);

/**
 * Everything one Cenports partner account holds, and the rules that change it; asynchronous
 * writes wait in `transactions` until their delay has passed.
 */
export class CenportsState {
  readonly channels = new Map<string, Channel>();
  readonly warehouses: Warehouse[];
  readonly products = new Map<string, Product>();
  readonly orders: Order[];
  readonly shipments: Shipment[];
  readonly transactions: TransactionQueue;
  readonly #stock: Map<string, number>;

  constructor(
    readonly partnerId: string,
    seed: SeedData,
    private readonly now: () => number,
    private readonly random: Random,
    transactionDelayMs: number,
  ) {
    this.transactions = new TransactionQueue(now, random, transactionDelayMs);
    for (const channel of seed.channels) this.channels.set(channel.channelId, channel);
    for (const product of seed.products) this.products.set(product.sku, product);
    this.warehouses = seed.warehouses;
    this.#stock = new Map(seed.stock);
    this.orders = seed.orders;
    this.shipments = seed.shipments;
  }

  warehouse(code: string): Warehouse | undefined {
    return this.warehouses.find((w) => w.code === code);
  }

  order(channelId: string, orderNo: string): Order | undefined {
    return this.orders.find((o) => o.channelId === channelId && o.orderNo === orderNo);
  }

  /** Every order with this number: numbers are unique per channel only. */
  ordersNumbered(orderNo: string): Order[] {
    return this.orders.filter((o) => o.orderNo === orderNo);
  }

  customerOrderNoTaken(channelId: string, customerOrderNo: string): boolean {
    return this.orders.some((o) => o.channelId === channelId && o.customerOrderNo === customerOrderNo);
  }

  /** Newest order date first, ties by order number, so pages are stable. */
  findOrders(filter: OrderFilter): Order[] {
    const numbers = filter.orderNos && new Set(filter.orderNos);
    return this.orders
      .filter(
        (o) =>
          (filter.channelId === undefined || o.channelId === filter.channelId) &&
          (numbers === undefined || numbers.has(o.orderNo)) &&
          (filter.acknowledged === undefined || o.acknowledged === filter.acknowledged) &&
          (filter.from === undefined || o.orderDate >= filter.from) &&
          (filter.to === undefined || o.orderDate <= filter.to),
      )
      .sort((a, b) => b.orderDate - a.orderDate || a.orderNo.localeCompare(b.orderNo));
  }

  /** Same filter on ship dates; newest first, ties by shipment id. */
  findShipments(filter: OrderFilter): Shipment[] {
    const numbers = filter.orderNos && new Set(filter.orderNos);
    return this.shipments
      .filter(
        (s) =>
          (filter.channelId === undefined || s.channelId === filter.channelId) &&
          (numbers === undefined || numbers.has(s.orderNo)) &&
          (filter.acknowledged === undefined || s.acknowledged === filter.acknowledged) &&
          (filter.from === undefined || s.shipDate >= filter.from) &&
          (filter.to === undefined || s.shipDate <= filter.to),
      )
      .sort((a, b) => b.shipDate - a.shipDate || a.shipmentId.localeCompare(b.shipmentId));
  }

  shipmentsOf(order: Order): Shipment[] {
    return this.shipments.filter((s) => s.channelId === order.channelId && s.orderNo === order.orderNo);
  }

  /** Acknowledges all or none: returns the numbers that do not exist in the channel. */
  acknowledgeOrders(channelId: string, orderNos: string[]): string[] {
    const found = orderNos.map((no) => [no, this.order(channelId, no)] as const);
    const unknown = found.filter(([, order]) => order === undefined).map(([no]) => no);
    if (unknown.length === 0) found.forEach(([, order]) => (order!.acknowledged = true));
    return unknown;
  }

  actualStock(warehouseCode: string, sku: string): number {
    return this.#stock.get(stockKey(warehouseCode, sku)) ?? 0;
  }

  setActualStock(warehouseCode: string, sku: string, quantity: number): void {
    this.#stock.set(stockKey(warehouseCode, sku), quantity);
  }

  /** Units held back by open orders' unshipped lines, by `${warehouse}|${sku}`. */
  reservedStock(): Map<string, number> {
    const reserved = new Map<string, number>();
    for (const order of this.orders) {
      if (!OPEN_STATUSES.has(order.status)) continue;
      for (const line of order.lines) {
        if (line.status !== 'pending') continue;
        const key = stockKey(line.warehouseCode, line.sku);
        reserved.set(key, (reserved.get(key) ?? 0) + line.quantity);
      }
    }
    return reserved;
  }

  /** Actual minus reserved, never below zero (orders are accepted as backorders). */
  availableStock(warehouseCode: string, sku: string, reserved = this.reservedStock()): number {
    return Math.max(0, this.actualStock(warehouseCode, sku) - (reserved.get(stockKey(warehouseCode, sku)) ?? 0));
  }

  /** Hands lines to the carrier: one shipment per warehouse, stock leaves the shelf. */
  shipLines(order: Order, lines: OrderLine[]): Shipment[] {
    const created: Shipment[] = [];
    for (const [warehouseCode, group] of byWarehouse(lines)) {
      const id = shipmentIdFor(this.shipments.length + 1);
      const shipment = buildShipment(this.random, id, order, warehouseCode, group, this.now());
      this.shipments.push(shipment);
      created.push(shipment);
      for (const line of group) {
        line.status = 'shipped';
        this.setActualStock(warehouseCode, line.sku, Math.max(0, this.actualStock(warehouseCode, line.sku) - line.quantity));
      }
    }
    return created;
  }
}
