import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import type { DocumentedRateLimit } from '../operations.ts';
import { RateBudget, type RateBudgetSnapshot } from './rate-budget.ts';

/** Retries of reads (GET only; writes go through the exactly-once lookup instead). */
export interface RetryOptions {
  /** attempts in all, the first included (default 3) */
  maxAttempts?: number;
  /** the first backoff before jitter (default 100 ms), doubling up to maxDelayMs (default 2 s) */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** the whole call, every attempt and wait included (default 3 × timeoutMs) */
  budgetMs?: number;
}

export interface BreakerOptions {
  /** consecutive failed calls that open the circuit (default 5) */
  consecutiveFailures?: number;
  /** how long it stays open before one trial call (default 5 s) */
  openMs?: number;
}

export interface BulkheadOptions {
  /** calls in flight at once (default 16) */
  maxConcurrent?: number;
  /** calls waiting for a slot beyond that (default 64); more fail at once */
  maxQueued?: number;
}

/** The per-supplier policies an Upstream applies; every part has a default. */
export interface ResilienceOptions {
  /** read retries; off unless given (`{}` for the defaults) */
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  bulkhead?: BulkheadOptions;
  /** the supplier's documented limits (its descriptor's rateLimits); no budget when absent */
  rateLimits?: readonly DocumentedRateLimit[];
}

/** One supplier's resilience state, for operators and the `Supplier.health` field. */
export interface SupplierHealth {
  breaker: 'closed' | 'open' | 'halfOpen';
  inFlight: number;
  budgets: RateBudgetSnapshot[];
}

/** What a failed attempt tells the retry and breaker policies. */
export interface FailureTraits {
  /** no answer, a timeout, 429, 502, 503 or 504: another attempt may succeed */
  retryable: boolean;
  /** the supplier looks unwell (5xx, no answer), not just busy (429): counts toward the breaker */
  unwell: boolean;
  /** the supplier's Retry-After, when it sent one */
  retryAfterMs?: number;
  /** no answer came (a timeout, a dropped connection): a write may still be applied after this */
  unanswered?: boolean;
}

const traits = new WeakMap<object, FailureTraits>();

/** Records what a failure means for the policies; returns the error. */
export function markFailure<E extends object>(error: E, failure: FailureTraits): E {
  traits.set(error, failure);
  return error;
}

export function failureTraitsOf(error: unknown): FailureTraits | undefined {
  return typeof error === 'object' && error !== null ? traits.get(error) : undefined;
}

/** The long-lived policies of one supplier: the breaker, the bulkhead and the rate budget. */
export class SupplierResilience {
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: BulkheadPolicy;
  readonly budget: RateBudget;
  readonly #capacity: number;

  constructor(readonly options: ResilienceOptions) {
    this.breaker = circuitBreaker(
      handleWhen((error) => failureTraitsOf(error)?.unwell === true),
      { halfOpenAfter: options.breaker?.openMs ?? 5_000, breaker: new ConsecutiveBreaker(options.breaker?.consecutiveFailures ?? 5) },
    );
    this.#capacity = options.bulkhead?.maxConcurrent ?? 16;
    this.bulkhead = bulkhead(this.#capacity, options.bulkhead?.maxQueued ?? 64);
    this.budget = new RateBudget(options.rateLimits ?? []);
  }

  health(): SupplierHealth {
    const state = this.breaker.state;
    return {
      breaker: state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'halfOpen' : 'open',
      inFlight: this.#capacity - this.bulkhead.executionSlots,
      budgets: this.budget.snapshot(),
    };
  }
}

/**
 * The retry policy of one read: jittered exponential backoff, never sooner than the supplier's
 * Retry-After, never past `deadline`. `shouldRetry` sees each failure first.
 */
export function readRetry(options: RetryOptions, deadline: number, shouldRetry: (error: unknown) => boolean) {
  const exponential = new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 100, maxDelay: options.maxDelayMs ?? 2_000 });
  type Context = IRetryBackoffContext<unknown>;
  const honouring = (inner: IBackoff<unknown>, context: Context): IBackoff<Context> => {
    const asked = 'error' in context.result ? failureTraitsOf(context.result.error)?.retryAfterMs : undefined;
    const duration = Math.min(Math.max(inner.duration, asked ?? 0), Math.max(0, deadline - Date.now()));
    return { duration, next: (next) => honouring(inner.next(next), next) };
  };
  const backoff: IBackoffFactory<Context> = { next: (context) => honouring(exponential.next(), context) };
  return retry(handleWhen(shouldRetry), { maxAttempts: Math.max(0, (options.maxAttempts ?? 3) - 1), backoff });
}
