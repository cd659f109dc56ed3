import type { Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/openapi/pleasurestock.ts';
import { createUpstream, upstreamOptions, type SupplierConnection, type Upstream } from '../http/upstream.ts';

export interface PleasurestockConnection extends SupplierConnection {
  /** the company API key (pk_live_…); the same key serves both API families */
  apiKey: string;
}

export type PleasurestockClient = Upstream<paths>;

/**
 * One key, two headers: the spec's integrator decision is that the standard API reads the key
 * from X-API-Key only and the External API (/external/*) from `Authorization: Bearer` only, and
 * that a key in the other header counts as missing. The choice follows the OpenAPI path, so it
 * does not depend on where the base URL puts the API.
 */
export function pleasurestockAuth(apiKey: string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (schemaPath.startsWith('/external/')) request.headers.set('Authorization', `Bearer ${apiKey}`);
      else request.headers.set('X-API-Key', apiKey);
      return request;
    },
  };
}

/** The typed PleasureStock client with its per-family authentication. */
export function createPleasurestockClient(connection: PleasurestockConnection): PleasurestockClient {
  return createUpstream<paths>(upstreamOptions('pleasurestock', connection, [pleasurestockAuth(connection.apiKey)]));
}
