import type { Store } from '../../store/index.ts';
import type { SupplierHealth } from '../../suppliers/http/resilience.ts';
import { currentSchema } from '../notify-bus.ts';

/** A round is skipped while a budget of the supplier has less than this share of its limit left. */
const LOW_BUDGET_SHARE = 0.2;

export interface PollerOptions {
  /** names the poller in its lock and its logs, e.g. `whitelabel` */
  name: string;
  intervalMs: number;
  store: Store;
  /** the supplier's breaker and budgets: a round is skipped while the circuit is open or a budget is low */
  health?: () => SupplierHealth;
  /** one round: read what changed, record it, move the cursor */
  round: () => Promise<void>;
  logError: (error: unknown) => void;
}

export type RoundOutcome = 'ran' | 'skipped' | 'locked' | 'failed';

export interface Poller {
  /** Runs one round now, unless one is running (then waits for it) or the poller is stopped. */
  poll(): Promise<RoundOutcome>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `round` every intervalMs (counted from the end of the previous round, so rounds never
 * overlap). On PostgreSQL, where several gateway processes may share the store, a round runs only
 * under a transaction-scoped advisory lock per poller and schema, so one process polls a supplier
 * at a time and the others skip; PGlite has one process and needs none.
 */
export function startPoller(options: PollerOptions): Poller {
  const { store, logError } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RoundOutcome> | null = null;
  const lockName = currentSchema(store.database).then((schema) => `supplygraph:poll:${schema}:${options.name}`);
  // Until the first round, so a failure to read the schema surfaces there rather than unhandled.
  lockName.catch(() => undefined);

  const budgetLow = () => {
    const health = options.health?.();
    return !!health && (health.breaker === 'open' || health.budgets.some((b) => b.remaining < b.limit * LOW_BUDGET_SHARE));
  };

  const locked = async (): Promise<RoundOutcome> => {
    if (store.database.backend === 'pglite') {
      await options.round();
      return 'ran';
    }
    const name = await lockName;
    return store.database.transaction(async (tx) => {
      const [row] = await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [name]);
      if (!row?.locked) return 'locked';
      await options.round();
      return 'ran';
    });
  };

  const once = async (): Promise<RoundOutcome> => {
    if (budgetLow()) return 'skipped';
    try {
      return await locked();
    } catch (error) {
      logError(error);
      return 'failed';
    }
  };

  const poll = (): Promise<RoundOutcome> => {
    if (stopped) return Promise.resolve('skipped');
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void poll().finally(schedule), options.intervalMs);
    // A poller alone must not keep the process alive.
    timer.unref();
  };
  schedule();

  return {
    poll,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
