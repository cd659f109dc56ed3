import { GraphQLError } from 'graphql';
import { SupplierUnavailableError } from '../domain/errors.ts';
import type { SupplierId } from '../domain/supplier.ts';
import { failureTraitsOf } from '../suppliers/http/resilience.ts';
import { claimKey, holdingLease } from './idempotent.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import type { Changed } from './supplier-changes.ts';
import { requestHash } from './tokens.ts';
import { userError } from './user-errors.ts';
import { validateIdempotencyKey } from './validate-cart.ts';

/**
 * Adapters serve order and shipment reads from a short reuse that is never older than this
 * (their TTLs are capped at 2 s), so a read begun this long after a write sees it.
 */
const READS_STALE_AT_MOST_MS = 2_000;

/** How a write whose earlier attempt got no answer is settled before anything is sent again. */
export type AfterUnknown<T> =
  /** sending again changes nothing more (acknowledgements, a TRUE_UP) */
  | { kind: 'resend' }
  /** looks for the earlier attempt's effect: its result when it landed, null when it did not */
  | { kind: 'lookup'; find: () => Promise<T | null> }
  /** the supplier offers no way to tell and a resend would apply it twice: never sent again */
  | { kind: 'never'; supplier: SupplierId };

/** One supplier write made at most once under the caller's key. */
export interface OnceWrite<T> {
  /** the mutation: keys are scoped to the caller and the operation */
  operation: string;
  /** without a key the write is simply sent */
  key: string | null | undefined;
  /** where the key sits in the input, for its user errors */
  keyField: string[];
  /** what the key is bound to: the same key with another request is IDEMPOTENCY_KEY_REUSED */
  request: unknown;
  /** the supplier call; throws when the supplier is down or the outcome unknown */
  send: () => Promise<Changed<T>>;
  afterUnknown: AfterUnknown<T>;
  /** a recorded answer as a replay serves it (default: as recorded) */
  replay?: (recorded: Changed<T>) => Promise<Changed<T>>;
  /** a done key recorded before answers were kept whole, as a replay serves it */
  replayUnrecorded?: (response: unknown) => Promise<Changed<T>>;
}

/** What the key holds: a done answer, or why a partial one was left. */
type Recorded<T> = { answer: Changed<T> } | { attempt: 'unknown'; at: number } | { attempt: 'unsent' };

/**
 * Sends the write once per key: a replay answers the recorded result with no supplier call, the
 * same key with another request is refused IDEMPOTENCY_KEY_REUSED with no call, and a retry
 * after an unknown outcome settles the earlier attempt (see AfterUnknown) before sending again.
 * Refusals are final and recorded like results. Throws what send throws (the key is left
 * partial, so a retry proceeds at once), or SUPPLIER_UNAVAILABLE (not retryable) when an earlier
 * attempt cannot be confirmed and must not be sent again.
 */
export async function runOnce<T>(deps: OrderServiceDeps, scope: string, write: OnceWrite<T>): Promise<Changed<T>> {
  if (write.key == null) return write.send();
  const invalid = validateIdempotencyKey(write.key, write.keyField);
  if (invalid.length > 0) return { value: null, userErrors: invalid };
  const lease = await claimKey(deps, { scope, operation: write.operation, key: write.key, requestHash: requestHash(write.request) });
  if (lease.status === 'mismatch') {
    return { value: null, userErrors: [userError('IDEMPOTENCY_KEY_REUSED', 'this idempotencyKey was used with a different request', write.keyField)] };
  }
  const earlier = lease.earlier as Recorded<T> | null;
  if (lease.history === 'done') {
    if (!(earlier && 'answer' in earlier)) {
      if (!write.replayUnrecorded) throw new Error(`${write.operation} key ${write.key} is done without a recorded answer`);
      return write.replayUnrecorded(earlier);
    }
    return write.replay ? write.replay(earlier.answer) : earlier.answer;
  }
  // A lapsed lease left no notes: its holder may have sent, so it counts as unknown.
  const unknownAt = lease.history === 'resumed' && !(earlier && 'attempt' in earlier && earlier.attempt === 'unsent') ? atOf(earlier) : null;
  return holdingLease(lease, async () => {
    try {
      const answer = unknownAt === null ? await write.send() : await settle(write, unknownAt, deps.now);
      await lease.finish('done', { answer } satisfies Recorded<T>);
      return answer;
    } catch (error) {
      const at = mayHaveLanded(error) ? deps.now() : unknownAt;
      const left: Recorded<T> = at === null ? { attempt: 'unsent' } : { attempt: 'unknown', at };
      // A finish that fails leaves the lease to lapse, which the next claim reads as unknown: safe.
      await lease.finish('partial', left).catch(() => {});
      throw error;
    }
  });
}

const atOf = (earlier: unknown): number => (earlier && typeof earlier === 'object' && 'at' in earlier && typeof earlier.at === 'number' ? earlier.at : 0);

async function settle<T>(write: OnceWrite<T>, unknownAt: number, now: () => number): Promise<Changed<T>> {
  const after = write.afterUnknown;
  if (after.kind === 'never') throw unconfirmable(after.supplier, write.operation);
  if (after.kind === 'resend') return write.send();
  const found = await after.find();
  if (found !== null) return { value: found, userErrors: [] };
  const sent = await write.send();
  if (sent.userErrors.length === 0) return sent;
  // Refused, perhaps because the earlier attempt did land and the lookup read a reused answer:
  // look once more with a read that must see it.
  const wait = unknownAt + READS_STALE_AT_MOST_MS - now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const late = await after.find();
  return late !== null ? { value: late, userErrors: [] } : sent;
}

/**
 * Whether a failed write may have been applied. Only a call the gateway's own policies stopped
 * before sending (rate budget, breaker, bulkhead, a refused credential: no failure traits) or a
 * 429 certainly was not. Writes whose AfterUnknown is 'never' make one call and no read-back,
 * so a read's failure is never mistaken here for the write's.
 */
function mayHaveLanded(error: unknown): boolean {
  if (!(error instanceof SupplierUnavailableError)) return true;
  const traits = failureTraitsOf(error);
  return traits !== undefined && (traits.unanswered === true || traits.unwell);
}

function unconfirmable(supplier: SupplierId, operation: string): GraphQLError {
  return new GraphQLError(
    `${supplier} did not answer an earlier ${operation} with this idempotencyKey and offers no way to confirm whether it was applied; it is not sent again (check at the supplier, then use a new key)`,
    { extensions: { code: 'SUPPLIER_UNAVAILABLE', supplier, operation, retryable: false } },
  );
}
