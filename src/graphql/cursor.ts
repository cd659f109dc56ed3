import { z } from 'zod';
import { BadUserInputError } from '../domain/errors.ts';
import { SUPPLIER_IDS, type SupplierId } from '../domain/supplier.ts';
import type { MergePosition } from './merge.ts';

const Position = z.partialRecord(z.enum(SUPPLIER_IDS), z.number().int().nonnegative());

/** An opaque cursor remembering how far a list has read into each supplier's own list. */
export function encodeCursor(position: MergePosition<SupplierId>): string {
  return Buffer.from(JSON.stringify({ v: 1, p: position }), 'utf8').toString('base64url');
}

/** The position in a cursor; throws BAD_USER_INPUT naming `after` when it is not one of ours. */
export function decodeCursor(cursor: string | null | undefined): MergePosition<SupplierId> {
  if (cursor === null || cursor === undefined) return {};
  try {
    const parsed = z.object({ v: z.literal(1), p: Position }).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.p;
  } catch {
    throw new BadUserInputError('after is not a cursor this API returned', 'after');
  }
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
