import { createHash, createHmac, randomBytes } from 'node:crypto';
import { call, type Contract, type SeenResponse } from '../support/contract.ts';

/** One WhiteLabel credential pair as a client holds it. */
export interface CredentialPair {
  storeId: string;
  storeSecret: string;
}

export type Answer = SeenResponse & { text: string };

// Written from the supplier's document, not from the sandbox's verifier, so one cannot hide the other's bug.
const sha256hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The four HMAC headers for a body (the exact bytes sent; '' when none). */
export function signHeaders(
  pair: CredentialPair,
  rawBody = '',
  options: { timestamp?: number; nonce?: string } = {},
): Record<string, string> {
  const timestamp = String(options.timestamp ?? Date.now());
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const message = `${pair.storeId}:${timestamp}:${nonce}:${sha256hex(rawBody)}`;
  return {
    'x-store-id': pair.storeId,
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-signature': createHmac('sha256', pair.storeSecret).update(message, 'utf8').digest('hex'),
  };
}

export interface SendOptions {
  body?: unknown;
  /** bytes to send instead of JSON.stringify(body) */
  rawBody?: string;
  query?: Record<string, string | number | boolean>;
  /** sign with this pair instead of the client's */
  as?: CredentialPair;
  /** send no HMAC headers */
  unsigned?: boolean;
  /** override or add headers after signing (to tamper) */
  headers?: Record<string, string>;
}

/** A signing client that checks every answer against the spec before returning it. */
export class WhitelabelClient {
  constructor(
    readonly baseUrl: string,
    readonly contract: Contract,
    public pair: CredentialPair,
  ) {}

  async send(operationId: string, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const rawBody = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const signed = options.unsigned ? {} : signHeaders(options.as ?? this.pair, rawBody ?? '');
    const answer = await call(this.baseUrl, method, path, {
      rawBody,
      query: options.query,
      headers: { ...(rawBody !== undefined ? { 'content-type': 'application/json' } : {}), ...signed, ...options.headers },
    });
    this.contract.check(operationId, answer);
    return answer;
  }
}

// Answers are checked against the spec before tests read them, so loose typing here is safe.
export type Json = any;

/** `data` of a success envelope. */
export const dataOf = (answer: Answer): Json => (answer.body as { data: Json }).data;

/** `error.code` of an error envelope. */
export const errorCodeOf = (answer: Answer): string => (answer.body as { error: { code: string } }).error.code;

/** A valid createOrder body for these items. */
export function orderBody(wooOrderId: string, items: { supplier_sku: string; qty: number; unit_price_cents?: number }[]) {
  return {
    woo_order_id: wooOrderId,
    woo_order_number: `WC-${wooOrderId}`,
    currency: 'USD',
    shipping_address: {
      first_name: 'John',
      last_name: 'Doe',
      address_1: '123 Research Blvd',
      city: 'Las Vegas',
      state: 'NV',
      postcode: '89101',
      country: 'US',
      phone: '555-0100',
      email: 'john@example.com',
    },
    billing_address: {},
    customer_email: 'john@example.com',
    customer_note: 'Please ship ASAP',
    items,
  };
}
