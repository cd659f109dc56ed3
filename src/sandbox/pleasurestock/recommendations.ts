import { DAY_MS, iso, ymd } from './dates.ts';
import { formatCents } from './money.ts';
import type { PleasurestockState } from './state.ts';

const WINDOW_DAYS = 28;
/** Recommend enough stock for two weeks of average sales. */
const COVER_DAYS = 14;

interface Signal {
  /** average units per in-stock day, in hundredths */
  averageHundredths: number;
  currentStock: number;
  daysWithData: number;
}

/** Signals from POST /sales over the 28 days ending on the date; out-of-stock days are left out. */
function salesSignals(state: PleasurestockState, dateMs: number): Map<string, Signal> {
  const first = ymd(dateMs - (WINDOW_DAYS - 1) * DAY_MS);
  const last = ymd(dateMs);
  const byProduct = new Map<string, { date: string; quantity: number; stock: number | null }[]>();
  for (const day of state.sales.values()) {
    if (day.date < first || day.date > last) continue;
    byProduct.set(day.internalId, [...(byProduct.get(day.internalId) ?? []), { date: day.date, quantity: day.quantity, stock: day.stockOnHand }]);
  }
  const signals = new Map<string, Signal>();
  for (const [internalId, days] of byProduct) {
    days.sort((a, b) => a.date.localeCompare(b.date));
    const inStock = days.filter((d) => d.stock !== 0);
    const sold = inStock.reduce((sum, d) => sum + d.quantity, 0);
    const latestStock = [...days].reverse().find((d) => d.stock !== null)?.stock ?? 0;
    signals.set(internalId, {
      averageHundredths: inStock.length === 0 ? 0 : Math.round((sold * 100) / inStock.length),
      currentStock: latestStock,
      daysWithData: days.length,
    });
  }
  return signals;
}

/** Recommendations for a date, largest first; POST /external/smart-reorder data wins over sales. */
export function recommend(state: PleasurestockState, dateMs: number) {
  const signals = salesSignals(state, dateMs);
  for (const [internalId, data] of state.smartReorder?.products ?? []) {
    const history = data.salesHistory.slice(-WINDOW_DAYS);
    const sold = history.reduce((sum, n) => sum + n, 0);
    signals.set(internalId, {
      averageHundredths: Math.round((sold * 100) / history.length),
      currentStock: Math.floor(data.currentStock),
      daysWithData: history.length,
    });
  }
  return [...signals]
    .flatMap(([internalId, signal]) => {
      const product = state.product(internalId);
      if (!product) return [];
      const needed = Math.floor((signal.averageHundredths * COVER_DAYS + 99) / 100);
      return [{
        product_internal_id: internalId,
        product_name: product.name,
        product_sku: product.sku,
        recommended_quantity: Math.max(0, needed - signal.currentStock),
        current_stock: signal.currentStock,
        average_daily_sales: Number(formatCents(signal.averageHundredths)),
        // the sandbox's stand-in for accuracy: the share of the window it has data for
        forecast_accuracy: Number((Math.min(WINDOW_DAYS, signal.daysWithData) / WINDOW_DAYS).toFixed(2)),
        calculation_date: iso(dateMs),
      }];
    })
    .sort((a, b) => b.recommended_quantity - a.recommended_quantity || a.product_internal_id.localeCompare(b.product_internal_id));
}
