import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SandboxHttpError, type SandboxApp } from '../kit/index.ts';
import { unauthenticated } from './errors.ts';

/** The one client the sandbox knows, and the partner account it belongs to. */
export interface CenportsClient {
  clientId: string;
  clientSecret: string;
  partnerId: string;
}

interface IssuedToken {
  partnerId: string;
  expiresAt: number;
}

/** Bearer tokens issued by POST /authorize, valid for a fixed lifetime on the sandbox clock. */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly now: () => number,
    readonly ttlSeconds: number,
  ) {}

  issue(partnerId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { partnerId, expiresAt: this.now() + this.ttlSeconds * 1000 });
    return token;
  }

  /** The partner a request's Bearer token belongs to; throws 401 when missing, unknown or expired. */
  partnerOf(request: FastifyRequest): string {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const issued = match ? this.#tokens.get(match[1]!) : undefined;
    if (!issued) throw unauthenticated();
    if (issued.expiresAt <= this.now()) {
      this.#tokens.delete(match![1]!);
      throw unauthenticated();
    }
    return issued.partnerId;
  }
}

function oauthError(status: number, error: string, description: string): SandboxHttpError {
  return new SandboxHttpError(status, { error, error_description: description, message: description });
}

// Hashing first gives timingSafeEqual equal lengths, so a wrong secret leaks nothing by timing.
const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function registerAuthorizeRoute(app: SandboxApp, client: CenportsClient, tokens: TokenStore): void {
  app.route({
    method: 'POST',
    path: '/authorize',
    operationId: 'authorize',
    handler: (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      for (const field of ['grant_type', 'client_id', 'client_secret']) {
        if (typeof body[field] !== 'string' || body[field] === '') {
          throw oauthError(400, 'invalid_request', `The request is missing a required parameter: ${field}.`);
        }
      }
      if (body.grant_type !== 'client_credentials') {
        throw oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported.');
      }
      const known = body.client_id === client.clientId && sameSecret(String(body.client_secret), client.clientSecret);
      if (!known) throw oauthError(401, 'invalid_client', 'Client authentication failed.');
      return {
        scopes: ['basic', 'view-account'],
        token_type: 'Bearer',
        expires_in: tokens.ttlSeconds,
        access_token: tokens.issue(client.partnerId),
      };
    },
  });
}
