import type { TransactionResolvers } from '../../generated/graphql.ts';
import type { OrderModel } from '../../domain/models.ts';
import { globalIdOf } from '../ids.ts';

export const Transaction: TransactionResolvers = {
  id: (transaction) => globalIdOf.transaction(transaction),
  supplier: (transaction) => ({ id: transaction.supplier }),
  orders: async (transaction, _args, { loaders, partialErrors }) => {
    if (transaction.status !== 'COMPLETED' || transaction.supplierOrderIds.length === 0) return [];
    const orders = await loaders.order(transaction.supplier).loadMany(transaction.supplierOrderIds);
    const failure = orders.find((order) => order instanceof Error);
    if (failure) partialErrors.recordOrRethrow(failure, null);
    return orders.filter((order): order is OrderModel => order !== null && !(order instanceof Error));
  },
};
