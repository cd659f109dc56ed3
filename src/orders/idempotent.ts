import { GraphQLError } from 'graphql';
import type { OrderServiceDeps } from './place-cart.ts';

export interface KeyClaim {
  scope: string;
  operation: string;
  key: string;
  requestHash: string;
}

/** A held idempotency key: renew it while working, finish it once. */
export interface KeyLease {
  status: 'claimed';
  /**
   * new: nobody held the key before; resumed: an earlier holder finished it partial or let its
   * lease lapse, so its attempt may have reached the supplier; done: finished, `earlier` is the
   * answer to replay.
   */
  history: 'new' | 'resumed' | 'done';
  /** what the earlier holder finished with: the done answer, a partial's notes, or null */
  earlier: unknown;
  renewEveryMs: number;
  renew(): Promise<void>;
  finish(state: 'done' | 'partial', response: unknown): Promise<void>;
}

type LeaseDeps = Pick<OrderServiceDeps, 'store' | 'owner' | 'leaseMs' | 'now'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the key for this request. A key another request holds is waited for (concurrent retries
 * of one request place one order), then taken over once settled as partial or once its holder's
 * lease lapses (a crashed process). A finished key is claimed again so that its recorded parts are
 * replayed from the store without any supplier call. Throws IDEMPOTENCY_KEY_IN_USE (retryable)
 * when the holder neither finishes nor lapses in time.
 */
export async function claimKey(deps: LeaseDeps, claim: KeyClaim): Promise<KeyLease | { status: 'mismatch' }> {
  const deadline = deps.now() + Math.max(deps.leaseMs * 3, 15_000);
  for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
    const answer = await deps.store.idempotency.claim({ ...claim, owner: deps.owner, leaseMs: deps.leaseMs, now: deps.now() });
    if (answer.status === 'mismatch') return { status: 'mismatch' };
    if (answer.status === 'done') return lease(deps, claim, 'done', answer.response);
    if (answer.status === 'claimed') return lease(deps, claim, answer.resumed ? 'resumed' : 'new', answer.response);
    if (deps.now() > deadline) {
      throw new GraphQLError('another request with this idempotencyKey is still in progress; retry later', {
        extensions: { code: 'IDEMPOTENCY_KEY_IN_USE', retryable: true },
      });
    }
    await sleep(wait);
  }
}

/** Runs work while renewing the lease, so a long supplier call keeps the key. */
export async function holdingLease<T>(lease: KeyLease, work: () => Promise<T>): Promise<T> {
  const renewal = setInterval(() => void lease.renew().catch(() => {}), lease.renewEveryMs);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
  }
}

function lease(deps: LeaseDeps, claim: KeyClaim, history: KeyLease['history'], earlier: unknown): KeyLease {
  const { scope, operation, key } = claim;
  return {
    status: 'claimed',
    history,
    earlier: earlier ?? null,
    renewEveryMs: Math.max(50, Math.floor(deps.leaseMs / 3)),
    renew: async () => {
      await deps.store.idempotency.renew(scope, operation, key, deps.owner, deps.leaseMs, deps.now());
    },
    finish: async (state, response) => {
      await deps.store.idempotency.finish(scope, operation, key, deps.owner, state, response);
    },
  };
}
