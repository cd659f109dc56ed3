import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxSuppliersConfig } from './gateway-config.ts';
import type { Sandboxes } from './index.ts';

/** The admin key a live-mode gateway over the sandboxes accepts (its hash is in the environment). */
export const LIVE_TEST_ADMIN_KEY = 'live-test-admin-key';

/** The environment that points a live-mode gateway at the running sandboxes. */
export function liveEnvironment(sandboxes: Sandboxes): Record<string, string> {
  const config = sandboxSuppliersConfig(sandboxes);
  const dir = mkdtempSync(join(tmpdir(), 'supplygraph-bench-'));
  writeFileSync(join(dir, 'centre.json'), JSON.stringify(config.centre!.priceList));
  writeFileSync(join(dir, 'ordersapi.json'), JSON.stringify(config.ordersapi!.catalog));
  const hash = createHash('sha256').update(LIVE_TEST_ADMIN_KEY).digest('hex');
  return {
    SUPPLYGRAPH_MODE: 'live',
    // The sandboxes these processes talk to are started without limits (tests, the benchmark).
    SUPPLYGRAPH_RATE_BUDGETS: 'off',
    // Background polls would add calls to the counts the benchmark and the process tests read.
    SUPPLYGRAPH_POLLING: 'off',
    SUPPLYGRAPH_API_KEYS: `live-test-admin:admin:${hash}`,
    CENTRE_BASE_URL: config.centre!.baseUrl,
    CENTRE_API_KEY: config.centre!.apiKey,
    CENTRE_PRICE_LIST_FILE: join(dir, 'centre.json'),
    WHITELABEL_BASE_URL: config.whitelabel!.baseUrl,
    WHITELABEL_STORE_ID: config.whitelabel!.store.storeId,
    WHITELABEL_STORE_SECRET: config.whitelabel!.store.storeSecret,
    PLEASURESTOCK_BASE_URL: config.pleasurestock!.baseUrl,
    PLEASURESTOCK_API_KEY: config.pleasurestock!.apiKey,
    ORDERSAPI_BASE_URL: config.ordersapi!.baseUrl,
    ORDERSAPI_API_KEY: config.ordersapi!.apiKey,
    ORDERSAPI_CATALOG_FILE: join(dir, 'ordersapi.json'),
    CENPORTS_BASE_URL: config.cenports!.baseUrl,
    CENPORTS_CLIENT_ID: config.cenports!.clientId,
    CENPORTS_CLIENT_SECRET: config.cenports!.clientSecret,
    CENPORTS_PARTNER_ID: config.cenports!.partnerId,
    CENPORTS_CHANNEL_ID: config.cenports!.channelId,
  };
}
