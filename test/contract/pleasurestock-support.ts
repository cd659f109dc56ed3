import { call, type Contract, type SeenResponse } from '../support/contract.ts';
import type { PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';

type CallInit = Parameters<typeof call>[3];
export type Answer = SeenResponse & { text: string };

/** The slice of PleasureStock's wire shapes the tests read. */
export interface ErrorBody { success: false; error: string; message: string; details?: string[] }
export interface ProductBody {
  id?: string; internal_id: string; name: string; sku: string; price: string | null; currency: string; supplier_id: number;
  images?: string[]; category_name_en?: string | null;
  tcc_enabled?: boolean; tcc_coefficient?: number | null; tcc_total_cost?: number | null;
  tsp_enabled?: boolean; tsp_value?: number | null; tsp_formula?: string | null;
}
export interface ProductList { data: ProductBody[]; pagination: { page: number; limit: number; total: number; pages: number } }
export interface CreatedOrder { orderNumber: string; deliveryId: string; supplierId: number; status: string; totalAmount: number; currency: string; items: number; createdAt: string }
export interface CreateAnswer { data: { orders: CreatedOrder[]; totalOrders: number; totalAmount: number } }
export interface ListedOrder { orderId: string; orderNumber: string; deliveryId: string; externalOrderId?: string | null; status: string; totalAmount: string; createdAt: string; statusChangedAt: string }
export interface OrderList { data: { orders: ListedOrder[]; pagination: { total: number; limit: number; offset: number } } }
export interface OrderDetail {
  data: {
    orderId: string; orderNumber: string; status: string; externalOrderId: string | null; supplier: { id: string; name: string };
    items: { psId: string; quantity: number; unitPrice: number; totalPrice: number }[]; totalAmount: number; currency: string;
    paidAt: string | null; confirmedAt: string | null; shippedAt: string | null; actualDeliveryDate: string | null; acceptedAt: string | null;
  };
}

/**
 * Calls a PleasureStock sandbox the way a client does and passes every answer to the contract,
 * so no test can see a response the spec was not asked about.
 */
export function psClient(sandbox: PleasurestockSandbox, contract: Contract) {
  const send = async (operationId: string, method: string, path: string, init: CallInit = {}): Promise<Answer> => {
    const answer = await call(sandbox.baseUrl, method, path, init);
    contract.check(operationId, answer);
    return answer;
  };
  return {
    send,
    /** standard API with the manager key in X-API-Key */
    std: (operationId: string, method: string, path: string, init: CallInit = {}) =>
      send(operationId, method, path, { ...init, headers: { 'x-api-key': sandbox.credentials.apiKey, ...init?.headers } }),
    /** External API with `Authorization: Bearer <key>` (the manager's unless another is given) */
    ext: (operationId: string, method: string, path: string, init: CallInit = {}, key = sandbox.credentials.apiKey) =>
      send(operationId, method, path, { ...init, headers: { authorization: `Bearer ${key}`, ...init?.headers } }),
  };
}

/** "29.99" → 2999, independently of the sandbox's own money helpers. */
export function decimalToCents(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A JSON-number amount (29.99) → 2999 via its decimal text, never by multiplying floats. */
export const numberToCents = (value: number): number => decimalToCents(String(value));
