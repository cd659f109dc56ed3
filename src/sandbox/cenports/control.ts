import { SandboxHttpError, type SandboxApp } from '../kit/index.ts';
import { ORDER_STATUSES, moveOrder } from './lifecycle.ts';
import { renderOrder } from './render.ts';
import type { CenportsState } from './state.ts';
import type { OrderStatus } from './types.ts';

/**
 * POST /__sandbox/cenports/orders/:orderNo/status {status, channelId?}: moves an order along its
 * lifecycle, as Cenports' warehouse would, so polling tests can watch it change. Not in the spec.
 */
export function registerControlRoutes(app: SandboxApp, state: CenportsState): void {
  app.fastify.post('/__sandbox/cenports/orders/:orderNo/status', async (request) => {
    const { orderNo } = request.params as { orderNo: string };
    const body = (request.body ?? {}) as { status?: unknown; channelId?: unknown };
    if (typeof body.status !== 'string' || !ORDER_STATUSES.includes(body.status as OrderStatus)) {
      throw new SandboxHttpError(422, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` });
    }
    const matches = state
      .ordersNumbered(orderNo)
      .filter((order) => body.channelId === undefined || order.channelId === body.channelId);
    if (matches.length === 0) throw new SandboxHttpError(404, { message: `No order ${orderNo}` });
    if (matches.length > 1) throw new SandboxHttpError(409, { message: `Order ${orderNo} exists in several channels; send channelId` });
    const order = matches[0]!;
    const refused = moveOrder(state, order, body.status as OrderStatus);
    if (refused) throw new SandboxHttpError(409, { message: refused });
    return { order: renderOrder(state, order), shipments: state.shipmentsOf(order).map((s) => s.shipmentId) };
  });
}
