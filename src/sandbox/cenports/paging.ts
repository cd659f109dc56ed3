/** The list envelope GET /orders and GET /shipments answer (see Pagination in the spec). */

export const DEFAULT_LIMIT = 50;

export interface ListQuery {
  limit?: number | undefined;
  isPaginated?: boolean | undefined;
  page?: number | undefined;
}

/** One page of `items` (or the first `limit` without isPaginated), rendered by `render`. */
export function listEnvelope<T>(items: T[], query: ListQuery, render: (item: T) => unknown): Record<string, unknown> {
  const perPage = query.limit ?? DEFAULT_LIMIT;
  const currentPage = query.isPaginated ? (query.page ?? 1) : 1;
  const slice = items.slice((currentPage - 1) * perPage, currentPage * perPage);
  const envelope: Record<string, unknown> = { data: slice.map(render), code: 200, status: 'success', message: 'OK' };
  if (query.isPaginated) {
    envelope.pagination = {
      total: items.length,
      count: slice.length,
      perPage,
      currentPage,
      totalPages: Math.ceil(items.length / perPage),
    };
  }
  return envelope;
}
