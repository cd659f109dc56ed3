import type { QueryResolvers, WalletResolvers } from '../../generated/graphql.ts';
import { globalIdOf } from '../ids.ts';

export const walletQueries: Pick<QueryResolvers, 'wallets'> = {
  wallets: async (_root, _args, { suppliers, loaders, partialErrors }) => {
    const wallets = await Promise.all(
      suppliers
        .supporting('getWallet')
        .map((adapter) => loaders.wallet(adapter.descriptor.id)!.catch((error: unknown) => partialErrors.recordOrRethrow(error, null))),
    );
    return wallets.filter((wallet) => wallet !== null);
  },
};

export const Wallet: WalletResolvers = {
  id: (wallet) => globalIdOf.wallet(wallet),
  supplier: (wallet) => ({ id: wallet.supplier }),
};
