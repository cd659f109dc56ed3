import type { paths } from '../../generated/openapi/ordersapi.ts';
import { createUpstream, upstreamOptions, type SupplierConnection, type Upstream } from '../http/upstream.ts';
import { headerAuth } from '../shared/middleware.ts';

export interface OrdersapiConnection extends SupplierConnection {
  apiKey: string;
}

export type OrdersapiClient = Upstream<paths>;

/** The typed ordersapi client; its key goes in `x-api-key` on every call. */
export function createOrdersapiClient(connection: OrdersapiConnection): OrdersapiClient {
  return createUpstream<paths>(upstreamOptions('ordersapi', connection, [headerAuth('x-api-key', connection.apiKey)]));
}
