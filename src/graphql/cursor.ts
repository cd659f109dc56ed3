import { z } from 'zod';
import { BadUserInputError } from '../domain/errors.ts';
import { SUPPLIER_IDS, type SupplierId } from '../domain/supplier.ts';
import { MERGE_START, type ConsumedCounts, type MergePosition } from './merge.ts';

const Supplier = z.enum(SUPPLIER_IDS);
// `f` (suppliers read to their end) and `l` (the last item read of each) are absent from cursors
// older than they are, and from those with none.
const Cursor = z.object({
  v: z.literal(1),
  p: z.partialRecord(Supplier, z.number().int().nonnegative()),
  f: z.array(Supplier).optional(),
  l: z.partialRecord(Supplier, z.string().max(200)).optional(),
});

/**
 * An opaque cursor remembering how far a list has read into each supplier's own list, the last
 * item it read there, and which suppliers it has read to the end.
 */
export function encodeCursor(consumed: ConsumedCounts<SupplierId>, finished: readonly SupplierId[] = [], last?: Partial<Record<SupplierId, string>>): string {
  const cursor = { v: 1, p: consumed, ...(finished.length > 0 && { f: finished }), ...(last && { l: last }) };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor of a merge position. */
export function encodePosition(position: MergePosition<SupplierId>): string {
  return encodeCursor(position.consumed, position.finished, position.last);
}

/** The merge position in a cursor; throws BAD_USER_INPUT naming `after` when it is not one of ours. */
export function decodePosition(cursor: string | null | undefined): MergePosition<SupplierId> {
  if (cursor === null || cursor === undefined) return MERGE_START;
  try {
    const parsed = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { consumed: parsed.p, finished: parsed.f ?? [], ...(parsed.l && { last: parsed.l }) };
  } catch {
    throw new BadUserInputError('after is not a cursor this API returned', 'after');
  }
}

/** The items consumed per supplier in a cursor (for lists of one source); throws like decodePosition. */
export function decodeCursor(cursor: string | null | undefined): ConsumedCounts<SupplierId> {
  return decodePosition(cursor).consumed;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The page size asked for; throws BAD_USER_INPUT naming `first` outside 1..100. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}
