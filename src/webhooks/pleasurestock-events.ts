import { z } from 'zod';
import { PLEASURESTOCK_ORDER_STATUS, type PleasurestockOrderStatus } from '../suppliers/pleasurestock/status-map.ts';

/** One status change of one order, whichever PleasureStock event told of it. */
export interface PleasurestockStatusChange {
  event: KnownEvent;
  orderNumber: string;
  status: PleasurestockOrderStatus;
  previousStatus: PleasurestockOrderStatus | null;
  /** ISO 8601 (UTC, milliseconds) of the change at the supplier */
  occurredAt: string;
  comment: string | null;
}

export type ParsedWebhook =
  | { kind: 'change'; change: PleasurestockStatusChange }
  /** a well-formed event of a type this gateway does not follow (yet) */
  | { kind: 'unknown'; event: string }
  | { kind: 'invalid'; details: string[] };

const status = z.enum(Object.keys(PLEASURESTOCK_ORDER_STATUS) as [PleasurestockOrderStatus, ...PleasurestockOrderStatus[]]);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const text = z.string().min(1);
const comment = z.string().nullish().transform((value) => value ?? null);

const envelope = z.object({ event: text, timestamp: z.string(), data: z.unknown() });

const DATA = {
  'order.created': z
    .object({ orderNumber: text, status: z.literal('created'), createdAt: instant })
    .transform((d) => ({ orderNumber: d.orderNumber, status: d.status, previousStatus: null, occurredAt: d.createdAt, comment: null })),
  'order.status_changed': z
    .object({ orderNumber: text, oldStatus: status, newStatus: status, changedAt: instant, comment })
    .transform((d) => ({ orderNumber: d.orderNumber, status: d.newStatus, previousStatus: d.oldStatus, occurredAt: d.changedAt, comment: d.comment })),
  'order.cancelled': z
    .object({ orderNumber: text, previousStatus: status, cancelledAt: instant, reason: comment })
    .transform((d) => ({ orderNumber: d.orderNumber, status: 'cancelled' as const, previousStatus: d.previousStatus, occurredAt: d.cancelledAt, comment: d.reason })),
} satisfies Record<string, z.ZodType<Omit<PleasurestockStatusChange, 'event'>, unknown>>;

type KnownEvent = keyof typeof DATA;

const isKnown = (event: string): event is KnownEvent => Object.hasOwn(DATA, event);

/**
 * Reads an already JSON-parsed delivery body in the shapes of openapi/pleasurestock.yaml
 * `webhooks:`. Only the fields the gateway acts on are required beyond the envelope; an unknown
 * event type is reported as such, not as invalid.
 */
export function parsePleasurestockWebhook(body: unknown): ParsedWebhook {
  const outer = envelope.safeParse(body);
  if (!outer.success) return { kind: 'invalid', details: issues(outer.error) };
  const { event, data } = outer.data;
  if (!isKnown(event)) return { kind: 'unknown', event };
  const inner = DATA[event].safeParse(data);
  if (!inner.success) return { kind: 'invalid', details: issues(inner.error, 'data') };
  return { kind: 'change', change: { event, ...inner.data } };
}

function issues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(body)'}: ${issue.message}`;
  });
}
