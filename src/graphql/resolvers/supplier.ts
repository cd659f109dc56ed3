import type { QueryResolvers, SupplierResolvers } from '../../generated/graphql.ts';
import { supplierCode, supplierIdFromCode } from '../../domain/supplier.ts';
import { globalIdOf } from '../ids.ts';

export const supplierQueries: Pick<QueryResolvers, 'suppliers' | 'supplier'> = {
  suppliers: (_root, _args, { suppliers }) => suppliers.list().map((a) => ({ id: a.descriptor.id })),
  supplier: (_root, { code }, { suppliers }) => {
    const id = supplierIdFromCode(code);
    return suppliers.get(id) ? { id } : null;
  },
};

export const Supplier: SupplierResolvers = {
  id: ({ id }) => globalIdOf.supplier(id),
  code: ({ id }) => supplierCode(id),
  name: ({ id }, _args, { suppliers }) => suppliers.require(id).descriptor.name,
  capabilities: ({ id }, _args, { suppliers }) => suppliers.capabilities(id),
  rateLimits: ({ id }, _args, { suppliers }) =>
    suppliers.require(id).descriptor.rateLimits.map(({ scope, limit, windowSeconds }) => ({ scope, limit, windowSeconds })),
  wallet: ({ id }, _args, { loaders }) => loaders.wallet(id),
  health: ({ id }, _a, { suppliers }) => suppliers.require(id).health?.() ?? null,
  salesChannels: async ({ id }, _args, { suppliers, partialErrors }) =>
    (await suppliers.require(id).listSalesChannels?.().catch((error: unknown) => partialErrors.recordOrRethrow(error, []))) ?? [],
};
