import type { SuppliersConfig } from '../config.ts';
import type { Sandboxes } from './index.ts';
import { ORDERSAPI_SANDBOX_CATALOG } from './ordersapi/index.ts';

/**
 * The gateway's supplier configuration for the running sandboxes: their loopback URLs, their
 * fixed test credentials, and the catalogs the suppliers without a catalog API publish out of band.
 */
export function sandboxSuppliersConfig(sandboxes: Sandboxes, timeoutMs = 5_000, rateBudgets = true): SuppliersConfig {
  const { centre, whitelabel, pleasurestock, ordersapi, cenports } = sandboxes;
  return {
    timeoutMs,
    rateBudgets,
    centre: { baseUrl: centre.baseUrl, apiKey: centre.credentials.apiKey, priceList: centre.priceList },
    whitelabel: { baseUrl: whitelabel.baseUrl, store: whitelabel.credentials.store, ops: whitelabel.credentials.ops },
    pleasurestock: {
      baseUrl: pleasurestock.baseUrl,
      apiKey: pleasurestock.credentials.apiKey,
      webhookSecret: pleasurestock.credentials.webhookSecret,
    },
    ordersapi: {
      baseUrl: ordersapi.baseUrl,
      apiKey: ordersapi.credentials.apiKey,
      catalog: ordersapiSandboxCatalog(),
    },
    cenports: {
      baseUrl: cenports.baseUrl,
      clientId: cenports.credentials.clientId,
      clientSecret: cenports.credentials.clientSecret,
      partnerId: cenports.credentials.partnerId,
      channelId: cenports.credentials.channelId,
    },
  };
}

/** The ordersapi sandbox's catalog in the shape the gateway's configuration takes. */
export function ordersapiSandboxCatalog() {
  return ORDERSAPI_SANDBOX_CATALOG.map((p) => ({
    productId: p.product_id,
    sku: p.sku,
    name: p.name,
    priceCents: p.priceCents,
    currency: p.currency,
    available: p.available,
  }));
}
