import { z } from 'zod';
import { checkDateRange, queryBoolean, queryInt, requiredString, ymdDate } from './validation.ts';

/** Query parameters: the fields the document puts in GET bodies (see the spec). */

const partnerId = requiredString(255);
const limit = queryInt(1, 300).optional();
const page = queryInt(1, 1_000_000).optional();

export const ordersQuery = z
  .object({
    partnerId,
    channelId: requiredString(255).optional(),
    orders: z.string().max(255, { error: 'must not be longer than 255 characters' }).optional(),
    isAcknowledged: queryBoolean.optional(),
    isPaginated: queryBoolean.optional(),
    page,
    limit,
    startDate: ymdDate.optional(),
    endDate: ymdDate.optional(),
  })
  .superRefine(checkDateRange);

export const shipmentsQuery = z
  .object({
    partnerId,
    channelId: requiredString(255),
    orders: z.string().max(255, { error: 'must not be longer than 255 characters' }).optional(),
    acknowledged: queryBoolean.optional(),
    isPaginated: queryBoolean.optional(),
    page,
    limit,
    startDate: ymdDate.optional(),
    endDate: ymdDate.optional(),
  })
  .superRefine(checkDateRange);

export const partnerQuery = z.object({ partnerId });

export const inventoriesQuery = z
  .object({
    partnerId,
    channelId: requiredString(255).optional(),
    warehouseCode: requiredString(255).optional(),
    actualStock: queryBoolean.optional(),
  })
  .superRefine((query, ctx) => {
    if (!query.actualStock && query.channelId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channelId'], message: 'must be present unless actualStock is true' });
    }
  });

export const transactionQuery = z.object({
  partnerId,
  handle: z.uuid({ error: 'must be a valid UUID' }),
});
