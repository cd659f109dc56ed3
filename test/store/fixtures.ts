import type { OrderModel, TransactionModel } from '../../src/domain/models.ts';
import { moneyFromMinor } from '../../src/domain/money.ts';

/** 2^53 + 1: the first integer a float cannot hold, so a float anywhere in the path shows. */
export const BEYOND_FLOAT = 9007199254740993n;

export function order(overrides: Partial<OrderModel> = {}): OrderModel {
  return {
    supplier: 'centre',
    supplierOrderId: 'C-1001',
    externalReference: 'shop-42',
    status: 'PENDING',
    supplierStatus: 'received',
    createdAt: '2025-03-01T10:00:00.000Z',
    lines: [
      { supplier: 'centre', sku: 'BPC-157', name: 'BPC-157 5mg', quantity: 3, unitPrice: moneyFromMinor(BEYOND_FLOAT, 'USD'), lineTotal: null },
      { supplier: 'centre', sku: 'TB-500', quantity: 1, unitPrice: moneyFromMinor(-1n, 'KWD') },
    ],
    total: moneyFromMinor(BEYOND_FLOAT * 3n, 'USD'),
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: null },
    shippingAddress: { address1: '1 Main St', city: 'Springfield', country: 'US' },
    ...overrides,
  };
}

export function transaction(overrides: Partial<TransactionModel> = {}): TransactionModel {
  return {
    supplier: 'cenports',
    handle: 'tx-1',
    kind: 'createOrder',
    status: 'PENDING',
    supplierStatus: 'QUEUED',
    submittedAt: '2025-03-01T10:00:00.000Z',
    completedAt: null,
    errors: [],
    supplierOrderIds: ['CP-1'],
    ...overrides,
  };
}
