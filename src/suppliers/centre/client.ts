import type { paths } from '../../generated/openapi/centre.ts';
import type { DocumentedRateLimit } from '../operations.ts';
import { createUpstream, type Upstream, type UpstreamCallEvent } from '../http/upstream.ts';
import { headerAuth } from '../shared/middleware.ts';

export interface CentreConnection {
  /** up to and including Centre's `/api` prefix, e.g. https://pepapi.stmin.dev/api */
  baseUrl: string;
  /** the sales channel's key */
  apiKey: string;
  timeoutMs: number;
  /** the documented limits to keep a client-side budget for; none when absent */
  rateLimits?: readonly DocumentedRateLimit[];
  onCall?: (event: UpstreamCallEvent) => void;
  fetch?: typeof globalThis.fetch;
}

export type CentreClient = Upstream<paths>;

/** The typed Centre client; the channel's key goes in `X-API-Key` on every call. */
export function createCentreClient(connection: CentreConnection): CentreClient {
  return createUpstream<paths>({
    supplier: 'centre',
    baseUrl: connection.baseUrl,
    timeoutMs: connection.timeoutMs,
    rateLimits: connection.rateLimits,
    fetch: connection.fetch,
    onCall: connection.onCall,
    middleware: [headerAuth('X-API-Key', connection.apiKey)],
  });
}
