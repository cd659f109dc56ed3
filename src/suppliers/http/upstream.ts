import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { GraphQLError } from 'graphql';
import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { SupplierId } from '../../domain/supplier.ts';
import { parseSupplierJson } from './json.ts';

/** One finished call to a supplier, for metrics and logs. `status` is "error" when none came. */
export interface UpstreamCallEvent {
  supplier: SupplierId;
  operation: string;
  status: string;
  durationMs: number;
}

export interface UpstreamOptions {
  supplier: SupplierId;
  baseUrl: string;
  /** a call that has not fully answered by then is aborted */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  /** auth and signing, in order */
  middleware?: Middleware[];
  onCall?: (event: UpstreamCallEvent) => void;
}

/** What a supplier answered, with the body parsed losslessly (see parseSupplierJson). */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

interface Sent {
  response: Response;
  data?: unknown;
  error?: unknown;
}

/** What a call hands openapi-fetch: the abort signal and text parsing, so no float parses money. */
export type CallInit = {
  signal: AbortSignal;
  parseAs: 'text';
};

/** A supplier's typed client plus the one way adapters call it. */
export interface Upstream<Paths extends object> {
  readonly supplier: SupplierId;
  readonly client: Client<Paths>;
  /**
   * Sends one call, labelled with its OpenAPI operationId. Resolves with any 2xx–4xx answer;
   * throws SupplierUnavailableError on no answer, a timeout, 429 or 5xx, and
   * SupplierContractError when a 2xx body is not JSON.
   */
  call(operation: string, send: (client: Client<Paths>, init: CallInit) => Promise<Sent>): Promise<UpstreamAnswer>;
}

export function createUpstream<Paths extends object>(options: UpstreamOptions): Upstream<Paths> {
  const { supplier, timeoutMs } = options;
  const client = createClient<Paths>({ baseUrl: options.baseUrl, fetch: options.fetch ?? globalThis.fetch });
  for (const middleware of options.middleware ?? []) client.use(middleware);

  const call: Upstream<Paths>['call'] = async (operation, send) => {
    const started = performance.now();
    let status = 'error';
    try {
      const sent = await send(client, { signal: AbortSignal.timeout(timeoutMs), parseAs: 'text' });
      status = String(sent.response.status);
      if (sent.response.status === 429 || sent.response.status >= 500) {
        throw new SupplierUnavailableError(supplier, operation, `answered HTTP ${status}`);
      }
      return { status: sent.response.status, headers: sent.response.headers, body: readBody(sent, supplier, operation) };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const name = (error as { name?: string }).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : 'connection failed';
      throw new SupplierUnavailableError(supplier, operation, reason);
    } finally {
      options.onCall?.({ supplier, operation, status, durationMs: performance.now() - started });
    }
  };

  return { supplier, client, call };
}

function readBody(sent: Sent, supplier: SupplierId, operation: string): unknown {
  if (!sent.response.ok) return sent.error;
  const text = sent.data;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return parseSupplierJson(text);
  } catch {
    throw new SupplierContractError(supplier, operation, 'the body is not valid JSON');
  }
}
