import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupplierUnavailableError } from '../../src/domain/errors.ts';
import { startCenportsSandbox, type CenportsSandbox } from '../../src/sandbox/cenports/index.ts';
import { adapterFor, statusesOf } from './cenports-support.ts';

const HOUR = 3_600_000;
const TOKEN_TTL_MS = 12 * HOUR; // the sandbox's default, the document's 12 hours

describe('cenports adapter: OAuth2 client-credentials token', () => {
  let sandbox: CenportsSandbox;
  // The sandbox's clock: tokens expire on it, and tests move it instead of waiting.
  let clock = Date.UTC(2026, 10, 1);

  beforeAll(async () => {
    sandbox = await startCenportsSandbox({ rateLimitMode: 'off', now: () => clock });
  });
  afterAll(() => sandbox.close());

  it('authorizes once for 20 concurrent reads on a cold adapter', async () => {
    sandbox.stats.reset();
    const adapter = adapterFor(sandbox, { now: () => clock });
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => adapter.listOrders({ offset: i * 4, limit: 4 }, {})));
    expect(pages.every((page) => page.items.length === 4)).toBe(true);
    expect(sandbox.stats.count('authorize')).toBe(1);
    expect(sandbox.stats.count('getOrders')).toBe(20);
  });

  it('renews the token within a minute of its expiry, before Cenports refuses it', async () => {
    sandbox.stats.reset();
    const adapter = adapterFor(sandbox, { now: () => clock });
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    clock += TOKEN_TTL_MS - 2 * 60_000;
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    expect(sandbox.stats.count('authorize')).toBe(1);
    clock += 90_000; // 30 s before expiry: inside the 60 s margin
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    expect(sandbox.stats.count('authorize')).toBe(2);
    expect(statusesOf(sandbox, 'getOrders')).toEqual({ 200: 3 });
  });

  it('renews once for 20 concurrent reads that find the token due for renewal', async () => {
    const adapter = adapterFor(sandbox, { now: () => clock });
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    clock += TOKEN_TTL_MS - 30_000; // inside the renewal margin: every read below wants a new token
    sandbox.stats.reset();
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => adapter.listOrders({ offset: i * 4, limit: 4 }, {})));
    expect(pages.every((page) => page.items.length === 4)).toBe(true);
    expect(sandbox.stats.count('authorize')).toBe(1);
    expect(statusesOf(sandbox, 'getOrders')).toEqual({ 200: 20 });
  });

  it('re-authorizes and retries once when Cenports refuses a token the adapter still trusted', async () => {
    const frozen = clock; // the adapter's clock stands still, so it never renews on its own
    const adapter = adapterFor(sandbox, { now: () => frozen });
    await adapter.listOrders({ offset: 0, limit: 1 }, {});
    sandbox.stats.reset();
    clock += TOKEN_TTL_MS + 1_000;
    const page = await adapter.listOrders({ offset: 0, limit: 3 }, {});
    expect(page.items).toHaveLength(3);
    expect(statusesOf(sandbox, 'getOrders')).toEqual({ 200: 1, 401: 1 });
    expect(sandbox.stats.count('authorize')).toBe(1);
  });

  it('fails without retrying when the client credentials are refused, naming no secret', async () => {
    sandbox.stats.reset();
    const adapter = adapterFor(sandbox, { clientSecret: 'wrong-secret-value' });
    const failure = await adapter.listOrders({ offset: 0, limit: 1 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', supplier: 'cenports', retryable: false });
    expect((failure as Error).message).not.toMatch(/wrong-secret-value|sg_cenports|127\.0\.0\.1/);
    expect(sandbox.stats.count('authorize')).toBe(1);
    expect(sandbox.stats.count('getOrders')).toBe(0);
  });
});
