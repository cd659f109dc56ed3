import type { CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { createCentreAdapter } from '../../src/suppliers/centre/index.ts';
import type { PlacementRequest, SupplierWrites } from '../../src/suppliers/writes.ts';

export type CentreWrites = Required<Pick<SupplierWrites, 'createOrder' | 'findPlacement' | 'validatePlacement'>>;

export const PLACED_AT = '2026-10-15T12:00:00.000Z';

/** The adapter as the gateway builds it, against the sandbox, with a pinned clock. */
export function centreWrites(sandbox: CentreSandbox, apiKey: string = sandbox.credentials.apiKey): CentreWrites {
  return createCentreAdapter({
    baseUrl: sandbox.baseUrl,
    apiKey,
    timeoutMs: 2_000,
    priceList: sandbox.priceList,
    now: () => new Date(PLACED_AT),
  }) as CentreWrites;
}

let sequence = 0;

/** A token no other test in this process uses, in the gateway's token alphabet. */
export function uniqueToken(): string {
  sequence += 1;
  return `SG-CENTRE-${process.pid}-${sequence}`;
}

/** A valid two-line placement: one line by variant id, one by SKU. */
export function placementRequest(overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    token: uniqueToken(),
    externalReference: 'SHOP-1001',
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '555-0100' },
    shippingAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      address1: '1 Analytical Way',
      address2: 'Suite 2',
      city: 'Boston',
      state: 'MA',
      postalCode: '02108',
      country: 'US',
    },
    lines: [
      { supplierProductId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', quantity: 3 },
      { supplierProductId: 'TB500-10MG', sku: 'TB500-10MG', quantity: 1 },
    ],
    ...overrides,
  };
}
