import type { Resolvers } from '../../generated/graphql.ts';
import { Date, DateTime, Decimal } from './scalars.ts';
import { Supplier, supplierQueries } from './supplier.ts';

export const resolvers: Resolvers = {
  Date,
  DateTime,
  Decimal,
  Query: { ...supplierQueries },
  Supplier,
};
