import type { QueryResolvers, SupplierResolvers } from '../../generated/graphql.ts';
import { encodeGlobalId } from '../../domain/global-id.ts';
import { supplierCode, supplierIdFromCode } from '../../domain/supplier.ts';

export const supplierQueries: Pick<QueryResolvers, 'suppliers' | 'supplier'> = {
  suppliers: (_root, _args, { suppliers }) => suppliers.list().map(({ id }) => ({ id })),
  supplier: (_root, { code }, { suppliers }) => {
    const id = supplierIdFromCode(code);
    return suppliers.get(id) ? { id } : null;
  },
};

export const Supplier: SupplierResolvers = {
  id: ({ id }) => encodeGlobalId({ type: 'Supplier', supplier: id, nativeId: id }),
  code: ({ id }) => supplierCode(id),
  name: ({ id }, _args, { suppliers }) => suppliers.require(id).name,
  capabilities: ({ id }, _args, { suppliers }) => [...suppliers.require(id).operations],
  rateLimits: ({ id }, _args, { suppliers }) =>
    suppliers.require(id).rateLimits.map(({ scope, limit, windowSeconds }) => ({ scope, limit, windowSeconds })),
};
