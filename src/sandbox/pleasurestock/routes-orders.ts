import type { SandboxApp } from '../kit/index.ts';
import { authenticateExternal } from './auth.ts';
import { iso } from './dates.ts';
import { refuse } from './errors.ts';
import { cancelledData, orderCreatedData, statusChangedData } from './events.ts';
import { centsToNumber } from './money.ts';
import { changeStatus, createOrders, orderTotalCents } from './orders.ts';
import { renderCreatedOrder, renderOrderDetail, renderOrderListItem } from './render.ts';
import { createOrderBody, listOrdersQuery, parse, registerWebhookBody, updateStatusBody } from './schemas.ts';
import type { PleasurestockState } from './state.ts';
import { WEBHOOK_EVENTS } from './types.ts';
import type { WebhookDispatcher } from './webhooks.ts';

export function registerOrderRoutes(app: SandboxApp, state: PleasurestockState, webhooks: WebhookDispatcher): void {
  app.route({
    method: 'POST',
    path: '/external/orders',
    operationId: 'createOrder',
    rateBucket: 'external',
    write: true,
    handler: (request) => {
      authenticateExternal(request, 'write');
      const body = parse(createOrderBody, request.body, 'body');
      const orders = createOrders(state, body, app.now());
      for (const order of orders) webhooks.emit('order.created', orderCreatedData(state, order));
      const created = orders.map(renderCreatedOrder);
      // Currency-blind, as the document's example sums it; see the spec's integrator decision.
      const totalCents = orders.reduce((sum, order) => sum + orderTotalCents(order), 0);
      return { success: true, data: { orders: created, totalOrders: orders.length, totalAmount: centsToNumber(totalCents) } };
    },
  });

  app.route({
    method: 'GET',
    path: '/external/orders',
    operationId: 'listOrders',
    rateBucket: 'external',
    handler: (request) => {
      authenticateExternal(request, 'read');
      const query = parse(listOrdersQuery, request.query, 'query');
      // Newest first; creation order breaks ties so same-instant orders keep their deliveryId order.
      const matching = state.orders
        .map((order, index) => ({ order, index }))
        .filter(({ order }) => query.status === undefined || order.status === query.status)
        .sort((a, b) => b.order.createdAt - a.order.createdAt || b.index - a.index)
        .map(({ order }) => order);
      return {
        success: true,
        data: {
          orders: matching.slice(query.offset, query.offset + query.limit).map((order) => renderOrderListItem(state, order)),
          pagination: { total: matching.length, limit: query.limit, offset: query.offset },
        },
      };
    },
  });

  app.route({
    method: 'GET',
    path: '/external/orders/:orderNumber',
    operationId: 'getOrder',
    rateBucket: 'external',
    handler: (request) => {
      authenticateExternal(request, 'read');
      const { orderNumber } = request.params as { orderNumber: string };
      const order = state.order(orderNumber);
      if (!order) refuse(404, 'Not found', `Order ${orderNumber} not found`);
      return { success: true, data: renderOrderDetail(state, order) };
    },
  });

  app.route({
    method: 'PUT',
    path: '/external/orders/:orderNumber/status',
    operationId: 'updateOrderStatus',
    rateBucket: 'external',
    write: true,
    handler: (request) => {
      authenticateExternal(request, 'write');
      const { orderNumber } = request.params as { orderNumber: string };
      const body = parse(updateStatusBody, request.body, 'body');
      const { order, from } = changeStatus(state, orderNumber, body.status, body, app.now());
      const comment = body.comment ?? null;
      webhooks.emit('order.status_changed', statusChangedData(order, from, comment));
      if (order.status === 'cancelled') webhooks.emit('order.cancelled', cancelledData(order, from, comment));
      return { success: true, data: { orderId: order.orderId, orderNumber: order.orderNumber, status: order.status, statusChangedAt: iso(order.statusChangedAt) } };
    },
  });

  app.route({
    method: 'POST',
    path: '/external/webhook',
    operationId: 'registerWebhook',
    rateBucket: 'external',
    write: true,
    handler: (request) => {
      authenticateExternal(request, 'write');
      const body = parse(registerWebhookBody, request.body, 'body');
      const target = { url: body.url, events: body.events ?? [...WEBHOOK_EVENTS], updatedAt: app.now() };
      state.webhook = target;
      return { success: true, data: { url: target.url, events: target.events, secret: state.webhookSecret, updatedAt: iso(target.updatedAt) } };
    },
  });
}
