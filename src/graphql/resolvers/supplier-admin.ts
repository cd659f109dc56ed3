import type { MutationResolvers } from '../../generated/graphql.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { supplierChange } from '../../orders/supplier-changes.ts';
import { expectGlobalId } from '../ids.ts';

/** Operator writes on a supplier's own setup: its sales channels and its smart reordering data. */
export const supplierAdminMutations: Pick<MutationResolvers, 'createSalesChannel' | 'submitSmartReorderData'> = {
  createSalesChannel: async (_root, { input }, { orders }) => {
    const { supplier: code, billing, ...channel } = input;
    const result = await supplierChange(orders, supplierIdFromCode(code), 'createSalesChannel', ['input', 'supplier'], (a) =>
      a.createSalesChannel ? () => a.createSalesChannel!({ ...channel, billing: billing ?? null }) : null,
    );
    return { salesChannel: result.value, userErrors: result.userErrors };
  },
  submitSmartReorderData: async (_root, { input }, { orders }) => {
    const entries = input.products.map((product, i) => ({ id: expectGlobalId(product.productId, 'Product', `input.products[${i}].productId`), product }));
    const supplier = entries[0]?.id.supplier;
    if (!supplier || entries.some((e) => e.id.supplier !== supplier)) {
      return { smartReorder: null, userErrors: [{ code: 'ONE_SUPPLIER', message: 'products must name at least one product, all of one supplier', field: ['input', 'products'] }] };
    }
    const result = await supplierChange(orders, supplier, 'submitSmartReorderData', ['input', 'products'], (a) =>
      a.submitSmartReorderData
        ? () => a.submitSmartReorderData!(entries.map(({ id, product }) => ({ supplierProductId: id.nativeId, quantity: product.quantity, currentStock: product.currentStock, salesHistory: product.salesHistory })))
        : null,
    );
    const record = result.value;
    return { smartReorder: record && { ...record, supplier: { id: record.supplier } }, userErrors: result.userErrors };
  },
};
