import { expectBody } from '../http/expect.ts';
import type { ChangeOutcome, SalesEntry } from '../writes.ts';
import { readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import { salesRefusals } from './refusals.ts';
import { SalesErrorWire, SalesResponseWire } from './write-wire.ts';

/** The most records POST /sales takes in one batch (spec: 1 to 1000). */
const MAX_RECORDS = 1000;

/**
 * POST /sales (submitSales): one batch, all or nothing (spec), each entry one record keyed on the
 * product's internal_id. A refused batch stores nothing and each refused record becomes a refusal
 * whose `line` is its index. More than 1000 entries are refused before any call rather than split:
 * split batches would no longer be all or nothing, and a resent record adds its quantity again.
 * For the same reason an unknown outcome (thrown SupplierUnavailableError) must not be resent
 * blindly: the supplier sums repeated quantities.
 */
export async function submitSales(upstream: PleasurestockClient, entries: readonly SalesEntry[]): Promise<ChangeOutcome<{ processed: number }>> {
  if (entries.length === 0 || entries.length > MAX_RECORDS) {
    const message = `PleasureStock takes 1 to ${MAX_RECORDS} sales records at once, got ${entries.length}`;
    return { kind: 'rejected', refusals: [{ code: 'VALIDATION', message, field: ['entries'] }] };
  }
  const sales = entries.map((entry) => ({
    internal_id: entry.supplierProductId,
    date: entry.date,
    quantity: entry.quantity,
    ...(entry.stockOnHand != null && { stock_on_hand: entry.stockOnHand }),
  }));
  const answer = await upstream.call('submitSales', (client, init) => client.POST('/sales', { ...init, body: { sales } }));
  if (answer.status === 400) {
    return { kind: 'rejected', refusals: salesRefusals(expectBody(SalesErrorWire, answer, 'pleasurestock', 'submitSales')) };
  }
  const { processed } = readOk(SalesResponseWire, answer, 'submitSales');
  return { kind: 'done', value: { processed } };
}
