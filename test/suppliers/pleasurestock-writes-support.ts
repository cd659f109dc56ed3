import { randomUUID } from 'node:crypto';
import { moneyFromMinor } from '../../src/domain/money.ts';
import type { Order, PleasurestockSandbox, Product } from '../../src/sandbox/pleasurestock/index.ts';
import type { PlacementLine, PlacementRequest } from '../../src/suppliers/writes.ts';

/** A token as the gateway derives them: unique per test, 1–40 of [A-Za-z0-9-]. */
export const newToken = (): string => `ps-${randomUUID()}`.slice(0, 40);

/** Priced products of `count` different PleasureStock suppliers, one each. */
export function pricedOfSuppliers(sandbox: PleasurestockSandbox, count: number): Product[] {
  const bySupplier = new Map<number, Product>();
  for (const product of sandbox.state.products) {
    if (product.priceCents !== null && !bySupplier.has(product.supplierId)) bySupplier.set(product.supplierId, product);
  }
  return [...bySupplier.values()].slice(0, count);
}

/** Priced products of one supplier. */
export function pricedOfOneSupplier(sandbox: PleasurestockSandbox, count: number): Product[] {
  const first = sandbox.state.products.find((p) => p.priceCents !== null)!;
  return sandbox.state.products.filter((p) => p.supplierId === first.supplierId && p.priceCents !== null).slice(0, count);
}

export const unpricedProduct = (sandbox: PleasurestockSandbox): Product => sandbox.state.products.find((p) => p.priceCents === null)!;

/** A line for a sandbox product, with the catalog price the gateway would have read. */
export function lineFor(product: Product, quantity: number): PlacementLine {
  return {
    supplierProductId: product.internalId,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.priceCents === null ? null : moneyFromMinor(product.priceCents, product.currency),
  };
}

export function placementRequest(lines: PlacementLine[], overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    token: newToken(),
    externalReference: 'SHOP-1001',
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    shippingAddress: { address1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
    note: 'leave at the back door',
    lines,
    ...overrides,
  };
}

/** The orders the sandbox holds for a token, in the order it created them. */
export const storedFor = (sandbox: PleasurestockSandbox, token: string): Order[] => sandbox.state.orders.filter((o) => o.externalOrderId === token);
