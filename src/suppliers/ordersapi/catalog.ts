import { z } from 'zod';

/**
 * The ordersapi has no catalog endpoint (see its spec), so its products come from configuration:
 * the sandbox's catalog in sandbox mode, a JSON file in live mode.
 */
export const OrdersapiCatalogEntry = z.object({
  productId: z.string().regex(/^PR\d{5,}$/),
  sku: z.string().min(1),
  name: z.string().min(1),
  priceCents: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  available: z.boolean().default(true),
});
export type OrdersapiCatalogEntry = z.infer<typeof OrdersapiCatalogEntry>;
export const OrdersapiCatalog = z.array(OrdersapiCatalogEntry);
