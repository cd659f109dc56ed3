import type { Random } from '../kit/index.ts';
import { ymd } from './dates.ts';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Hands out ORD-YYYYMMDD-XXXXXX numbers and PS-YYYY-MMDD/N delivery ids, N counting each day's orders. */
export class OrderNumbering {
  readonly #perDay = new Map<string, number>();
  readonly #taken = new Set<string>();

  constructor(private readonly random: Random) {}

  next(createdAt: number): { orderNumber: string; deliveryId: string } {
    const day = ymd(createdAt);
    const sequence = (this.#perDay.get(day) ?? 0) + 1;
    this.#perDay.set(day, sequence);
    const [year, month, date] = day.split('-') as [string, string, string];
    let orderNumber: string;
    do orderNumber = `ORD-${year}${month}${date}-${this.random.string(6, UPPER_ALNUM)}`;
    while (this.#taken.has(orderNumber));
    this.#taken.add(orderNumber);
    return { orderNumber, deliveryId: `PS-${year}-${month}${date}/${sequence}` };
  }
}
