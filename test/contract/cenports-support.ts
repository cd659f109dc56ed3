import { call, type Contract, type SeenResponse } from '../support/contract.ts';
import {
  CENPORTS_SANDBOX_CREDENTIALS,
  startCenportsSandbox,
  type CenportsSandbox,
  type CenportsSandboxOptions,
} from '../../src/sandbox/cenports/index.ts';

/** Shared by the cenports contract test files: a client that checks every answer against the spec. */

export const CREDENTIALS = CENPORTS_SANDBOX_CREDENTIALS;
export const PARTNER = CREDENTIALS.partnerId;
export const CHANNEL = CREDENTIALS.channelId;
/** Seeded skus exist whatever the seed: sku names follow the product index. */
export const SKU_A = 'HMK-2300';
export const SKU_B = 'OUT-2301';

export type Answer = SeenResponse & { text: string };

export interface RequestInit {
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  rawBody?: string;
  /** a different bearer token, or null for none; the client's own by default */
  token?: string | null;
}

export interface TransactionBody {
  id: string;
  handle: string;
  status: string;
  submitted_at: string;
  completed_at: string | null;
  errors?: { index: number; message: string }[];
}

export interface CenportsTestClient {
  sandbox: CenportsSandbox;
  token: string;
  /** calls one operation over HTTP and checks the answer against openapi/cenports.yaml */
  request(operationId: string, method: string, path: string, init?: RequestInit): Promise<Answer>;
  /** polls GET /transaction until COMPLETED or FAILED */
  settled(handle: string): Promise<TransactionBody>;
  close(): Promise<void>;
}

export async function connect(contract: Contract, options: CenportsSandboxOptions = {}): Promise<CenportsTestClient> {
  const sandbox = await startCenportsSandbox({ rateLimitMode: 'off', transactionDelayMs: 20, ...options });
  const request = async (operationId: string, method: string, path: string, init: RequestInit = {}): Promise<Answer> => {
    const token = init.token === undefined ? client.token : init.token;
    const answer = await call(sandbox.baseUrl, method, path, {
      ...(init.query ? { query: init.query } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.rawBody !== undefined ? { rawBody: init.rawBody } : {}),
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
    contract.check(operationId, answer);
    return answer;
  };
  const client: CenportsTestClient = {
    sandbox,
    token: '',
    request,
    settled: async (handle) => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const answer = await request('getTransaction', 'GET', '/transaction', { query: { partnerId: PARTNER, handle } });
        const body = answer.body as TransactionBody;
        if (body.status === 'COMPLETED' || body.status === 'FAILED') return body;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`transaction ${handle} did not settle`);
    },
    close: () => sandbox.close(),
  };
  client.token = await authorize(client);
  return client;
}

export async function authorize(client: CenportsTestClient): Promise<string> {
  const answer = await client.request('authorize', 'POST', '/authorize', {
    token: null,
    body: { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret },
  });
  if (answer.status !== 200) throw new Error(`authorize answered ${answer.status}: ${answer.text}`);
  return (answer.body as { access_token: string }).access_token;
}

/** A valid order for POST /orders: $20.00 + 2 × $15.50 + $5.00 shipping = $56.00. */
export function newOrder(orderNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderNo,
    orderDate: '2026-10-30',
    customerName: 'Jon Doe',
    contactEmail: 'jon@example.com',
    contactPhone: '1112223333',
    shipTo: { address1: '1742 Sabre Street', address2: 'Building 2', city: 'Hayward', state: 'CA', country: 'US', postalCode: '94545' },
    shippingInfo: { carrierCode: 'UPS', serviceLevel: 'Ground', estimatedShipDate: '2026-11-02' },
    lineItems: [
      { sku: SKU_A, quantity: 1, lineNumber: 1, consumerPrice: 20.0, subTotal: 20.0 },
      { sku: SKU_B, quantity: 2, lineNumber: 2, consumerPrice: 15.5, subTotal: 31.0 },
    ],
    subTotal: 51.0,
    shippingCost: 5.0,
    grandTotal: 56.0,
    ...overrides,
  };
}

/** Submits orders and waits for their transaction to settle. */
export async function placeOrders(
  client: CenportsTestClient,
  orders: Record<string, unknown>[],
  channelId: string = CHANNEL,
): Promise<TransactionBody> {
  const answer = await client.request('createOrders', 'POST', '/orders', { body: { partnerId: PARTNER, channelId, orders } });
  if (answer.status !== 200) throw new Error(`createOrders answered ${answer.status}: ${answer.text}`);
  return client.settled((answer.body as TransactionBody).handle);
}

/** Orders as GET /orders returns them for a comma-separated batch of numbers. */
export async function ordersNumbered(client: CenportsTestClient, numbers: string[], extra: Record<string, string> = {}) {
  const answer = await client.request('getOrders', 'GET', '/orders', { query: { partnerId: PARTNER, orders: numbers.join(','), ...extra } });
  return (answer.body as { data: Record<string, unknown>[] }).data;
}

/** Moves an order along its lifecycle through the sandbox's control route. */
export async function moveOrder(client: CenportsTestClient, orderNo: string, status: string, channelId?: string) {
  const response = await fetch(`${client.sandbox.url}/__sandbox/cenports/orders/${encodeURIComponent(orderNo)}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status, ...(channelId ? { channelId } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
