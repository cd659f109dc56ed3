import type { Middleware } from 'openapi-fetch';
import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { paths } from '../../generated/openapi/cenports.ts';
import { expectBody } from '../http/expect.ts';
import type { Upstream } from '../http/upstream.ts';
import { AccessTokenWire } from './wire.ts';

/** A token as /authorize issued it: the whole Authorization header value and its lifetime. */
export interface IssuedToken {
  authorization: string;
  expiresInSeconds: number;
}

export interface TokenProviderOptions {
  /** asks /authorize for a new token */
  authorize: () => Promise<IssuedToken>;
  now?: () => number;
  /** renew this long before expiry (default 60 s), or 10% of the lifetime when that is shorter */
  refreshMarginMs?: number;
}

/**
 * Cenports' OAuth2 client-credentials token, shared by every call of one adapter: fetched once,
 * renewed a margin before it expires, with ONE /authorize in flight however many calls wait.
 * `get` rejects with the authorize call's SupplierUnavailableError or SupplierContractError.
 */
export class TokenProvider {
  #token: { authorization: string; renewAt: number } | null = null;
  #inFlight: Promise<string> | null = null;
  readonly #now: () => number;
  readonly #marginMs: number;

  constructor(private readonly options: TokenProviderOptions) {
    this.#now = options.now ?? Date.now;
    this.#marginMs = options.refreshMarginMs ?? 60_000;
  }

  /** The Authorization header value to send now. */
  get(): Promise<string> {
    if (this.#token && this.#now() < this.#token.renewAt) return Promise.resolve(this.#token.authorization);
    this.#inFlight ??= this.#renew().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Forgets a token the supplier refused, unless a newer one already replaced it. */
  invalidate(authorization: string): void {
    if (this.#token?.authorization === authorization) this.#token = null;
  }

  async #renew(): Promise<string> {
    // Measured from before the request, so network time only makes renewal earlier.
    const requestedAt = this.#now();
    const issued = await this.options.authorize();
    const lifetimeMs = issued.expiresInSeconds * 1000;
    const margin = Math.min(this.#marginMs, lifetimeMs / 10);
    this.#token = { authorization: issued.authorization, renewAt: requestedAt + lifetimeMs - margin };
    return issued.authorization;
  }
}

/** Sends the current token on every call and forgets it when the supplier answers 401. */
export function bearerAuth(tokens: TokenProvider): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('Authorization', await tokens.get());
      return request;
    },
    onResponse({ request, response }) {
      const sent = request.headers.get('Authorization');
      if (response.status === 401 && sent) tokens.invalidate(sent);
      return undefined;
    },
  };
}

/**
 * POST /authorize with the client credentials (JSON, as the spec records). Refused credentials
 * are a configuration fault no retry fixes: SupplierUnavailableError with retryable false.
 */
export async function requestToken(
  upstream: Upstream<paths>,
  credentials: { clientId: string; clientSecret: string },
): Promise<IssuedToken> {
  const answer = await upstream.call('authorize', (client, init) =>
    client.POST('/authorize', {
      ...init,
      body: { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret },
    }),
  );
  if (answer.status === 400 || answer.status === 401) {
    throw new SupplierUnavailableError('cenports', 'authorize', 'the client credentials were refused', false);
  }
  if (answer.status !== 200) throw new SupplierContractError('cenports', 'authorize', `answered HTTP ${answer.status}`);
  const token = expectBody(AccessTokenWire, answer, 'cenports', 'authorize');
  return { authorization: `${token.token_type} ${token.access_token}`, expiresInSeconds: token.expires_in };
}
