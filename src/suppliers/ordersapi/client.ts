import type { paths } from '../../generated/openapi/ordersapi.ts';
import type { DocumentedRateLimit } from '../operations.ts';
import { createUpstream, type Upstream, type UpstreamCallEvent } from '../http/upstream.ts';
import { headerAuth } from '../shared/middleware.ts';

export interface OrdersapiConnection {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** the documented limits to keep a client-side budget for; none when absent */
  rateLimits?: readonly DocumentedRateLimit[];
  onCall?: (event: UpstreamCallEvent) => void;
  fetch?: typeof globalThis.fetch;
}

export type OrdersapiClient = Upstream<paths>;

/** The typed ordersapi client; its key goes in `x-api-key` on every call. */
export function createOrdersapiClient(connection: OrdersapiConnection): OrdersapiClient {
  return createUpstream<paths>({
    supplier: 'ordersapi',
    baseUrl: connection.baseUrl,
    timeoutMs: connection.timeoutMs,
    rateLimits: connection.rateLimits,
    fetch: connection.fetch,
    onCall: connection.onCall,
    middleware: [headerAuth('x-api-key', connection.apiKey)],
  });
}
