import type { Client } from 'openapi-fetch';
import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { paths } from '../../generated/openapi/cenports.ts';
import { SupplierResilience, type SupplierHealth } from '../http/resilience.ts';
import { createUpstream, type CallInit, type SupplierConnection, type UpstreamAnswer } from '../http/upstream.ts';
import { bearerAuth, requestToken, TokenProvider } from './auth.ts';

export interface CenportsConnection extends SupplierConnection {
  clientId: string;
  clientSecret: string;
  /** the partner account every call names (query `partnerId`) */
  partnerId: string;
  /** the sales channel this gateway reads and writes; order numbers are unique within it */
  channelId: string;
  /** the adapter's clock: token lifetimes and cache ages (default Date.now) */
  now?: () => number;
}

type Send = (client: Client<paths>, init: CallInit) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

export interface CenportsClient {
  readonly partnerId: string;
  readonly channelId: string;
  readonly tokens: TokenProvider;
  /**
   * Sends one authenticated call labelled with its operationId; a 401 is retried once with a new
   * token. Throws like Upstream.call, and SupplierUnavailableError when a fresh token is refused too.
   */
  call(operation: string, send: Send): Promise<UpstreamAnswer>;
  /** breaker, budget and in-flight calls, shared by the token client and this one */
  health(): SupplierHealth;
}

/** The typed Cenports client: Bearer token from /authorize on every call (see auth.ts). */
export function createCenportsClient(connection: CenportsConnection): CenportsClient {
  const common = {
    supplier: 'cenports',
    baseUrl: connection.baseUrl,
    timeoutMs: connection.timeoutMs,
    fetch: connection.fetch,
    onCall: connection.onCall,
    retry: connection.retry,
    // One documented limit covers every endpoint, /authorize included: both clients share it.
    resilience: new SupplierResilience({ rateLimits: connection.rateLimits, breaker: connection.breaker, bulkhead: connection.bulkhead }),
  } as const;
  // /authorize takes no token, so it has a client of its own without the bearer middleware.
  const authorizing = createUpstream<paths>(common);
  const tokens = new TokenProvider({ authorize: () => requestToken(authorizing, connection), now: connection.now });
  const upstream = createUpstream<paths>({ ...common, middleware: [bearerAuth(tokens)] });

  const call = async (operation: string, send: Send): Promise<UpstreamAnswer> => {
    // Fetching the token first keeps /authorize off the read's own timeout.
    await tokens.get();
    const first = await upstream.call(operation, send);
    if (first.status !== 401) return first;
    await tokens.get();
    const second = await upstream.call(operation, send);
    if (second.status === 401) throw new SupplierUnavailableError('cenports', operation, 'a fresh access token was refused', false);
    return second;
  };

  return { partnerId: connection.partnerId, channelId: connection.channelId, tokens, call, health: () => upstream.health() };
}

/** Cenports answers every successful read 200; anything else here is outside its contract. */
export function expectOk(answer: UpstreamAnswer, operation: string): void {
  if (answer.status !== 200) throw new SupplierContractError('cenports', operation, `answered HTTP ${answer.status}`);
}
