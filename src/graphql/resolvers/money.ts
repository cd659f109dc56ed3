import type { MoneyResolvers } from '../../generated/graphql.ts';
import { toDecimalString } from '../../domain/money.ts';

export const Money: MoneyResolvers = {
  amount: (money) => toDecimalString(money),
  currencyCode: (money) => money.currency,
  minorUnits: (money) => Number(money.minor),
};
