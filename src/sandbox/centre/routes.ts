import { SandboxHttpError, type SandboxApp } from '../kit/index.ts';
import { authenticate } from './auth.ts';
import { jsonBody } from './body.ts';
import type { CentreState } from './state.ts';
import { parseCreateOrder } from './validation.ts';

/** The documented API: one operation, POST /sales-channels/integration/orders. */
export function registerCentreRoutes(app: SandboxApp, state: CentreState, processingMs = 0): void {
  app.route({
    method: 'POST',
    path: '/sales-channels/integration/orders',
    operationId: 'createOrder',
    write: true,
    rateBucket: 'orders',
    handler: async (request, reply) => {
      // Time spent inside the supplier holds one of its concurrent slots, so maxConcurrent can bind.
      if (processingMs > 0) await new Promise((resolve) => setTimeout(resolve, processingMs));
      const channel = authenticate(request.headers['x-api-key']);
      const result = state.place(channel.channelId, parseCreateOrder(jsonBody(request.body)));
      switch (result.kind) {
        case 'duplicate':
          throw new SandboxHttpError(400, {
            success: false,
            error: 'An order with this partnerOrderId already exists for this channel.',
            orderId: result.order.orderId,
            orderNumber: result.order.orderNumber,
          });
        case 'priceNotConfigured':
          throw new SandboxHttpError(400, {
            success: false,
            error: `Price not configured for variant ${result.variantId} on this channel. Tried both ID and SKU lookup.`,
          });
        case 'created':
          reply.code(201);
          return {
            success: true,
            data: { orderId: result.order.orderId, orderNumber: result.order.orderNumber, status: result.order.status },
          };
      }
    },
  });
}
