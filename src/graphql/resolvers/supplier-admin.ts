import type { MutationResolvers } from '../../generated/graphql.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { createSalesChannel, submitSmartReorderData } from '../../orders/supplier-setup.ts';
import { expectGlobalId } from '../ids.ts';

/** Operator writes on a supplier's own setup: its sales channels and its smart reordering data. */
export const supplierAdminMutations: Pick<MutationResolvers, 'createSalesChannel' | 'submitSmartReorderData'> = {
  createSalesChannel: async (_root, { input }, { orders }) => {
    const { supplier, billing, ...channel } = input;
    const { value, userErrors } = await createSalesChannel(orders, supplierIdFromCode(supplier), { ...channel, billing: billing ?? null });
    return { salesChannel: value, userErrors };
  },
  submitSmartReorderData: async (_root, { input }, { orders }) => {
    const products = input.products.map((product, i) => ({ ...product, productId: expectGlobalId(product.productId, 'Product', `input.products[${i}].productId`) }));
    const { value, userErrors } = await submitSmartReorderData(orders, products);
    return { smartReorder: value && { ...value, supplier: { id: value.supplier } }, userErrors };
  },
};
