import { z } from 'zod';
import type { SmartReorderEntry, SmartReorderRecordModel } from '../admin-writes.ts';
import { expectBody } from '../http/expect.ts';
import type { ChangeOutcome, SupplierRefusal } from '../writes.ts';
import { mapped, readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import { forbidden, smartReorderRefusals } from './refusals.ts';
import { ErrorWire } from './write-wire.ts';

const SmartReorderResponseWire = z.object({
  data: z.object({ smartReorderId: z.number().int(), lastUpdated: z.string(), isActive: z.boolean() }),
});

/** The spec's least history a product needs. */
const MIN_HISTORY_DAYS = 7;
/** Rules the spec states, checked before any call so a refusal costs none of the 100 an hour. */
function localRefusals(entries: readonly SmartReorderEntry[]): SupplierRefusal[] {
  if (entries.length === 0) return [{ code: 'VALIDATION', message: 'Send at least one product.', field: ['products'] }];
  return entries.flatMap((entry, index) => {
    const at = (name: string) => ['products', String(index), name];
    const refusals: SupplierRefusal[] = [];
    if (entry.quantity < 0) refusals.push({ code: 'VALIDATION', message: 'quantity must not be negative', field: at('quantity') });
    if (entry.currentStock < 0) refusals.push({ code: 'VALIDATION', message: 'currentStock must not be negative', field: at('currentStock') });
    if (entry.salesHistory.length < MIN_HISTORY_DAYS || entry.salesHistory.some((units) => units < 0)) {
      refusals.push({ code: 'VALIDATION', message: `salesHistory needs at least ${MIN_HISTORY_DAYS} days, none negative`, field: at('salesHistory') });
    }
    return refusals;
  });
}

/**
 * POST /external/smart-reorder (submitSmartReorder): replaces the company's smart reorder data
 * (spec), so a resend is harmless and an unknown outcome may simply be retried by the caller.
 * A 400 names the product at fault (UNKNOWN_PRODUCT for "Product not found"); a 403 is a key
 * without the manager role. The smart reordering bucket is 100 calls an hour.
 */
export async function submitSmartReorder(
  upstream: PleasurestockClient,
  entries: readonly SmartReorderEntry[],
): Promise<ChangeOutcome<SmartReorderRecordModel>> {
  const refusals = localRefusals(entries);
  if (refusals.length > 0) return { kind: 'rejected', refusals };
  const products = entries.map((entry) => ({
    ps_id: entry.supplierProductId,
    quantity: entry.quantity,
    current_stock: entry.currentStock,
    sales_history: [...entry.salesHistory],
  }));
  const answer = await upstream.call('submitSmartReorder', (client, init) => client.POST('/external/smart-reorder', { ...init, body: { products } }));
  if (answer.status === 400) {
    return { kind: 'rejected', refusals: smartReorderRefusals(expectBody(ErrorWire, answer, 'pleasurestock', 'submitSmartReorder')) };
  }
  if (answer.status === 403) {
    return { kind: 'rejected', refusals: [forbidden(expectBody(ErrorWire, answer, 'pleasurestock', 'submitSmartReorder'))] };
  }
  const { data } = readOk(SmartReorderResponseWire, answer, 'submitSmartReorder');
  return mapped('submitSmartReorder', () => ({
    kind: 'done',
    value: { supplier: 'pleasurestock', smartReorderId: String(data.smartReorderId), lastUpdated: new Date(data.lastUpdated).toISOString(), isActive: data.isActive },
  }));
}
