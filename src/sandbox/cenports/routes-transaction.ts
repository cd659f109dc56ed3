import type { SandboxApp } from '../kit/index.ts';
import { authorizedInput, type CenportsContext } from './context.ts';
import { notFound } from './errors.ts';
import { renderTransaction } from './render.ts';
import { transactionQuery } from './schemas-query.ts';

export function registerTransactionRoute(app: SandboxApp, context: CenportsContext): void {
  app.route({
    method: 'GET',
    path: '/transaction',
    operationId: 'getTransaction',
    handler: (request) => {
      const query = authorizedInput(context, request, transactionQuery, request.query);
      const transaction = context.state.transactions.find(query.handle);
      if (!transaction) throw notFound(`The transaction ${query.handle} does not exist.`);
      return renderTransaction(context.state, transaction);
    },
  });
}
