import { describe, expect, it } from 'vitest';
import { longestCallChain } from '../../bench/call-chain.ts';

const span = (startMs: number, endMs: number) => ({ operationId: 'op', startMs, endMs });

describe('longestCallChain', () => {
  it('counts calls sent together as one round trip', () => {
    expect(longestCallChain([span(0, 20), span(1, 21), span(2, 25)])).toBe(1);
  });

  it('counts a call sent after another was answered as a further trip', () => {
    // an order list, then its products and shipments together, then nothing more
    expect(longestCallChain([span(0, 20), span(21, 41), span(22, 43)])).toBe(2);
  });

  it('follows the longest dependent chain, not the number of calls', () => {
    expect(longestCallChain([span(0, 20), span(0, 50), span(21, 40), span(41, 60), span(51, 70)])).toBe(3);
  });

  it('is zero without calls', () => {
    expect(longestCallChain([])).toBe(0);
  });
});
