import { SandboxHttpError, type SandboxApp } from '../kit/index.ts';
import { requireApiKey } from './auth.ts';
import { renderOrder } from './render.ts';
import type { OrdersapiState } from './state.ts';
import { parseCreateOrder } from './validation.ts';

/** The supplier's three documented operations. Checks run key, schema, then business rules. */
export function registerOrderRoutes(app: SandboxApp, state: OrdersapiState, apiKey: string): void {
  app.route({
    method: 'POST',
    path: '/orders',
    operationId: 'createOrder',
    write: true,
    handler: (request, reply) => {
      requireApiKey(request, apiKey);
      const parsed = parseCreateOrder(request.body);
      if (!parsed.ok) throw new SandboxHttpError(422, { detail: parsed.problems });
      const { partner_name, customer_reference, items } = parsed.value;
      const outcome = state.placeOrder({
        partnerName: partner_name,
        customerReference: customer_reference ?? null,
        items: items.map((item) => ({ productId: item.product_id, quantity: item.quantity })),
      });
      if (!outcome.ok) throw new SandboxHttpError(outcome.status, { detail: outcome.detail });
      void reply.code(200);
      return renderOrder(outcome.order);
    },
  });

  app.route({
    method: 'GET',
    path: '/orders',
    operationId: 'listOrders',
    handler: (request, reply) => {
      requireApiKey(request, apiKey);
      const orders = state.orders();
      void reply.code(200);
      return { count: orders.length, items: orders.map(renderOrder) };
    },
  });

  app.route({
    method: 'GET',
    path: '/orders/:order_id',
    operationId: 'getOrder',
    handler: (request, reply) => {
      requireApiKey(request, apiKey);
      const { order_id } = request.params as { order_id: string };
      const order = state.findOrder(order_id);
      if (!order) throw new SandboxHttpError(404, { detail: `Order not found: ${order_id}` });
      void reply.code(200);
      return renderOrder(order);
    },
  });
}
