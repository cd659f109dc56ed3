import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../src/domain/global-id.ts';

describe('global ids', () => {
  it('round-trips type, supplier and a native id with any characters', () => {
    const parts = { type: 'Order', supplier: 'pleasurestock', nativeId: 'ORD-2025:000123/ü' } as const;
    const id = encodeGlobalId(parts);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeGlobalId(id)).toEqual(parts);
  });

  it('answers null for text it did not make', () => {
    expect(decodeGlobalId('not an id')).toBeNull();
    expect(decodeGlobalId(Buffer.from('Order:acme:1').toString('base64url'))).toBeNull();
    expect(decodeGlobalId(Buffer.from('Invoice:cenports:1').toString('base64url'))).toBeNull();
    expect(decodeGlobalId(Buffer.from('Order:cenports:').toString('base64url'))).toBeNull();
  });
});
