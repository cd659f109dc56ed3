import type { Random } from '../kit/index.ts';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A CUID-like id: "cl" and 23 lowercase alphanumerics. */
export function cuidLike(random: Random): string {
  return `cl${random.string(23)}`;
}

/** "ORD-<unix seconds>-<6 uppercase alphanumerics>", as the document's first example. */
export function orderNumber(random: Random, epochMs: number): string {
  return `ORD-${Math.floor(epochMs / 1000)}-${random.string(6, UPPER_ALNUM)}`;
}
