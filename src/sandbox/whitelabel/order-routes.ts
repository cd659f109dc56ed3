import type { RouteContext } from './context.ts';
import { idParam, READ, WRITE } from './context.ts';
import { ok } from './errors.ts';
import { cancelOrder, listOrders, orderUpdates, placeOrder } from './orders.ts';
import { iso, renderOrder, renderOrderCreated } from './render.ts';
import { cancelOrderSchema, createOrderSchema, listOrdersQuery, orderUpdatesQuery, parseInput } from './schemas.ts';

/** Orders: create, list, delta sync, get, cancel. */
export function registerOrderRoutes({ app, state, auth }: RouteContext): void {
  app.route({
    method: 'POST',
    path: '/orders',
    operationId: 'createOrder',
    ...WRITE,
    handler: (request, reply) => {
      auth(request);
      const { order, created } = placeOrder(state, parseInput(createOrderSchema, request.body));
      void reply.code(created ? 201 : 200);
      return ok(renderOrderCreated(order, state));
    },
  });

  app.route({
    method: 'GET',
    path: '/orders',
    operationId: 'listOrders',
    ...READ,
    handler: (request) => {
      auth(request);
      const query = parseInput(listOrdersQuery, request.query);
      const { orders, total } = listOrders(state, query);
      return ok({
        orders: orders.map(renderOrder),
        pagination: { page: query.page, limit: query.limit, total, total_pages: Math.ceil(total / query.limit) },
      });
    },
  });

  app.route({
    method: 'GET',
    path: '/orders/updates',
    operationId: 'getOrderUpdates',
    ...READ,
    handler: (request) => {
      auth(request);
      const query = parseInput(orderUpdatesQuery, request.query);
      const { orders, hasMore, nextSince } = orderUpdates(state, Date.parse(query.since), query.limit);
      return ok({
        updates: orders.map((order) => ({
          order_id: order.id,
          woo_order_id: order.wooOrderId,
          status: order.status,
          updated_at: iso(order.updatedAt),
        })),
        has_more: hasMore,
        next_since: iso(nextSince),
      });
    },
  });

  app.route({
    method: 'GET',
    path: '/orders/:id',
    operationId: 'getOrder',
    ...READ,
    handler: (request) => {
      auth(request);
      return ok(renderOrder(state.requireOrder(idParam(request))));
    },
  });

  app.route({
    method: 'POST',
    path: '/orders/:id/cancel',
    operationId: 'cancelOrder',
    ...WRITE,
    handler: (request) => {
      auth(request);
      const order = state.requireOrder(idParam(request));
      const input = parseInput(cancelOrderSchema, request.body);
      const { releasedCents } = cancelOrder(state, order, input);
      return ok({
        order_id: order.id,
        status: order.status,
        released_cents: releasedCents,
        available_cents: state.availableCents(),
        reason: order.cancelReason,
      });
    },
  });
}
