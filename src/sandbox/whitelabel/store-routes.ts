import type { RouteContext } from './context.ts';
import { READ, WRITE } from './context.ts';
import { ok, whitelabelError } from './errors.ts';
import { iso, renderProduct, renderWallet } from './render.ts';
import { connectExchangeSchema, parseInput } from './schemas.ts';

/** The catalog's last change: the seeded catalog never changes. */
const CATALOG_UPDATED_AT = '2026-10-01T00:00:00.000Z';

/** Health, store connection, catalog and wallet. */
export function registerStoreRoutes({ app, state, auth }: RouteContext): void {
  app.route({
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    handler: () => ok({ status: 'healthy', timestamp: iso(state.now()), version: '1.0.0' }),
  });

  app.route({
    method: 'POST',
    path: '/stores/connect/exchange',
    operationId: 'exchangeConnectCode',
    ...WRITE,
    handler: (request) => {
      const input = parseInput(connectExchangeSchema, request.body);
      const credential = state.credentials.exchange(input.connect_code);
      if (!credential) throw whitelabelError(401, 'UNAUTHORIZED', 'Connect code is unknown or already used');
      return ok({
        store_id: credential.storeId,
        store_secret: credential.secret,
        api_base_url: `${request.protocol}://${request.host}`,
      });
    },
  });

  app.route({
    method: 'POST',
    path: '/stores/rotate-secret',
    operationId: 'rotateStoreSecret',
    ...WRITE,
    handler: (request) => {
      const credential = auth(request);
      return ok({ new_secret: state.credentials.rotate(credential), rotated_at: iso(state.now()) });
    },
  });

  app.route({
    method: 'GET',
    path: '/catalog',
    operationId: 'getCatalog',
    ...READ,
    handler: (request) => {
      auth(request);
      return ok({ products: state.products.map(renderProduct), last_updated: CATALOG_UPDATED_AT });
    },
  });

  app.route({
    method: 'GET',
    path: '/wallet',
    operationId: 'getWallet',
    ...READ,
    handler: (request) => {
      auth(request);
      return ok(renderWallet(state));
    },
  });
}
