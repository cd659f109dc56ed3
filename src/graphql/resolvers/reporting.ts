import type { QueryResolvers, ReorderRecommendationResolvers, SalesChannelResolvers } from '../../generated/graphql.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import { moneyFromDecimal } from '../../domain/money.ts';

export const reportingQueries: Pick<QueryResolvers, 'reorderRecommendations' | 'convertToTry'> = {
  reorderRecommendations: async (_root, { date }, { suppliers, partialErrors }) => {
    const perSupplier = await Promise.all(
      suppliers
        .supporting('reorderRecommendations')
        .map((adapter) => adapter.reorderRecommendations(date ?? null).catch((error: unknown) => partialErrors.recordOrRethrow(error, []))),
    );
    return perSupplier.flat();
  },
  convertToTry: async (_root, { amount }, { suppliers }) => {
    const [converter] = suppliers.supporting('convertCurrency');
    if (!converter) throw new BadUserInputError('no configured supplier converts currencies', 'amount');
    let money;
    try {
      money = moneyFromDecimal(amount.amount, amount.currencyCode);
    } catch (error) {
      throw new BadUserInputError(`amount.amount: ${(error as Error).message}`, 'amount.amount');
    }
    return converter.convertCurrency(money);
  },
};

export const ReorderRecommendation: ReorderRecommendationResolvers = {
  supplier: (recommendation) => ({ id: recommendation.supplier }),
  product: (recommendation, _args, { loaders }) =>
    recommendation.supplierProductId ? loaders.product(recommendation.supplier).load(recommendation.supplierProductId) : null,
};

export const SalesChannel: SalesChannelResolvers = {
  supplier: (channel) => ({ id: channel.supplier }),
};
