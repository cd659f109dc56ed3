import type { SandboxApp } from '../kit/index.ts';
import { authorizedInput, requireChannel, type CenportsContext } from './context.ts';
import { listEnvelope } from './paging.ts';
import { renderShipment, renderTransaction } from './render.ts';
import { dateBounds } from './routes-orders.ts';
import { acknowledgeShipmentsBody } from './schemas.ts';
import { shipmentsQuery } from './schemas-query.ts';
import { acknowledgeShipmentsWork } from './transactions.ts';
import { splitList } from './validation.ts';

export function registerShipmentRoutes(app: SandboxApp, context: CenportsContext): void {
  const { state } = context;

  app.route({
    method: 'GET',
    path: '/shipments',
    operationId: 'getShipments',
    handler: (request) => {
      const query = authorizedInput(context, request, shipmentsQuery, request.query);
      requireChannel(state, query.channelId);
      const shipments = state.findShipments({
        channelId: query.channelId,
        orderNos: query.orders === undefined ? undefined : splitList(query.orders),
        acknowledged: query.acknowledged,
        ...dateBounds(query),
      });
      return listEnvelope(shipments, query, renderShipment);
    },
  });

  app.route({
    method: 'PATCH',
    path: '/shipments/acknowledge',
    operationId: 'acknowledgeShipments',
    write: true,
    handler: (request) => {
      const body = authorizedInput(context, request, acknowledgeShipmentsBody, request.body);
      const orderNos = body.shipments.map((shipment) => shipment.orderNo);
      return renderTransaction(state, state.transactions.submit('acknowledgeShipments', acknowledgeShipmentsWork(state, orderNos)));
    },
  });
}
