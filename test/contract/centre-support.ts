import { call, type Contract } from '../support/contract.ts';
import type { CentreSandbox } from '../../src/sandbox/centre/index.ts';

export const ORDERS_PATH = '/sales-channels/integration/orders';

let sequence = 0;

/** A partnerOrderId no other test in this process uses. */
export function uniquePartnerOrderId(prefix = 'TEST'): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

/** The document's "Minimum Valid Request", with a fresh partnerOrderId. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partnerOrderId: uniquePartnerOrderId(),
    customer: { firstName: 'John', lastName: 'Doe', email: 'john@example.com' },
    shippingAddress: {
      firstName: 'John',
      lastName: 'Doe',
      address1: '123 Main St',
      city: 'Los Angeles',
      state: 'CA',
      zip: '90001',
      country: 'US',
    },
    items: [{ variantId: 'clxyz123abc456def789', quantity: 1 }],
    ...overrides,
  };
}

/** POSTs createOrder with the active key (unless headers say otherwise) and checks the answer against the spec. */
export async function postOrder(
  sandbox: CentreSandbox,
  contract: Contract,
  init: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const response = await call(sandbox.baseUrl, 'POST', ORDERS_PATH, {
    headers: { 'x-api-key': sandbox.credentials.apiKey, ...init.headers },
    body: init.body,
    rawBody: init.rawBody,
  });
  contract.check('createOrder', response);
  return response;
}

export interface ControlOrder {
  orderId: string;
  orderNumber: string;
  partnerOrderId: string;
  status: string;
  createdAt: string;
  source: 'seed' | 'api';
  customer: { customerId: string; email: string; firstName: string };
  shippingAddress: Record<string, string>;
  billingAddress: Record<string, string>;
  items: { variantId: string; sku: string; requested: string; quantity: number; unitPriceCents: number; unitPrice: string; lineTotal: string }[];
  totalCents: number;
  total: string;
}

/** Reads the supplier-side orders through the sandbox's control route. */
export async function listOrders(
  sandbox: CentreSandbox,
  query: Record<string, string | number> = {},
): Promise<{ total: number; orders: ControlOrder[] }> {
  const response = await call(sandbox.url, 'GET', '/__sandbox/centre/orders', { query });
  if (response.status !== 200) throw new Error(`control route answered ${response.status}: ${response.text}`);
  return response.body as { total: number; orders: ControlOrder[] };
}
