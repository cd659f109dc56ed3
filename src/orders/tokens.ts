import { createHash } from 'node:crypto';
import type { SupplierId } from '../domain/supplier.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The supplier-side token for one supplier's part of a cart: derived from the caller's scope, its
 * idempotency key and the supplier, so every retry sends the same token and no two callers' keys
 * can meet. 24 characters of [A-Z2-9] after "SG-": within every supplier's reference field.
 */
export function placementToken(scope: string, key: string, supplier: SupplierId): string {
  const digest = createHash('sha256').update(`${scope}\u0000${key}\u0000${supplier}`).digest();
  let token = '';
  for (let i = 0; i < 24; i++) token += ALPHABET[digest[i]! % ALPHABET.length];
  return `SG-${token}`;
}

/** A stable fingerprint of a request: the same input in any key order hashes the same. */
export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
