import type { SandboxApp } from '../kit/index.ts';
import { authenticateExternal, authenticateStandard } from './auth.ts';
import { iso, parseYmd } from './dates.ts';
import { refuse } from './errors.ts';
import { centsToNumber, parseDecimalCents, scaleCents } from './money.ts';
import { recommend } from './recommendations.ts';
import { submitSales } from './sales.ts';
import { convertQuery, parse, salesBody, smartReorderBody, smartReorderingQuery } from './schemas.ts';
import type { PleasurestockState } from './state.ts';

/** TRY per unit in ten-thousandths, so conversion stays in integers. */
const TRY_RATES = { EUR: 348_750, USD: 321_500, GBP: 405_250 } as const;
const RATE_SCALE = 10_000;
const HOUR_MS = 3_600_000;
/** The document's example id; a company has one smart reorder record. */
const SMART_REORDER_ID = 123;

export function registerReportingRoutes(app: SandboxApp, state: PleasurestockState): void {
  app.route({
    method: 'POST',
    path: '/sales',
    operationId: 'submitSales',
    rateBucket: 'standard',
    write: true,
    handler: (request) => {
      authenticateStandard(request);
      const { sales } = parse(salesBody, request.body, 'body');
      const processed = submitSales(state, sales);
      return { success: true, message: 'Sales data submitted successfully', processed };
    },
  });

  app.route({
    method: 'GET',
    path: '/smart-reordering',
    operationId: 'getSmartReordering',
    rateBucket: 'smartReordering',
    handler: (request) => {
      authenticateStandard(request);
      const query = parse(smartReorderingQuery, request.query, 'query');
      const dateMs = query.date === undefined ? parseYmd(iso(app.now()).slice(0, 10)) : parseYmd(query.date);
      if (dateMs === null) return refuse(400, 'Invalid request', 'The query parameters are invalid', ['date: must be a real calendar date']);
      const recommendations = recommend(state, dateMs);
      return { success: true, date: iso(dateMs).slice(0, 10), recommendations, total: recommendations.length };
    },
  });

  app.route({
    method: 'GET',
    path: '/currency/convert-to-try',
    operationId: 'convertToTry',
    rateBucket: 'standard',
    handler: (request) => {
      authenticateStandard(request);
      const query = parse(convertQuery, request.query, 'query');
      const cents = parseDecimalCents(query.amount) as number;
      const rate = TRY_RATES[query.currency];
      return {
        success: true,
        originalAmount: centsToNumber(cents),
        originalCurrency: query.currency,
        convertedAmount: centsToNumber(scaleCents(cents, rate, RATE_SCALE)),
        targetCurrency: 'TRY',
        exchangeRate: Number(`${Math.trunc(rate / RATE_SCALE)}.${String(rate % RATE_SCALE).padStart(4, '0')}`),
        lastUpdated: iso(Math.floor(app.now() / HOUR_MS) * HOUR_MS),
      };
    },
  });

  app.route({
    method: 'POST',
    path: '/external/smart-reorder',
    operationId: 'submitSmartReorder',
    rateBucket: 'smartReordering',
    write: true,
    handler: (request) => {
      authenticateExternal(request, 'write');
      const { products } = parse(smartReorderBody, request.body, 'body');
      const unknown = products.flatMap((p, i) => (state.product(p.ps_id) ? [] : [`products[${i}].ps_id: ${p.ps_id}`]));
      if (unknown.length > 0) refuse(400, 'Product not found', 'Some products do not exist', unknown);
      const record = state.smartReorder ?? { id: SMART_REORDER_ID, lastUpdated: 0, isActive: true, products: new Map() };
      record.products = new Map(products.map((p) => [p.ps_id, { currentStock: p.current_stock, salesHistory: p.sales_history }]));
      record.lastUpdated = app.now();
      state.smartReorder = record;
      return { success: true, data: { smartReorderId: record.id, lastUpdated: iso(record.lastUpdated), isActive: record.isActive } };
    },
  });
}
