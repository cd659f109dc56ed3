import { expect } from 'vitest';
import type { GraphQLAnswer, SandboxedGateway } from './gateway.ts';

export type SupplierCode = 'CENTRE' | 'WHITELABEL' | 'PLEASURESTOCK' | 'ORDERSAPI' | 'CENPORTS';

/** What every listed node carries here: its id and supplier. */
export interface ListedNode {
  id: string;
  supplier: { code: SupplierCode };
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const FILTER_TYPE = { products: 'ProductFilter', orders: 'OrderFilter', shipments: 'ShipmentFilter' } as const;

/**
 * Every node of a cross-supplier connection, paged like a client with `first` (100 unless told),
 * each page checked as it comes: no errors, and no empty page that claims a next one (a client
 * would loop on it without end). Throws past 60 pages.
 */
export async function pageAll<T extends ListedNode>(
  gateway: SandboxedGateway,
  field: keyof typeof FILTER_TYPE,
  selection: string,
  filter: Record<string, unknown> = {},
  first = 100,
): Promise<{ nodes: T[]; pages: number }> {
  const query = `query ($after: String, $filter: ${FILTER_TYPE[field]}) {
    page: ${field}(first: ${first}, after: $after, filter: $filter) { nodes { id supplier { code } ${selection} } pageInfo { hasNextPage endCursor } } }`;
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 60; pages++) {
    const answer: GraphQLAnswer<{ page: Page<T> }> = await gateway.query(query, { after, filter });
    expect(answer.errors).toBeUndefined();
    const { nodes: batch, pageInfo } = answer.data!.page;
    if (batch.length === 0) expect(pageInfo.hasNextPage).toBe(false);
    nodes.push(...batch);
    if (!pageInfo.hasNextPage) return { nodes, pages };
    after = pageInfo.endCursor;
  }
  throw new Error(`${field} still had a next page after 60 pages`);
}

/** The values `key` gives for each supplier's nodes, sorted: to compare lists as sets per supplier. */
export function bySupplier<T extends ListedNode>(nodes: readonly T[], key: (node: T) => string): Partial<Record<SupplierCode, string[]>> {
  const grouped: Partial<Record<SupplierCode, string[]>> = {};
  for (const node of nodes) (grouped[node.supplier.code] ??= []).push(key(node));
  for (const list of Object.values(grouped)) list.sort();
  return grouped;
}

export const sorted = (values: Iterable<string>): string[] => [...values].sort();
