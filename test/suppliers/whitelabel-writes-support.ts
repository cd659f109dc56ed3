import { randomUUID } from 'node:crypto';
import { moneyFromMinor } from '../../src/domain/money.ts';
import type { WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';
import type { SupplierAdapter } from '../../src/suppliers/adapter.ts';
import { createWhitelabelAdapter, type WhitelabelAdapterOptions } from '../../src/suppliers/whitelabel/index.ts';
import type { WhitelabelWrites } from '../../src/suppliers/whitelabel/writes.ts';
import type { PlacementLine, PlacementRequest } from '../../src/suppliers/writes.ts';

export type WritingAdapter = WhitelabelWrites & Required<Pick<SupplierAdapter, 'listProducts' | 'getOrders' | 'listOrders'>>;

/** The adapter as the read tests build it, with the ops credential unless told otherwise. */
export function writingAdapter(sandbox: WhitelabelSandbox, options: Partial<WhitelabelAdapterOptions> = {}): WritingAdapter {
  return createWhitelabelAdapter({
    baseUrl: sandbox.baseUrl,
    store: sandbox.credentials.store,
    ops: sandbox.credentials.ops,
    timeoutMs: 2_000,
    ...options,
  }) as WritingAdapter;
}

/** A token as the gateway derives them: unique per test, 1–40 of [A-Za-z0-9-]. */
export const newToken = (): string => `wl-${randomUUID()}`.slice(0, 40);

type SandboxProduct = WhitelabelSandbox['state']['products'][number];
export type SandboxOrder = ReturnType<WhitelabelSandbox['state']['orders']>[number];

/** Priced products in stock with room for small quantities, none of the seeded special cases. */
export function orderable(sandbox: WhitelabelSandbox, count: number): SandboxProduct[] {
  return sandbox.state.products.filter((p) => p.wholesalePriceCents !== null && p.inStock && p.availableQty >= 20).slice(0, count);
}

export const unpriced = (sandbox: WhitelabelSandbox): SandboxProduct => sandbox.state.products.find((p) => p.wholesalePriceCents === null)!;
export const soldOut = (sandbox: WhitelabelSandbox): SandboxProduct =>
  sandbox.state.products.find((p) => !p.inStock && p.wholesalePriceCents !== null)!;

/** A line for a sandbox product, with the catalog price the gateway would have read. */
export function lineFor(product: SandboxProduct, quantity: number, retailCents?: number): PlacementLine {
  return {
    supplierProductId: product.sku,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.wholesalePriceCents === null ? null : moneyFromMinor(product.wholesalePriceCents, 'USD'),
    ...(retailCents === undefined ? {} : { retailPrice: moneyFromMinor(retailCents, 'USD') }),
  };
}

export function placementRequest(lines: PlacementLine[], overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    token: newToken(),
    externalReference: 'SHOP-1001',
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 555 0100' },
    shippingAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      address1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    note: 'leave at the back door',
    lines,
    ...overrides,
  };
}

/** The orders the sandbox holds for a token. */
export const storedFor = (sandbox: WhitelabelSandbox, token: string): SandboxOrder[] => sandbox.state.orders().filter((o) => o.wooOrderId === token);

/** An order of the seed in this status (the sandbox's own fulfilment put it there). */
export const seededIn = (sandbox: WhitelabelSandbox, status: SandboxOrder['status'], also: (o: SandboxOrder) => boolean = () => true): SandboxOrder =>
  sandbox.state.orders().find((o) => o.status === status && also(o))!;
