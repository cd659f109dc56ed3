import type { OrderStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/centre.ts';

type CentreOrderStatus = components['schemas']['OrderStatus'];

/**
 * Every status Centre documents. No Centre API reads an order back, so in practice only PENDING
 * (a new order) arrives; the map is total anyway so a create answer can never be guessed at.
 * LABEL_CREATED is still being prepared, not yet handed to a carrier: PROCESSING.
 */
export const CENTRE_ORDER_STATUS = {
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  LABEL_CREATED: 'PROCESSING',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
  REFUNDED: 'REFUNDED',
  ON_HOLD: 'ON_HOLD',
} as const satisfies Record<CentreOrderStatus, OrderStatus>;
