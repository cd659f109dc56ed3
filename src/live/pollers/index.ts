import type { SupplierId } from '../../domain/supplier.ts';
import type { Store } from '../../store/index.ts';
import type { SupplierRegistry } from '../../suppliers/registry.ts';
import type { LiveBus } from '../bus.ts';
import { cenportsRound } from './cenports.ts';
import { startPoller, type Poller } from './poller.ts';
import { whitelabelRound } from './whitelabel.ts';

/**
 * How often each supplier is polled by default. Both stay far inside the documented limits:
 * WhiteLabel 2 reads a round every 15 s is 8 of its 100 reads a minute; Cenports 2 calls every
 * 30 s (plus a token now and then) is about 5 of its 60 a minute.
 */
export const DEFAULT_POLL_INTERVALS_MS = { whitelabel: 15_000, cenports: 30_000 } as const;

/** The suppliers whose order changes a poller reads: writes to them are marked (asSupplierWrite). */
export const POLLED_SUPPLIERS: ReadonlySet<SupplierId> = new Set(Object.keys(DEFAULT_POLL_INTERVALS_MS) as SupplierId[]);

export interface PollingOptions {
  /** one interval for every supplier (tests); each supplier's default when absent */
  intervalMs?: number;
}

/** Starts a poller for each configured supplier that can be polled; answers them to stop. */
export function startPollers(deps: {
  suppliers: SupplierRegistry;
  store: Store;
  bus: LiveBus;
  options: PollingOptions;
  now: () => number;
  logError: (error: unknown) => void;
}): Poller[] {
  const { suppliers, store, bus, now, logError } = deps;
  const interval = (supplier: keyof typeof DEFAULT_POLL_INTERVALS_MS) => deps.options.intervalMs ?? DEFAULT_POLL_INTERVALS_MS[supplier];
  const pollers: Poller[] = [];
  const whitelabel = suppliers.get('whitelabel');
  if (whitelabel?.orderChangesSince && whitelabel.pendingTrackingShipments) {
    const adapter = {
      orderChangesSince: (since: string) => whitelabel.orderChangesSince!(since),
      pendingTrackingShipments: () => whitelabel.pendingTrackingShipments!(),
    };
    const startedAt = new Date(now()).toISOString();
    pollers.push(
      startPoller({
        name: 'whitelabel',
        intervalMs: interval('whitelabel'),
        store,
        health: whitelabel.health && (() => whitelabel.health!()),
        round: whitelabelRound({ adapter, store, bus, startedAt, now }),
        logError,
      }),
    );
  }
  const cenports = suppliers.get('cenports');
  if (cenports?.listOrders && cenports.listShipments) {
    const adapter = {
      listOrders: (...args: Parameters<NonNullable<typeof cenports.listOrders>>) => cenports.listOrders!(...args),
      listShipments: (...args: Parameters<NonNullable<typeof cenports.listShipments>>) => cenports.listShipments!(...args),
    };
    pollers.push(
      startPoller({
        name: 'cenports',
        intervalMs: interval('cenports'),
        store,
        health: cenports.health && (() => cenports.health!()),
        round: cenportsRound({ adapter, store, bus, now }),
        logError,
      }),
    );
  }
  return pollers;
}
