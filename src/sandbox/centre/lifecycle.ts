/** Centre's order statuses, as openapi/centre.yaml (OrderStatus) lists them. */
export const CENTRE_ORDER_STATUSES = [
  'PENDING',
  'PROCESSING',
  'LABEL_CREATED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
  'ON_HOLD',
] as const;

/** One of Centre's eight order statuses. */
export type CentreOrderStatus = (typeof CENTRE_ORDER_STATUSES)[number];

/**
 * The flow the spec records as an integrator decision (the document's diagram is empty): forward
 * along fulfilment, ON_HOLD at any stage before delivery, CANCELLED before shipping, REFUNDED after
 * a cancellation or a delivery.
 */
const NEXT: Record<CentreOrderStatus, readonly CentreOrderStatus[]> = {
  PENDING: ['PROCESSING', 'ON_HOLD', 'CANCELLED'],
  PROCESSING: ['LABEL_CREATED', 'ON_HOLD', 'CANCELLED'],
  LABEL_CREATED: ['SHIPPED', 'ON_HOLD', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'ON_HOLD'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: ['REFUNDED'],
  REFUNDED: [],
  ON_HOLD: ['PENDING', 'PROCESSING', 'LABEL_CREATED', 'SHIPPED', 'CANCELLED'],
};

/** Whether a value (e.g. from a control request) is one of Centre's statuses. */
export function isCentreOrderStatus(value: unknown): value is CentreOrderStatus {
  return typeof value === 'string' && (CENTRE_ORDER_STATUSES as readonly string[]).includes(value);
}

/** Statuses an order may move to from `from`. */
export function allowedTransitions(from: CentreOrderStatus): readonly CentreOrderStatus[] {
  return NEXT[from];
}

/** Whether the documented flow allows moving from `from` to `to`. */
export function canTransition(from: CentreOrderStatus, to: CentreOrderStatus): boolean {
  return NEXT[from].includes(to);
}
