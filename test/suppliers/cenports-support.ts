import { CENPORTS_SANDBOX_CREDENTIALS, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createCenportsAdapter, type CenportsAdapterOptions } from '../../src/suppliers/cenports/index.ts';

/** Shared by the cenports adapter test files. */

export type FullAdapter = Required<SupplierAdapter>;

export const CREDENTIALS = CENPORTS_SANDBOX_CREDENTIALS;
export const CHANNEL = CREDENTIALS.channelId;

/** An adapter on the sandbox's credentials; every cache off unless the test turns it on. */
export function adapterFor(sandbox: CenportsSandbox, options: Partial<CenportsAdapterOptions> = {}): FullAdapter {
  return createCenportsAdapter({
    baseUrl: sandbox.baseUrl,
    clientId: CREDENTIALS.clientId,
    clientSecret: CREDENTIALS.clientSecret,
    partnerId: CREDENTIALS.partnerId,
    channelId: CHANNEL,
    timeoutMs: 2_000,
    ordersTtlMs: 0,
    inventoryTtlMs: 0,
    ...options,
  }) as FullAdapter;
}

/** "114.10" for 11410 cents, as toDecimalString writes USD. */
export const dollars = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Answers per status for one operation, e.g. { '200': 1, '401': 1 }. */
export const statusesOf = (sandbox: CenportsSandbox, operation: string) => sandbox.stats.snapshot().byOperationStatus[operation] ?? {};
