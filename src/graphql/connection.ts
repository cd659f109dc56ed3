import { GraphQLError } from 'graphql';
import type { SupplierId } from '../domain/supplier.ts';
import type { ListWindow, SupplierAdapter, WindowPage } from '../suppliers/adapter.ts';
import { decodePosition, encodePosition, pageSize } from './cursor.ts';
import { mergePage, type MergeSource } from './merge.ts';
import type { PartialErrors } from './partial-errors.ts';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface ConnectionRequest<T> {
  adapters: readonly SupplierAdapter[];
  list(adapter: SupplierAdapter, window: ListWindow): Promise<WindowPage<T>>;
  first: number | null | undefined;
  after: string | null | undefined;
  compare(a: T, b: T): number;
  accept?(item: T): boolean;
  /** the item's id at its supplier: later pages then find their place despite items added meanwhile */
  identify?(item: T): string;
  concatenate?: boolean;
  partialErrors: PartialErrors;
}

/**
 * One page of a cross-supplier list as a Relay connection. A supplier that fails is recorded as a
 * partial error (its part left out, the others returned); anything that is not a GraphQLError is
 * rethrown, since it is our bug, not the supplier's.
 */
export async function supplierConnection<T>(request: ConnectionRequest<T>): Promise<Connection<T>> {
  const first = pageSize(request.first);
  const sources: MergeSource<SupplierId, T>[] = request.adapters.map((adapter) => ({
    key: adapter.descriptor.id,
    fetch: (window) => request.list(adapter, window),
  }));
  let bug: unknown = null;
  const page = await mergePage(sources, {
    first,
    after: decodePosition(request.after),
    compare: request.compare,
    accept: request.accept,
    identify: request.identify,
    concatenate: request.concatenate,
    onSourceError: (_key, error) => {
      if (error instanceof GraphQLError) request.partialErrors.record(error);
      else bug ??= error;
    },
  });
  if (bug) throw bug;
  // Encoded only when a client asks for an edge's cursor: most pages are read by their nodes.
  const edges = page.items.map(({ item, position }) => ({
    get cursor() {
      return encodePosition(position);
    },
    node: item,
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // An empty page has a next one only when the merge stopped scanning a list without end: move on.
      endCursor: edges.at(-1)?.cursor ?? (page.hasNextPage ? encodePosition(page.end) : null),
    },
  };
}
