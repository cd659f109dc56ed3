import type { RouteContext } from './context.ts';
import { idParam, READ, WRITE } from './context.ts';
import { safeEqual } from './auth.ts';
import { ok, whitelabelError } from './errors.ts';
import { renderShipment } from './render.ts';
import {
  acknowledgeSchema,
  createShipmentSchema,
  markShippedSchema,
  parseInput,
  pendingTrackingQuery,
  shipStationEventSchema,
} from './schemas.ts';
import { acknowledgeTracking, applyShipStationEvent, createShipment, markShipped, pendingTracking } from './shipments.ts';

/** Shipments (admin), tracking polling and the ShipStation webhook. */
export function registerShipmentRoutes({ app, state, auth }: RouteContext): void {
  app.route({
    method: 'POST',
    path: '/shipments',
    operationId: 'createShipment',
    ...WRITE,
    handler: (request, reply) => {
      auth(request, 'admin');
      const input = parseInput(createShipmentSchema, request.body);
      const shipment = createShipment(state, state.requireOrder(input.order_id), input);
      void reply.code(201);
      return ok(renderShipment(shipment));
    },
  });

  app.route({
    method: 'POST',
    path: '/shipments/:id/ship',
    operationId: 'markShipmentShipped',
    ...WRITE,
    handler: (request) => {
      auth(request, 'admin');
      const { shipment, order } = state.requireShipment(idParam(request));
      markShipped(state, shipment, order, parseInput(markShippedSchema, request.body));
      return ok(renderShipment(shipment));
    },
  });

  app.route({
    method: 'GET',
    path: '/tracking/pending',
    operationId: 'getPendingTracking',
    ...READ,
    handler: (request) => {
      auth(request);
      const { orders, hasMore } = pendingTracking(state, parseInput(pendingTrackingQuery, request.query).limit);
      return ok({
        orders: orders.map((order) => ({
          order_id: order.id,
          woo_order_id: order.wooOrderId,
          woo_order_number: order.wooOrderNumber,
          status: order.status,
          shipments: order.shipments.filter((s) => s.trackingNumber !== null).map(renderShipment),
        })),
        has_more: hasMore,
      });
    },
  });

  app.route({
    method: 'POST',
    path: '/tracking/acknowledge',
    operationId: 'acknowledgeTracking',
    ...WRITE,
    handler: (request) => {
      auth(request);
      return ok(acknowledgeTracking(state, parseInput(acknowledgeSchema, request.body).order_ids));
    },
  });

  app.route({
    method: 'POST',
    path: '/webhooks/shipstation',
    operationId: 'receiveShipstationWebhook',
    rateBucket: 'webhook',
    write: true,
    handler: (request) => {
      const secret = (request.query as Record<string, unknown>).secret;
      if (typeof secret !== 'string' || !safeEqual(secret, state.credentials.webhookSecret)) {
        throw whitelabelError(401, 'UNAUTHORIZED', 'Missing or wrong webhook secret');
      }
      const { shipment, order, changed } = applyShipStationEvent(state, parseInput(shipStationEventSchema, request.body));
      return ok({
        shipment_id: shipment.id,
        order_id: order.id,
        shipment_status: shipment.status,
        order_status: order.status,
        changed,
      });
    },
  });
}
