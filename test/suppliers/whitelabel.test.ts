import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, type SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { SupplierContractError, SupplierUnavailableError } from '../../src/domain/errors.ts';
import { toDecimalString } from '../../src/domain/money.ts';
import { createWhitelabelAdapter, type WhitelabelAdapterOptions } from '../../src/suppliers/whitelabel/index.ts';
import { useWhitelabelSandbox } from './whitelabel-sandbox.ts';

type FullAdapter = Required<Pick<SupplierAdapter, 'getWallet' | 'trackingUpdates' | 'listOrders' | 'getOrders' | 'listProducts'>>;
const cents = (value: number) => (value / 100).toFixed(2);

describe('whitelabel adapter: wallet, tracking and failures', () => {
  const wl = useWhitelabelSandbox();
  const adapterWith = (options: Partial<WhitelabelAdapterOptions> = {}) =>
    createWhitelabelAdapter({ baseUrl: wl.sandbox.baseUrl, store: wl.sandbox.credentials.store, timeoutMs: 2_000, ...options });
  const full = (options: Partial<WhitelabelAdapterOptions> = {}) => adapterWith(options) as FullAdapter;

  it('declares the capabilities it implements', () => {
    expect(capabilitiesOf(adapterWith()).sort()).toEqual(
      [
        'getInventory', 'getOrders', 'getProducts', 'getShipmentsByOrder', 'getWallet', 'listOrders', 'listProducts', 'listShipments', 'trackingUpdates',
        'createOrder', 'cancelOrder', 'updateOrderStatus', 'acknowledgeTrackingUpdates', 'createShipment', 'markShipmentShipped',
      ].sort(),
    );
    expect(adapterWith().descriptor.id).toBe('whitelabel');
  });

  it('reads the wallet in exact USD from cents', async () => {
    const wallet = await full().getWallet();
    const reserved = wl.sandbox.state.reservedCents();
    expect(toDecimalString(wallet.balance)).toBe(cents(wl.sandbox.state.wallet.balanceCents));
    expect(toDecimalString(wallet.reserved)).toBe(cents(reserved));
    expect(toDecimalString(wallet.available)).toBe(cents(wl.sandbox.state.wallet.balanceCents - reserved));
    expect(wallet).toMatchObject({ supplier: 'whitelabel', pendingPayments: 0, balance: { currency: 'USD' } });
  });

  it('reuses the wallet within its TTL and reads it again after', async () => {
    const adapter = full({ walletTtlMs: 100 });
    await adapter.getWallet();
    await adapter.getWallet();
    expect(wl.sandbox.stats.count('getWallet')).toBe(1);
    await sleep(120);
    await adapter.getWallet();
    expect(wl.sandbox.stats.count('getWallet')).toBe(2);
  });

  it('never keeps the wallet longer than 2 s, whatever the options say', async () => {
    const adapter = full({ walletTtlMs: 60_000 });
    const before = await adapter.getWallet();
    await fetch(`${wl.sandbox.url}/__sandbox/whitelabel/wallet`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ balance_cents: wl.sandbox.state.wallet.balanceCents + 12_345 }),
    });
    expect(await adapter.getWallet()).toBe(before);
    await sleep(2_050);
    const after = await adapter.getWallet();
    expect(after.balance.minor - before.balance.minor).toBe(12_345n);
    expect(wl.sandbox.stats.count('getWallet')).toBe(2);
  });

  it('lists tracking the store has not acknowledged, one update per shipment with tracking', async () => {
    const updates = await full().trackingUpdates();
    const lastShipped = (o: { shipments: { shippedAt: number | null }[] }) => Math.max(...o.shipments.map((s) => s.shippedAt ?? 0));
    const pending = wl.sandbox.state
      .orders()
      .filter((o) => o.trackingPending)
      .sort((a, b) => lastShipped(a) - lastShipped(b) || (a.id < b.id ? -1 : 1));
    expect(pending.length).toBeGreaterThan(0);
    const expected = pending.flatMap((o) =>
      o.shipments
        .filter((s) => s.trackingNumber !== null)
        .map((s) => ({ supplierOrderId: o.id, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl, carrier: s.carrier })),
    );
    expect(updates.map(({ supplierOrderId, trackingNumber, trackingUrl, carrier }) => ({ supplierOrderId, trackingNumber, trackingUrl, carrier }))).toEqual(expected);
    expect(updates.every((u) => u.updatedAt !== null && !Number.isNaN(Date.parse(u.updatedAt)))).toBe(true);
    expect(wl.sandbox.stats.count('getPendingTracking')).toBe(1);
  });

  it('turns an injected 503 into a retryable SUPPLIER_UNAVAILABLE', async () => {
    wl.sandbox.faults.set([{ kind: 'error', status: 503, times: 1 }]);
    const failure = await full().listOrders({ offset: 0, limit: 5 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as SupplierUnavailableError).extensions).toMatchObject({
      code: 'SUPPLIER_UNAVAILABLE',
      supplier: 'whitelabel',
      operation: 'listOrders',
      retryable: true,
    });
    expect((failure as Error).message).not.toContain(wl.sandbox.url);
  });

  it('turns a 429 on the wallet into SUPPLIER_UNAVAILABLE', async () => {
    wl.sandbox.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 1, times: 1, operations: ['getWallet'] }]);
    await expect(full().getWallet()).rejects.toBeInstanceOf(SupplierUnavailableError);
  });

  it('gives up on a hanging supplier within its timeout', async () => {
    wl.sandbox.faults.set([{ kind: 'hang', times: 1 }]);
    const started = performance.now();
    const failure = await full({ timeoutMs: 200 }).getOrders(['00000000-0000-4000-8000-000000000000']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierUnavailableError);
    expect((failure as Error).message).toMatch(/200 ms/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('turns malformed JSON into SUPPLIER_CONTRACT_VIOLATION', async () => {
    wl.sandbox.faults.set([{ kind: 'malformedJson', times: 1, operations: ['getCatalog'] }]);
    const failure = await full().listProducts({ offset: 0, limit: 5 }, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierContractError);
    expect((failure as SupplierContractError).extensions).toMatchObject({ code: 'SUPPLIER_CONTRACT_VIOLATION', supplier: 'whitelabel' });
  });

  it('reports refused credentials as a contract error naming the code, never the secret', async () => {
    const wrong = { storeId: wl.sandbox.credentials.store.storeId, storeSecret: 'secret_wrong_0123456789' };
    const failure = await full({ store: wrong }).getWallet().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SupplierContractError);
    const message = (failure as Error).message;
    expect(message).toMatch(/HTTP 401 SIGNATURE_INVALID/);
    expect(message).not.toContain('secret_wrong');
    expect(message).not.toContain(wl.sandbox.url);
  });
});
