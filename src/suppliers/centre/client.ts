import type { paths } from '../../generated/openapi/centre.ts';
import { createUpstream, upstreamOptions, type SupplierConnection, type Upstream } from '../http/upstream.ts';
import { headerAuth } from '../shared/middleware.ts';

export interface CentreConnection extends SupplierConnection {
  /** the sales channel's key */
  apiKey: string;
}

export type CentreClient = Upstream<paths>;

/** The typed Centre client; the channel's key goes in `X-API-Key` on every call. */
export function createCentreClient(connection: CentreConnection): CentreClient {
  return createUpstream<paths>(upstreamOptions('centre', connection, [headerAuth('X-API-Key', connection.apiKey)]));
}
