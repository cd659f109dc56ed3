import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { WhitelabelCredentials } from './credentials.ts';
import { whitelabelError } from './errors.ts';

export type Scope = 'merchant' | 'admin';

export interface StoreCredential {
  storeId: string;
  secret: string;
  scope: Scope;
}

/** How far X-Timestamp may lie from the sandbox clock, either side. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

const sha256hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Constant-time string equality that does not leak the length either. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** Store credentials, connect codes and seen nonces: the supplier's authentication state. */
export class CredentialStore {
  readonly #byStoreId = new Map<string, StoreCredential>();
  readonly #connectCodes = new Set<string>();
  /** `${storeId}:${nonce}` → when it was seen; insertion order is time order */
  readonly #nonces = new Map<string, number>();

  readonly webhookSecret: string;

  constructor(
    initial: WhitelabelCredentials,
    private readonly newId: () => string,
  ) {
    this.webhookSecret = initial.webhookSecret;
    this.#add({ storeId: initial.store.storeId, secret: initial.store.storeSecret, scope: 'merchant' });
    this.#add({ storeId: initial.ops.storeId, secret: initial.ops.storeSecret, scope: 'admin' });
    this.#connectCodes.add(initial.connectCode);
  }

  #add(credential: StoreCredential): void {
    this.#byStoreId.set(credential.storeId, credential);
  }

  find(storeId: string): StoreCredential | undefined {
    return this.#byStoreId.get(storeId);
  }

  /** Spends a connect code on a new merchant credential; undefined when the code is unknown or used. */
  exchange(connectCode: string): StoreCredential | undefined {
    if (!this.#connectCodes.delete(connectCode)) return undefined;
    const credential: StoreCredential = { storeId: this.newId(), secret: newSecret(), scope: 'merchant' };
    this.#add(credential);
    return credential;
  }

  /** Replaces the credential's secret; the old one stops working at once. */
  rotate(credential: StoreCredential): string {
    credential.secret = newSecret();
    return credential.secret;
  }

  /** Records a nonce; false when the credential used it within the window. */
  useNonce(storeId: string, nonce: string, now: number): boolean {
    // A timestamp may run up to a window ahead, so a nonce must be remembered for two windows.
    for (const [key, seenAt] of this.#nonces) {
      if (seenAt > now - 2 * SIGNATURE_WINDOW_MS) break;
      this.#nonces.delete(key);
    }
    const key = `${storeId}:${nonce.toLowerCase()}`;
    if (this.#nonces.has(key)) return false;
    this.#nonces.set(key, now);
    return true;
  }
}

const newSecret = (): string => `secret_${randomBytes(20).toString('hex')}`;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * Verifies the four HMAC headers in the documented order and returns the signing credential;
 * throws the supplier's 401 (or 403 when an admin scope is needed) otherwise.
 */
export function authenticate(
  request: FastifyRequest,
  store: CredentialStore,
  now: number,
  needed: Scope = 'merchant',
): StoreCredential {
  const storeId = header(request, 'x-store-id');
  const timestamp = header(request, 'x-timestamp');
  const nonce = header(request, 'x-nonce');
  const signature = header(request, 'x-signature');
  if (!storeId || !timestamp || !nonce || !signature) {
    throw whitelabelError(401, 'UNAUTHORIZED', 'X-Store-Id, X-Timestamp, X-Nonce and X-Signature are required');
  }
  if (!/^\d{1,16}$/.test(timestamp)) throw whitelabelError(401, 'UNAUTHORIZED', 'X-Timestamp must be Unix milliseconds');
  if (!/^[0-9a-fA-F]{32}$/.test(nonce)) throw whitelabelError(401, 'UNAUTHORIZED', 'X-Nonce must be 32 hex characters');
  const credential = store.find(storeId);
  if (!credential) throw whitelabelError(401, 'UNAUTHORIZED', 'Unknown store');
  if (Math.abs(now - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    throw whitelabelError(401, 'SIGNATURE_EXPIRED', 'Request timestamp is outside the 5 minute window', {
      server_time: now,
    });
  }
  const message = `${storeId}:${timestamp}:${nonce}:${sha256hex(request.rawBody ?? '')}`;
  const expected = createHmac('sha256', credential.secret).update(message, 'utf8').digest('hex');
  if (!safeEqual(expected, signature)) throw whitelabelError(401, 'SIGNATURE_INVALID', 'HMAC signature mismatch');
  if (!store.useNonce(storeId, nonce, now)) {
    throw whitelabelError(401, 'NONCE_REUSED', 'This nonce was already used; sign the request afresh');
  }
  if (needed === 'admin' && credential.scope !== 'admin') {
    throw whitelabelError(403, 'FORBIDDEN', 'This operation needs the admin (ops) credential');
  }
  return credential;
}
