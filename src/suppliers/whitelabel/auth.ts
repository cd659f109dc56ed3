import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Middleware } from 'openapi-fetch';

/** One WhiteLabel credential: the `X-Store-Id` value and the secret that signs for it. */
export interface WhitelabelCredential {
  storeId: string;
  storeSecret: string;
}

/** What the signature covers; each request gets its own timestamp and nonce. */
export interface SignatureInput {
  timestamp: number;
  nonce: string;
  body: string;
}

const sha256hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The four headers of the spec's HMAC scheme: lowercase hex HMAC-SHA256, keyed with the secret, of
 * `storeId:timestamp:nonce:sha256hex(body)`, where body is the exact bytes sent ('' for none).
 */
export function signatureHeaders(credential: WhitelabelCredential, input: SignatureInput): Record<string, string> {
  const timestamp = String(input.timestamp);
  const message = `${credential.storeId}:${timestamp}:${input.nonce}:${sha256hex(input.body)}`;
  return {
    'X-Store-Id': credential.storeId,
    'X-Timestamp': timestamp,
    'X-Nonce': input.nonce,
    'X-Signature': createHmac('sha256', credential.storeSecret).update(message, 'utf8').digest('hex'),
  };
}

/** 32 random hex characters: the supplier refuses a nonce it has seen within its 5-minute window. */
export const freshNonce = (): string => randomBytes(16).toString('hex');

/**
 * Signs every request as it leaves, after openapi-fetch has serialised the body, so the hash is
 * over the bytes on the wire. A retry passes through here again and so gets a fresh nonce.
 */
export function hmacSigning(credential: WhitelabelCredential, now: () => number = Date.now): Middleware {
  return {
    async onRequest({ request }) {
      const body = request.body === null ? '' : await request.clone().text();
      const headers = signatureHeaders(credential, { timestamp: now(), nonce: freshNonce(), body });
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return request;
    },
  };
}
