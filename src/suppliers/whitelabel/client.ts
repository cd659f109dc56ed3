import type { paths } from '../../generated/openapi/whitelabel.ts';
import type { DocumentedRateLimit } from '../operations.ts';
import { createUpstream, type Upstream, type UpstreamCallEvent } from '../http/upstream.ts';
import { hmacSigning, type WhitelabelCredential } from './auth.ts';

export interface WhitelabelConnection {
  /** the API root including `/v1` */
  baseUrl: string;
  /** the store credential (merchant scope): every read signs with it */
  store: WhitelabelCredential;
  /** the ops credential (admin scope), needed only for shipment admin writes */
  ops?: WhitelabelCredential;
  timeoutMs: number;
  /** the documented limits to keep a client-side budget for; none when absent */
  rateLimits?: readonly DocumentedRateLimit[];
  onCall?: (event: UpstreamCallEvent) => void;
  fetch?: typeof globalThis.fetch;
}

export type WhitelabelClient = Upstream<paths>;

/**
 * The typed WhiteLabel client, signing every call with one credential: the store's by default,
 * the ops one for `scope: 'ops'`. Throws when the ops credential is asked for but not configured.
 */
export function createWhitelabelClient(connection: WhitelabelConnection, scope: 'store' | 'ops' = 'store'): WhitelabelClient {
  const credential = scope === 'store' ? connection.store : connection.ops;
  if (!credential) throw new Error('whitelabel: no ops credential is configured');
  return createUpstream<paths>({
    supplier: 'whitelabel',
    baseUrl: connection.baseUrl,
    timeoutMs: connection.timeoutMs,
    rateLimits: connection.rateLimits,
    fetch: connection.fetch,
    onCall: connection.onCall,
    middleware: [hmacSigning(credential)],
  });
}
