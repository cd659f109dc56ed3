import type { Sandboxes } from '../../src/sandbox/index.ts';

let sequence = 0;
/** An idempotency key no other test uses. */
export const freshKey = (label = 'key') => `${label}-${process.pid}-${Date.now()}-${++sequence}`;

export const CUSTOMER = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '555-0100' };
export const ADDRESS = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Analytical Way',
  city: 'Los Angeles',
  state: 'CA',
  postalCode: '90001',
  country: 'US',
};

type Line = { supplier: string; sku: string; quantity: number; retailPrice?: { amount: string; currencyCode: string } };

/** One line per supplier asked, naming a product each sandbox sells and can ship. */
export function linesFor(sandboxes: Sandboxes, suppliers: ('CENTRE' | 'WHITELABEL' | 'PLEASURESTOCK' | 'ORDERSAPI' | 'CENPORTS')[]): Line[] {
  return suppliers.map((supplier) => {
    switch (supplier) {
      case 'CENTRE':
        return { supplier, sku: sandboxes.centre.priceList.find((p) => p.priceCents !== null)!.sku, quantity: 2 };
      case 'WHITELABEL':
        return { supplier, sku: 'BPC-157-5MG', quantity: 1, retailPrice: { amount: '49.99', currencyCode: 'USD' } };
      case 'PLEASURESTOCK':
        return { supplier, sku: sandboxes.pleasurestock.state.products.find((p) => p.priceCents !== null)!.sku, quantity: 3 };
      case 'ORDERSAPI':
        return { supplier, sku: 'BR-4001', quantity: 1 };
      case 'CENPORTS':
        return { supplier, sku: [...sandboxes.cenports.state.products.keys()][0]!, quantity: 1, retailPrice: { amount: '25.00', currencyCode: 'USD' } };
    }
  });
}

export function cart(sandboxes: Sandboxes, suppliers: Parameters<typeof linesFor>[1], key = freshKey()) {
  return {
    idempotencyKey: key,
    externalReference: `WEB-${key}`,
    customer: CUSTOMER,
    shippingAddress: ADDRESS,
    shippingMethod: { carrier: 'UPS', service: 'Ground' },
    lines: linesFor(sandboxes, suppliers),
  };
}

export const CREATE_ORDER = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) {
    orders { id supplier { code } supplierOrderId externalReference status supplierStatus total { amount currencyCode } lines { sku quantity } }
    transactions { id supplier { code } kind status errors { index message } orders { id supplierOrderId } }
    userErrors { field message code }
  }
}`;
