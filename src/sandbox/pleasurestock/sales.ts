import { SandboxHttpError } from '../kit/index.ts';
import { parseYmd } from './dates.ts';
import { isProductId } from './schemas.ts';
import type { PleasurestockState } from './state.ts';
import type { SalesDay } from './types.ts';

interface RecordError {
  index: number;
  error: string;
  expected?: string;
  received?: unknown;
}

const isNonNegativeInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function checkRecord(state: PleasurestockState, raw: unknown, index: number): { day?: SalesDay; errors: RecordError[] } {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const errors: RecordError[] = [];
  const { internal_id: id, date, quantity, stock_on_hand: stock } = record;
  const product = typeof id === 'string' && isProductId(id) ? state.product(id) : undefined;
  if (typeof id !== 'string' || !isProductId(id)) {
    errors.push({ index, error: 'Invalid internal_id format', expected: 'UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) or ps_id (ps_XXXXXXXXXX)', received: id ?? null });
  } else if (!product) {
    errors.push({ index, error: 'Product not found', received: id });
  }
  if (typeof date !== 'string' || parseYmd(date) === null) {
    errors.push({ index, error: 'Invalid date format', expected: 'YYYY-MM-DD', received: date ?? null });
  }
  if (!isNonNegativeInteger(quantity)) {
    errors.push({ index, error: 'Invalid quantity', expected: 'non-negative integer', received: quantity ?? null });
  }
  if (stock !== undefined && stock !== null && !isNonNegativeInteger(stock)) {
    errors.push({ index, error: 'Invalid stock_on_hand', expected: 'non-negative integer', received: stock });
  }
  if (errors.length > 0 || !product) return { errors };
  const stockOnHand = isNonNegativeInteger(stock) ? stock : null;
  return { day: { internalId: product.internalId, date: date as string, quantity: quantity as number, stockOnHand }, errors };
}

/**
 * Checks every record and stores them all, or none: one bad record refuses the batch with the
 * document's `{ error: "Validation errors", errors: [...], processed: 0 }`.
 */
export function submitSales(state: PleasurestockState, records: unknown[]): number {
  const checked = records.map((raw, index) => checkRecord(state, raw, index));
  const errors = checked.flatMap((c) => c.errors);
  if (errors.length > 0) {
    const bad = new Set(errors.map((e) => e.index)).size;
    throw new SandboxHttpError(400, {
      success: false,
      error: 'Validation errors',
      message: `${bad} of ${records.length} records are invalid; nothing was stored`,
      errors,
      processed: 0,
    });
  }
  state.recordSales(checked.map((c) => c.day as SalesDay));
  return records.length;
}
