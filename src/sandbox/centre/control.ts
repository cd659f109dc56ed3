import type { FastifyInstance } from 'fastify';
import { allowedTransitions, isCentreOrderStatus } from './lifecycle.ts';
import { formatCents } from './money.ts';
import type { CentreState } from './state.ts';
import type { CentreOrder } from './types.ts';

/**
 * Sandbox-only routes (not Centre's API): Centre offers no way to read orders back, so tests
 * count and steer supplier-side orders here.
 *   GET  /__sandbox/centre/orders?source=api|seed&partnerOrderId=&limit=&offset=
 *   POST /__sandbox/centre/orders/:orderId/status  { "status": "PROCESSING" }
 */
export function registerCentreControlRoutes(fastify: FastifyInstance, state: CentreState): void {
  fastify.get('/__sandbox/centre/orders', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const matching = state
      .orders()
      .filter((order) => (query.source ? order.source === query.source : true))
      .filter((order) => (query.partnerOrderId ? order.partnerOrderId === query.partnerOrderId : true));
    const offset = Math.max(0, Number(query.offset ?? 0) || 0);
    const limit = Math.min(1000, Math.max(1, Number(query.limit ?? 100) || 100));
    return { total: matching.length, offset, limit, orders: matching.slice(offset, offset + limit).map(renderOrder) };
  });

  fastify.post('/__sandbox/centre/orders/:orderId/status', async (request, reply) => {
    const { orderId } = request.params as { orderId: string };
    const status = (request.body as { status?: unknown } | undefined)?.status;
    if (!isCentreOrderStatus(status)) {
      return reply.code(400).send({ success: false, error: `Unknown status ${JSON.stringify(status)}` });
    }
    const result = state.transition(orderId, status);
    if (result.kind === 'notFound') return reply.code(404).send({ success: false, error: `No order ${orderId}` });
    if (result.kind === 'refused') {
      return reply.code(409).send({
        success: false,
        error: `Cannot move order ${orderId} from ${result.order.status} to ${status}`,
        allowed: allowedTransitions(result.order.status),
      });
    }
    return { success: true, order: renderOrder(result.order) };
  });
}

/** An order with its money in cents and as USD decimal strings, for journal comparisons. */
export function renderOrder(order: CentreOrder) {
  const totalCents = order.items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  return {
    ...order,
    currency: 'USD',
    items: order.items.map((item) => ({
      ...item,
      unitPrice: formatCents(item.unitPriceCents),
      lineTotal: formatCents(item.unitPriceCents * item.quantity),
    })),
    totalCents,
    total: formatCents(totalCents),
  };
}
