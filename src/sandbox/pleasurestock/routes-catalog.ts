import type { SandboxApp } from '../kit/index.ts';
import { authenticateStandard } from './auth.ts';
import { refuse } from './errors.ts';
import { renderProduct } from './render.ts';
import { isProductId, parse, productListQuery, productQuery } from './schemas.ts';
import type { PleasurestockState } from './state.ts';
import type { Product } from './types.ts';

const MAX_IDS = 1000;

/** Products named by `ids`, in the order asked, each once; unknown ids are left out. */
function batch(state: PleasurestockState, ids: string): Product[] {
  const wanted = ids.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const malformed = wanted.filter((id) => !isProductId(id));
  if (malformed.length > 0) refuse(400, 'Invalid request', 'ids must be UUIDs or ps_* ids', malformed.map((id) => `ids: ${id}`));
  if (wanted.length > MAX_IDS) refuse(400, 'Invalid request', `ids accepts at most ${MAX_IDS} ids`);
  const found = new Set<Product>();
  for (const id of wanted) {
    const product = state.product(id);
    if (product) found.add(product);
  }
  return [...found];
}

export function registerCatalogRoutes(app: SandboxApp, state: PleasurestockState): void {
  app.route({
    method: 'GET',
    path: '/products',
    operationId: 'getProducts',
    rateBucket: 'standard',
    handler: (request) => {
      authenticateStandard(request);
      const query = parse(productListQuery, request.query, 'query');
      const fields = { ...query, withId: false };
      if (query.ids !== undefined) {
        const products = batch(state, query.ids);
        return {
          success: true,
          data: products.map((p) => renderProduct(state, p, fields)),
          pagination: { page: 1, limit: products.length, total: products.length, pages: products.length > 0 ? 1 : 0 },
        };
      }
      const search = query.search?.toLowerCase();
      const matching = state.products.filter(
        (p) =>
          (query.supplier_id === undefined || p.supplierId === query.supplier_id) &&
          (!search || [p.name, p.sku, p.description].some((text) => text.toLowerCase().includes(search))),
      );
      const start = (query.page - 1) * query.limit;
      return {
        success: true,
        data: matching.slice(start, start + query.limit).map((p) => renderProduct(state, p, fields)),
        pagination: { page: query.page, limit: query.limit, total: matching.length, pages: Math.ceil(matching.length / query.limit) },
      };
    },
  });

  app.route({
    method: 'GET',
    path: '/products/:id',
    operationId: 'getProduct',
    rateBucket: 'standard',
    handler: (request) => {
      authenticateStandard(request);
      const { id } = request.params as { id: string };
      const query = parse(productQuery, request.query, 'query');
      if (!isProductId(id)) refuse(400, 'Invalid request', 'Product id must be a UUID or a ps_* id', [`id: ${id}`]);
      const product = state.product(id);
      if (!product) refuse(404, 'Not found', `Product ${id} not found`);
      return { success: true, data: renderProduct(state, product, { ...query, withId: true }) };
    },
  });
}
