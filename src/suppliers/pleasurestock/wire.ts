import { z } from 'zod';

/**
 * PleasureStock's answers as its spec (openapi/pleasurestock.yaml) allows them, for the fields the
 * adapter reads; extra fields pass. Money comes as decimal strings ("29.99") on products and the
 * order list, and as JSON numbers elsewhere, which parseSupplierJson hands over as a safe integer
 * or as the number's exact source text.
 */
const decimalText = z.string().regex(/^\d+(\.\d+)?$/);
const amount = z.union([z.number().int().nonnegative(), decimalText]);
/** A non-money number kept as the supplier wrote it (averages, rates, accuracies). */
const numberText = z.union([z.number().nonnegative(), decimalText]).transform(String);
const currency = z.string().regex(/^[A-Z]{3}$/);
export const INTERNAL_ID = /^ps_[a-z0-9]{10}$/;
const internalId = z.string().regex(INTERNAL_ID);
const listDay = z.string().regex(/^\d{2}\/\d{2}\/\d{2}$/);

export const ProductWire = z.object({
  internal_id: internalId,
  name: z.string(),
  sku: z.string(),
  description: z.string().nullish(),
  price: decimalText.nullable(),
  currency,
  supplier_id: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
  images: z.array(z.string()).optional(),
  category_name: z.string().nullish(),
  category_name_en: z.string().nullish(),
  tsp_value: amount.nullish(),
  tsp_currency: currency.nullish(),
});
export type ProductWire = z.infer<typeof ProductWire>;

export const ProductListWire = z.object({
  success: z.literal(true),
  data: z.array(ProductWire),
  pagination: z.object({
    page: z.number().int().min(1),
    limit: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
  }),
});

export const OrderListItemWire = z.object({
  orderNumber: z.string().min(1),
  externalOrderId: z.string().nullish(),
  status: z.string(),
  totalAmount: decimalText,
  currency,
  itemsCount: z.number().int().nonnegative(),
  createdAt: listDay,
  statusChangedAt: listDay,
});
export type OrderListItemWire = z.infer<typeof OrderListItemWire>;

export const OrderListWire = z.object({
  success: z.literal(true),
  data: z.object({
    orders: z.array(OrderListItemWire),
    pagination: z.object({
      total: z.number().int().nonnegative(),
      limit: z.number().int().min(1),
      offset: z.number().int().nonnegative(),
    }),
  }),
});

export const OrderItemWire = z.object({
  psId: internalId,
  name: z.string(),
  sku: z.string(),
  quantity: z.number().int().min(1),
  unitPrice: amount,
  totalPrice: amount,
  currency,
});

export const OrderDetailWire = z.object({
  orderNumber: z.string().min(1),
  externalOrderId: z.string().nullish(),
  status: z.string(),
  items: z.array(OrderItemWire),
  totalAmount: amount,
  currency,
  createdAt: z.iso.datetime({ offset: true }),
});
export type OrderDetailWire = z.infer<typeof OrderDetailWire>;

export const OrderDetailResponseWire = z.object({ success: z.literal(true), data: OrderDetailWire });

export const RecommendationWire = z.object({
  product_internal_id: z.string(),
  product_name: z.string(),
  product_sku: z.string(),
  recommended_quantity: z.number().int().nonnegative(),
  current_stock: z.number().int().nonnegative(),
  average_daily_sales: numberText,
  forecast_accuracy: numberText,
  calculation_date: z.string(),
});
export type RecommendationWire = z.infer<typeof RecommendationWire>;

export const SmartReorderingWire = z.object({
  success: z.literal(true),
  date: z.string(),
  recommendations: z.array(RecommendationWire),
  total: z.number().int().nonnegative(),
});

export const CONVERTIBLE_CURRENCIES = ['EUR', 'USD', 'GBP'] as const;

export const CurrencyConversionWire = z.object({
  success: z.literal(true),
  originalAmount: amount,
  originalCurrency: z.enum(CONVERTIBLE_CURRENCIES),
  convertedAmount: amount,
  targetCurrency: z.literal('TRY'),
  exchangeRate: numberText,
  lastUpdated: z.string(),
});
export type CurrencyConversionWire = z.infer<typeof CurrencyConversionWire>;
