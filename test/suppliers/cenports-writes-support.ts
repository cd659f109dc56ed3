import { moneyFromDecimal } from '../../src/domain/money.ts';
import type { PlacementLine, PlacementRequest } from '../../src/suppliers/writes.ts';

/** Shared by the cenports write test files. */

let counter = 0;
/** A token no earlier test used, in the gateway's 1–40 [A-Za-z0-9-] form. */
export const freshToken = () => `SGW-${process.pid}-${++counter}`;

export const usd = (amount: string) => moneyFromDecimal(amount, 'USD');

export function line(sku: string, quantity: number, retail: string | null): PlacementLine {
  return { supplierProductId: sku, sku, quantity, retailPrice: retail === null ? null : usd(retail) };
}

/** A placement Cenports accepts, for the skus given (two lines priced so floats would drift). */
export function placement(skus: readonly string[], overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    token: freshToken(),
    externalReference: `REF-${process.pid}-${++counter}`,
    customer: { firstName: 'Jon', lastName: 'Doe', email: 'jon.doe@example.com', phone: '5105550199' },
    shippingAddress: {
      firstName: 'Mary',
      lastName: 'Smith',
      address1: '3159 Zimmerman Lane',
      address2: 'Suite 4',
      city: 'Los Angeles',
      state: 'CA',
      postalCode: '90017',
      country: 'US',
    },
    shippingMethod: { carrier: 'FedEx', service: 'Ground' },
    // 0.07 × 3 and 19.99 × 3 are 0.21000000000000002 and 59.97000000000001 as floats.
    lines: [line(skus[0]!, 3, '0.07'), line(skus[1]!, 3, '19.99')],
    ...overrides,
  };
}
