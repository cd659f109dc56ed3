import type { QueryResolvers } from '../../generated/graphql.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.ts';

/** The asynchronous writes the gateway submitted, from its own records, newest first. */
export const transactionQueries: Pick<QueryResolvers, 'transactions'> = {
  transactions: async (_root, { filter, first, after }, { store }) => {
    const size = pageSize(first);
    // One position for the whole list: transactions come from one store, not per supplier.
    const offset = decodeCursor(after).cenports ?? 0;
    const rows = await store.transactions.list({
      suppliers: filter?.suppliers?.map(supplierIdFromCode),
      statuses: filter?.statuses ?? undefined,
      offset,
      limit: size + 1,
    });
    const page = rows.slice(0, size);
    const edges = page.map((node, i) => ({ cursor: encodeCursor({ cenports: offset + i + 1 }), node }));
    return { edges, nodes: page, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};
