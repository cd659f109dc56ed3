import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createPleasurestockAdapter, type PleasurestockAdapterOptions } from '../../src/suppliers/pleasurestock/index.ts';

export type PsAdapter = Required<
  Pick<SupplierAdapter, 'listProducts' | 'getProducts' | 'listOrders' | 'getOrders' | 'reorderRecommendations' | 'convertCurrency'>
> &
  SupplierAdapter;

/** The sandbox with its rate limits off, so tests measure the adapter's calls and nothing else. */
export const startSandbox = (): Promise<PleasurestockSandbox> => startPleasurestockSandbox({ rateLimitMode: 'off' });

/** A new adapter (empty caches) against the sandbox, with the sandbox's manager key. */
export function adapterFor(sandbox: PleasurestockSandbox, overrides: Partial<PleasurestockAdapterOptions> = {}): PsAdapter {
  return createPleasurestockAdapter({
    baseUrl: sandbox.baseUrl,
    apiKey: sandbox.credentials.apiKey,
    timeoutMs: 5_000,
    ...overrides,
  }) as PsAdapter;
}

/** "29.99" or "29.9" → 2999, independently of the code under test. */
export function decimalToCents(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 2999 → "29.99", independently of the code under test. */
export const centsToText = (cents: number): string => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** A controllable clock for the adapter's caches. */
export function manualClock(start = 1_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}
