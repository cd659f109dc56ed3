import { BadUserInputError } from '../../domain/errors.ts';
import { toDecimalString, type Money } from '../../domain/money.ts';
import type { CurrencyConversionModel, ReorderRecommendationModel } from '../../domain/models.ts';
import { Snapshot } from '../shared/snapshot.ts';
import { mapped, readOk } from './answers.ts';
import { BoundedMap } from './bounded-map.ts';
import type { PleasurestockClient } from './client.ts';
import { toConversion, toRecommendation } from './mapping.ts';
import { CONVERTIBLE_CURRENCIES, CurrencyConversionWire, SmartReorderingWire } from './wire.ts';

type ConvertibleCurrency = (typeof CONVERTIBLE_CURRENCIES)[number];

export interface PleasurestockReporting {
  reorderRecommendations(date: string | null): Promise<ReorderRecommendationModel[]>;
  convertCurrency(amount: Money): Promise<CurrencyConversionModel>;
}

function isRealDate(text: string): boolean {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * Smart reordering and currency conversion. GET /smart-reordering has its own budget of 100 calls
 * an hour and is computed daily, so each date's answer is kept for `reorderTtlMs`.
 */
export function createReporting(upstream: PleasurestockClient, options: { reorderTtlMs: number; now?: () => number }): PleasurestockReporting {
  // Keyed by the date asked; "" is the supplier's today (no date sent, its clock decides).
  const byDate = new BoundedMap<string, Snapshot<ReorderRecommendationModel[]>>(64);

  const loadRecommendations = (date: string) => async () => {
    const answer = await upstream.call('getSmartReordering', (client, init) =>
      client.GET('/smart-reordering', { ...init, params: { query: date === '' ? {} : { date } } }),
    );
    const body = readOk(SmartReorderingWire, answer, 'getSmartReordering');
    return mapped('getSmartReordering', () => body.recommendations.map(toRecommendation));
  };

  return {
    async reorderRecommendations(date) {
      if (date !== null && !isRealDate(date)) throw new BadUserInputError('date must be a calendar date, YYYY-MM-DD', 'date');
      const key = date ?? '';
      let snapshot = byDate.get(key);
      if (!snapshot) {
        snapshot = new Snapshot(options.reorderTtlMs, loadRecommendations(key), options.now, 'pleasurestock.reorder');
        byDate.set(key, snapshot);
      }
      return snapshot.get();
    },

    async convertCurrency(amount) {
      if (!(CONVERTIBLE_CURRENCIES as readonly string[]).includes(amount.currency)) {
        throw new BadUserInputError(`PleasureStock converts only ${CONVERTIBLE_CURRENCIES.join(', ')} into TRY`, 'currency');
      }
      if (amount.minor < 0n) throw new BadUserInputError('the amount to convert must not be negative', 'amount');
      // The spec types `amount` as a number, but a query parameter is text on the wire: sending the
      // exact decimal ("29.99") keeps the amount out of floats.
      const query = { amount: toDecimalString(amount) as unknown as number, currency: amount.currency as ConvertibleCurrency };
      const answer = await upstream.call('convertToTry', (client, init) => client.GET('/currency/convert-to-try', { ...init, params: { query } }));
      const body = readOk(CurrencyConversionWire, answer, 'convertToTry');
      return mapped('convertToTry', () => toConversion(body));
    },
  };
}
