import type { SupplierId } from '../../domain/supplier.ts';
import type { DocumentedRateLimit } from '../operations.ts';

export type RateScope = DocumentedRateLimit['scope'];

/**
 * Which of a supplier's documented limits one call counts against, from its HTTP method and
 * OpenAPI path, as each supplier's documentation draws its buckets.
 */
export function rateScopeOf(supplier: SupplierId, method: string, path: string): RateScope {
  switch (supplier) {
    case 'whitelabel':
      return method === 'GET' ? 'read' : 'write';
    case 'pleasurestock':
      if (path.startsWith('/smart-reordering') || path.startsWith('/external/smart-reorder')) return 'smartReordering';
      return path.startsWith('/external/') ? 'external' : 'standard';
    default:
      return 'all';
  }
}
