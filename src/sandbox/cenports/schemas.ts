import { z } from 'zod';

/** Request bodies; money arrives as JSON numbers and leaves these schemas as whole cents. */
import { centsFromJsonNumber } from './money.ts';
import { optionalString, requiredString, ymdDate } from './validation.ts';

/** A JSON-number dollar amount of at most two decimals, parsed to whole cents. */
const moneyCents = (maxCents: number) =>
  z.number({ error: 'must be a number' }).transform((value, ctx) => {
    const cents = centsFromJsonNumber(value);
    if (cents === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a positive number with at most 2 decimals' });
      return z.NEVER;
    }
    if (cents > maxCents) {
      ctx.addIssue({ code: 'custom', message: `must not be greater than ${maxCents / 100}` });
      return z.NEVER;
    }
    return cents;
  });

const partnerId = requiredString(255);

const newLineItem = z.object({
  sku: requiredString(255),
  quantity: z.int({ error: 'must be an integer' }).min(1, { error: 'must be at least 1' }).max(99_999, { error: 'must not be greater than 99999' }),
  lineNumber: z.int({ error: 'must be an integer' }).min(1, { error: 'must be at least 1' }).max(999, { error: 'must not be greater than 999' }).optional(),
  consumerPrice: moneyCents(999_999),
  subTotal: moneyCents(999_999),
});

const newOrder = z
  .object({
    orderNo: requiredString(255),
    customerOrderNo: optionalString(255),
    orderDate: ymdDate,
    customerName: requiredString(255),
    contactName: optionalString(255),
    contactEmail: z.email({ error: 'must be a valid email address' }).max(255).nullish(),
    contactPhone: optionalString(255),
    shipTo: z.object(
      {
        address1: requiredString(255),
        address2: optionalString(255),
        city: requiredString(255),
        state: requiredString(255),
        country: requiredString(10),
        postalCode: requiredString(10),
      },
      { error: 'must be an object' },
    ),
    shippingInfo: z.object(
      { carrierCode: requiredString(255), serviceLevel: requiredString(255), estimatedShipDate: ymdDate.nullish() },
      { error: 'must be an object' },
    ),
    lineItems: z.array(newLineItem, { error: 'must be an array' }).min(1, { error: 'must have at least 1 item' }),
    subTotal: moneyCents(999_999).optional(),
    shippingCost: moneyCents(99_999).optional(),
    grandTotal: moneyCents(999_999),
  })
  .transform((order) => {
    // "This field will auto-increment if no value is specified."
    let previous = 0;
    const lineItems = order.lineItems.map((line) => {
      previous = line.lineNumber ?? previous + 1;
      return { ...line, lineNumber: previous };
    });
    return { ...order, lineItems };
  })
  .superRefine((order, ctx) => {
    const seen = new Set<number>();
    let linesCents = 0;
    order.lineItems.forEach((line, i) => {
      if (seen.has(line.lineNumber)) ctx.addIssue({ code: 'custom', path: ['lineItems', i, 'lineNumber'], message: 'must not repeat within the order' });
      seen.add(line.lineNumber);
      if (line.subTotal !== line.quantity * line.consumerPrice) {
        ctx.addIssue({ code: 'custom', path: ['lineItems', i, 'subTotal'], message: 'must equal quantity × consumerPrice' });
      }
      linesCents += line.subTotal;
    });
    if (order.subTotal !== undefined && order.subTotal !== linesCents) {
      ctx.addIssue({ code: 'custom', path: ['subTotal'], message: 'must equal the sum of the line items' });
    }
    if (order.grandTotal !== linesCents + (order.shippingCost ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['grandTotal'], message: 'must equal subTotal + shippingCost' });
    }
  });

/** One order of a POST /orders request, money in cents and line numbers filled in. */
export type NewOrder = z.output<typeof newOrder>;

export const createOrdersBody = z
  .object({
    partnerId,
    channelId: requiredString(255),
    orders: z.array(newOrder, { error: 'must be an array' }).min(1, { error: 'must have at least 1 item' }),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.orders.forEach((order, i) => {
      if (seen.has(order.orderNo)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'orderNo'], message: 'must not repeat within the request' });
      seen.add(order.orderNo);
    });
  });

export const acknowledgeOrdersBody = z.object({
  partnerId,
  channelId: requiredString(255),
  orders: requiredString(255),
});

export const acknowledgeShipmentsBody = z.object({
  partnerId,
  shipments: z
    .array(z.object({ orderNo: requiredString(255) }), { error: 'must be an array' })
    .min(1, { error: 'must have at least 1 item' }),
});

export const updateInventoriesBody = z.object({
  partnerId,
  warehouseCode: requiredString(255),
  inventories: z
    .array(
      z
        .object({
          productSKU: requiredString(255),
          quantity: z.int({ error: 'must be an integer' }),
          type: z.enum(['TRUE_UP', 'DIFFERENTIAL'], { error: 'must be TRUE_UP or DIFFERENTIAL' }),
        })
        .superRefine((item, ctx) => {
          if (item.type === 'TRUE_UP' && item.quantity < 0) {
            ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'must be at least 0 for TRUE_UP' });
          }
        }),
      { error: 'must be an array' },
    )
    .min(1, { error: 'must have at least 1 item' }),
});

export type InventoryUpdate = z.output<typeof updateInventoriesBody>['inventories'][number];

export const createChannelBody = z
  .object({
    partnerId,
    channelId: requiredString(255).optional(),
    channelName: requiredString(255),
    contactEmail: z.email({ error: 'must be a valid email address' }).max(255).optional(),
    contactPhone: requiredString(255).optional(),
    contactInfo: z.object(
      {
        address: requiredString(255),
        city: requiredString(255),
        state: requiredString(20),
        country: z.string({ error: 'must be a string' }).length(2, { error: 'must be 2 characters' }),
        postalCode: requiredString(10),
      },
      { error: 'must be an object' },
    ),
    billInfo: z
      .object({
        name: optionalString(255),
        email: optionalString(255),
        phone: optionalString(255),
        address: optionalString(255),
        city: optionalString(255),
        state: optionalString(255),
        country: optionalString(255),
        postalCode: optionalString(255),
      })
      .optional(),
    logo: z.base64({ error: 'must be a base64-encoded image' }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.contactEmail === undefined && body.contactPhone === undefined) {
      ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: 'must be present when contactPhone is not present' });
    }
  });
