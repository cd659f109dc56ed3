import type { SandboxApp } from '../kit/index.ts';
import { authorizedInput, requireChannel, type CenportsContext } from './context.ts';
import { fieldError } from './errors.ts';
import { renderInventory, renderTransaction } from './render.ts';
import { updateInventoriesBody } from './schemas.ts';
import { inventoriesQuery } from './schemas-query.ts';
import { updateInventoriesWork } from './transactions.ts';
import { splitList } from './validation.ts';

export function registerInventoryRoutes(app: SandboxApp, context: CenportsContext): void {
  const { state } = context;

  app.route({
    method: 'GET',
    path: '/inventories',
    operationId: 'getInventories',
    handler: (request) => {
      const query = authorizedInput(context, request, inventoriesQuery, request.query);
      if (query.channelId !== undefined) requireChannel(state, query.channelId);
      const codes = query.warehouseCode === undefined ? undefined : splitList(query.warehouseCode);
      const unknown = codes?.filter((code) => !state.warehouse(code));
      if (unknown && unknown.length > 0) throw fieldError('warehouseCode', `The selected warehouse code ${unknown.join(', ')} is invalid.`);
      const warehouses = codes === undefined ? state.warehouses : state.warehouses.filter((w) => codes.includes(w.code));
      return { data: renderInventory(state, warehouses, query.actualStock === true), code: 200, status: 'success', message: 'OK' };
    },
  });

  app.route({
    method: 'PATCH',
    path: '/inventories',
    operationId: 'updateInventories',
    write: true,
    handler: (request) => {
      const body = authorizedInput(context, request, updateInventoriesBody, request.body);
      if (!state.warehouse(body.warehouseCode)) throw fieldError('warehouseCode', 'The selected warehouse code is invalid.');
      const work = updateInventoriesWork(state, body.warehouseCode, body.inventories);
      return renderTransaction(state, state.transactions.submit('updateInventories', work));
    },
  });
}
