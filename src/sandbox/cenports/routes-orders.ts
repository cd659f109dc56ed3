import type { SandboxApp } from '../kit/index.ts';
import { authorizedInput, requireChannel, type CenportsContext } from './context.ts';
import { DAY_MS, parseYmd } from './dates.ts';
import { businessError } from './errors.ts';
import { listEnvelope } from './paging.ts';
import { renderOrder, renderTransaction } from './render.ts';
import { acknowledgeOrdersBody, createOrdersBody } from './schemas.ts';
import { ordersQuery } from './schemas-query.ts';
import { createOrdersWork } from './transactions.ts';
import { splitList } from './validation.ts';

/** Inclusive Y-m-d bounds as epoch ms: the end date covers its whole day. */
export function dateBounds(range: { startDate?: string | undefined; endDate?: string | undefined }) {
  return {
    from: range.startDate === undefined ? undefined : parseYmd(range.startDate),
    to: range.endDate === undefined ? undefined : parseYmd(range.endDate)! + DAY_MS - 1,
  };
}

export function registerOrderRoutes(app: SandboxApp, context: CenportsContext): void {
  const { state } = context;

  app.route({
    method: 'GET',
    path: '/orders',
    operationId: 'getOrders',
    handler: (request) => {
      const query = authorizedInput(context, request, ordersQuery, request.query);
      if (query.channelId !== undefined) requireChannel(state, query.channelId);
      const orders = state.findOrders({
        channelId: query.channelId,
        orderNos: query.orders === undefined ? undefined : splitList(query.orders),
        acknowledged: query.isAcknowledged,
        ...dateBounds(query),
      });
      return listEnvelope(orders, query, (order) => renderOrder(state, order));
    },
  });

  app.route({
    method: 'POST',
    path: '/orders',
    operationId: 'createOrders',
    write: true,
    handler: (request) => {
      const body = authorizedInput(context, request, createOrdersBody, request.body);
      requireChannel(state, body.channelId);
      return renderTransaction(state, state.transactions.submit('createOrders', createOrdersWork(state, body.channelId, body.orders)));
    },
  });

  app.route({
    method: 'PATCH',
    path: '/orders/acknowledge',
    operationId: 'acknowledgeOrders',
    write: true,
    handler: (request) => {
      const body = authorizedInput(context, request, acknowledgeOrdersBody, request.body);
      requireChannel(state, body.channelId);
      const unknown = state.acknowledgeOrders(body.channelId, splitList(body.orders));
      if (unknown.length > 0) throw businessError(unknown.map((no) => `The orderNo ${no} is not able to update.`));
      return { data: [], code: 200, status: 'success', message: 'OK' };
    },
  });
}
