import type { OrderStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/ordersapi.ts';

type KnownStatus = components['schemas']['KnownOrderStatus'];

/** Every status the ordersapi documents; anything else it sends is a contract error. */
export const ORDERSAPI_ORDER_STATUS = {
  created: 'PENDING',
} as const satisfies Record<KnownStatus, OrderStatus>;
