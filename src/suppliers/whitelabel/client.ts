import type { paths } from '../../generated/openapi/whitelabel.ts';
import { createUpstream, upstreamOptions, type SupplierConnection, type Upstream } from '../http/upstream.ts';
import { hmacSigning, type WhitelabelCredential } from './auth.ts';

export interface WhitelabelConnection extends SupplierConnection {
  /** the store credential (merchant scope): every read signs with it */
  store: WhitelabelCredential;
  /** the ops credential (admin scope), needed only for shipment admin writes */
  ops?: WhitelabelCredential;
}

export type WhitelabelClient = Upstream<paths>;

/**
 * The typed WhiteLabel client, signing every call with one credential: the store's by default,
 * the ops one for `scope: 'ops'`. Throws when the ops credential is asked for but not configured.
 */
export function createWhitelabelClient(connection: WhitelabelConnection, scope: 'store' | 'ops' = 'store'): WhitelabelClient {
  const credential = scope === 'store' ? connection.store : connection.ops;
  if (!credential) throw new Error('whitelabel: no ops credential is configured');
  return createUpstream<paths>(upstreamOptions('whitelabel', connection, [hmacSigning(credential)]));
}
