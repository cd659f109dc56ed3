import type { InventoryLevelResolvers, ProductResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { matchesProductFilter } from '../../domain/filters.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { supplierConnection } from '../connection.ts';
import { globalIdOf } from '../ids.ts';

export const productQueries: Pick<QueryResolvers, 'products' | 'inventory'> = {
  products: (_root, { filter, first, after }, { suppliers, partialErrors }) => {
    const only = filter?.suppliers?.map(supplierIdFromCode);
    const productFilter = { search: filter?.search, skus: filter?.skus };
    return supplierConnection({
      adapters: suppliers.supporting('listProducts', only),
      list: (adapter, window) => adapter.listProducts!(window, productFilter),
      first,
      after,
      compare: () => 0,
      concatenate: true,
      accept: (product) => matchesProductFilter(product, productFilter),
      partialErrors,
    });
  },
  inventory: async (_root, { filter }, { suppliers, partialErrors }) => {
    const only = filter?.suppliers?.map(supplierIdFromCode);
    const wanted = { skus: filter?.skus, warehouseCodes: filter?.warehouseCodes };
    const perSupplier = await Promise.all(
      suppliers.supporting('getInventory', only).map((adapter) =>
        adapter.getInventory(wanted).catch((error: unknown) => partialErrors.recordOrRethrow(error, [])),
      ),
    );
    return perSupplier
      .flat()
      .filter(
        (level) =>
          (!wanted.skus?.length || wanted.skus.includes(level.sku)) &&
          (!wanted.warehouseCodes?.length || (level.warehouse && wanted.warehouseCodes.includes(level.warehouse.code))),
      );
  },
};

export const Product: ProductResolvers = {
  id: (product) => globalIdOf.product(product),
  supplier: (product) => ({ id: product.supplier }),
  imageUrls: (product) => product.imageUrls,
  inventory: (product, _args, { loaders, partialErrors }) =>
    loaders
      .inventoryOfSku(product.supplier)
      .load(product.sku)
      .catch((error: unknown) => partialErrors.recordOrRethrow(error, [])),
};

export const InventoryLevel: InventoryLevelResolvers = {
  supplier: (level) => ({ id: level.supplier }),
  product: (level, _args, { loaders }) => loaders.product(level.supplier).load(level.supplierProductId ?? level.sku),
};
