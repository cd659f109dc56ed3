import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration from the environment', () => {
  it('defaults to sandbox mode on port 4000 with nothing set', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'sandbox', port: 4000 });
  });

  it('names every missing or malformed variable of live mode in one message, and no value', () => {
    const attempt = () =>
      loadConfig({
        SUPPLYGRAPH_MODE: 'live',
        PORT: 'eighty',
        CENPORTS_BASE_URL: 'not a url',
        CENPORTS_CLIENT_SECRET: 'super-secret-value',
        WHITELABEL_STORE_ID: 'store',
      });
    expect(attempt).toThrow(/PORT/);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PORT', 'CENPORTS_BASE_URL', 'CENPORTS_CLIENT_ID', 'CENPORTS_PARTNER_ID', 'CENPORTS_CHANNEL_ID', 'WHITELABEL_BASE_URL', 'WHITELABEL_STORE_SECRET']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('super-secret-value');
    expect(message).not.toContain('CENTRE_');
  });

  it('reads the log level, the read attempts and the unanswered-create hold-off, and names a bad one', () => {
    expect(loadConfig({ LOG_LEVEL: 'warn' })).toMatchObject({ logLevel: 'warn' });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ SUPPLYGRAPH_READ_ATTEMPTS: '0' })).toThrow(/SUPPLYGRAPH_READ_ATTEMPTS/);
    expect(loadConfig({})).toMatchObject({ unansweredSettleMs: 30_000 });
    expect(loadConfig({ SUPPLYGRAPH_UNANSWERED_SETTLE_MS: '5000' })).toMatchObject({ unansweredSettleMs: 5_000 });
  });

  it('refuses live mode with no supplier at all', () => {
    expect(() => loadConfig({ SUPPLYGRAPH_MODE: 'live' })).toThrow(/at least one supplier/);
  });

  it('reads a live supplier and its catalog file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'supplygraph-config-'));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify([{ productId: 'PR00001', sku: 'BR-4001', name: 'All Day IPA', priceCents: 1099 }]));
    const config = loadConfig({
      SUPPLYGRAPH_MODE: 'live',
      SUPPLYGRAPH_API_KEYS: `shop:partner:${'ab'.repeat(32)}`,
      ORDERSAPI_BASE_URL: 'https://api.example.com',
      ORDERSAPI_API_KEY: 'k',
      ORDERSAPI_CATALOG_FILE: join(dir, 'catalog.json'),
    });
    expect(config.suppliers?.ordersapi?.catalog).toEqual([
      { productId: 'PR00001', sku: 'BR-4001', name: 'All Day IPA', priceCents: 1099, currency: 'USD', available: true },
    ]);
    expect(config.suppliers?.cenports).toBeUndefined();
    expect(config.apiKeys).toEqual([{ name: 'shop', role: 'partner', sha256: 'ab'.repeat(32) }]);
  });

  it('needs API key hashes in live mode and refuses a malformed entry', () => {
    const supplier = { SUPPLYGRAPH_MODE: 'live', ORDERSAPI_BASE_URL: 'https://x.io', ORDERSAPI_API_KEY: 'k' };
    expect(() => loadConfig({ ...supplier, ORDERSAPI_CATALOG_FILE: '/nope.json' })).toThrow(/SUPPLYGRAPH_API_KEYS: is required/);
    expect(() => loadConfig({ ...supplier, SUPPLYGRAPH_API_KEYS: 'shop:owner:xyz' })).toThrow(/SUPPLYGRAPH_API_KEYS: each entry must be name:role:sha256hex/);
  });

  it('names a catalog file that cannot be read', () => {
    expect(() =>
      loadConfig({ SUPPLYGRAPH_MODE: 'live', ORDERSAPI_BASE_URL: 'https://x.io', ORDERSAPI_API_KEY: 'k', ORDERSAPI_CATALOG_FILE: '/nope.json' }),
    ).toThrow(/ORDERSAPI_CATALOG_FILE: cannot be read/);
  });
});
