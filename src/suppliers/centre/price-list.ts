import { z } from 'zod';

/**
 * Centre prices only what the merchant's sales channel lists, and has no catalog API (see its
 * spec), so its products come from configuration: the channel's price list, as the sandbox
 * exports it or as a JSON file in live mode. A null price is a variant the channel cannot order.
 */
export const CentrePriceListEntry = z.object({
  variantId: z.string().min(1),
  sku: z.string().min(1),
  name: z.string().min(1),
  priceCents: z.number().int().nonnegative().nullable(),
});
export type CentrePriceListEntry = z.infer<typeof CentrePriceListEntry>;
export const CentrePriceList = z.array(CentrePriceListEntry);

/**
 * The entry Centre would price a line with: by variant id first, then by SKU, exactly and
 * case-sensitively, as its spec says it looks variants up. Undefined when neither matches.
 */
export function lookupVariant(
  priceList: readonly CentrePriceListEntry[],
  reference: string,
): CentrePriceListEntry | undefined {
  return priceList.find((entry) => entry.variantId === reference) ?? priceList.find((entry) => entry.sku === reference);
}
