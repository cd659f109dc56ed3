/**
 * Fixed-window rate limits as suppliers document them ("100 requests per minute"). A bucket may
 * have several windows (Centre: 100 a minute and 200 per 10 s); a request must fit all of them,
 * and the first window is the one reported in X-RateLimit-* headers.
 */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** unix seconds at which the reported window resets */
  resetAt: number;
  /** whole seconds until a refused request may be retried */
  retryAfterSeconds: number;
}

interface WindowState {
  startedAt: number;
  used: number;
}

export class RateLimiter {
  #states: WindowState[];

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number,
  ) {
    if (windows.length === 0) throw new Error('RateLimiter needs at least one window');
    this.#states = windows.map(() => ({ startedAt: now(), used: 0 }));
  }

  /** Takes one request from every window, or none when any window is spent. */
  take(): RateDecision {
    const now = this.now();
    this.windows.forEach((window, i) => {
      const state = this.#states[i]!;
      if (now - state.startedAt >= window.windowMs) {
        state.startedAt = now;
        state.used = 0;
      }
    });
    const spent = this.windows.findIndex((window, i) => this.#states[i]!.used >= window.limit);
    if (spent === -1) this.#states.forEach((state) => (state.used += 1));
    const primary = this.windows[0]!;
    const primaryState = this.#states[0]!;
    const blocking = spent === -1 ? primary : this.windows[spent]!;
    const blockingState = spent === -1 ? primaryState : this.#states[spent]!;
    return {
      allowed: spent === -1,
      limit: primary.limit,
      remaining: Math.max(0, primary.limit - primaryState.used),
      resetAt: Math.ceil((primaryState.startedAt + primary.windowMs) / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((blockingState.startedAt + blocking.windowMs - now) / 1000)),
    };
  }

  reset(): void {
    const now = this.now();
    this.#states = this.windows.map(() => ({ startedAt: now, used: 0 }));
  }
}

/** Counts requests in flight against a documented concurrency cap (Centre: 10 simultaneous). */
export class ConcurrencyLimiter {
  #inFlight = 0;
  constructor(readonly max: number) {}
  tryAcquire(): boolean {
    if (this.#inFlight >= this.max) return false;
    this.#inFlight += 1;
    return true;
  }
  release(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
  }
}
