import type { DocumentedRateLimit } from '../operations.ts';
import type { RateScope } from './rate-scopes.ts';

/** One documented window as the gateway counts it. */
export interface RateBudgetSnapshot {
  scope: RateScope;
  remaining: number;
  limit: number;
  /** when the current window ends; null before the first call opens it */
  resetsAt: string | null;
}

interface Window {
  scope: RateScope;
  limit: number;
  windowMs: number;
  /** epoch ms the current window ends; 0 before the first call */
  endsAt: number;
  used: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The gateway's own count of its calls against a supplier's documented fixed windows, corrected
 * by the supplier's X-RateLimit-Remaining/Reset answers, so the gateway's load never earns a 429.
 */
export class RateBudget {
  readonly #windows: Window[];

  constructor(
    limits: readonly DocumentedRateLimit[],
    private readonly now: () => number = Date.now,
  ) {
    this.#windows = limits.map((l) => ({ scope: l.scope, limit: l.limit, windowMs: l.windowSeconds * 1000, endsAt: 0, used: 0 }));
  }

  /**
   * Takes one call from every window of the scope, waiting for a window to reset when that
   * happens before `deadline`. Returns false, taking nothing, when it would not.
   */
  async take(scope: RateScope, deadline: number): Promise<boolean> {
    for (;;) {
      const windows = this.#of(scope);
      const now = this.now();
      for (const w of windows) if (now >= w.endsAt) Object.assign(w, { endsAt: now + w.windowMs, used: 0 });
      const spent = windows.filter((w) => w.used >= w.limit);
      if (spent.length === 0) {
        windows.forEach((w) => (w.used += 1));
        return true;
      }
      const freeAt = Math.max(...spent.map((w) => w.endsAt));
      if (freeAt > deadline) return false;
      await sleep(freeAt - now);
    }
  }

  /** Trusts the supplier's own count when it has spent more than the gateway counted. */
  observe(scope: RateScope, headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
    if (!Number.isInteger(remaining)) return;
    const reportedLimit = Number(headers.get('x-ratelimit-limit') ?? Number.NaN);
    const windows = this.#of(scope);
    const window = windows.find((w) => w.limit === reportedLimit) ?? windows[0];
    if (!window) return;
    window.used = Math.max(window.used, window.limit - remaining);
    const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
    // X-RateLimit-Reset is unix seconds; a later reset than counted means a longer wait.
    if (Number.isFinite(reset) && reset * 1000 > window.endsAt) window.endsAt = reset * 1000;
  }

  snapshot(): RateBudgetSnapshot[] {
    const now = this.now();
    return this.#windows.map((w) => {
      const open = now < w.endsAt;
      return {
        scope: w.scope,
        limit: w.limit,
        remaining: open ? Math.max(0, w.limit - w.used) : w.limit,
        resetsAt: open ? new Date(w.endsAt).toISOString() : null,
      };
    });
  }

  #of(scope: RateScope): Window[] {
    return this.#windows.filter((w) => w.scope === scope);
  }
}
