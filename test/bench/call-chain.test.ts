import { describe, expect, it } from 'vitest';
import { longestCallChain } from '../../bench/call-chain.ts';

const span = (startMs: number, endMs: number) => ({ operationId: 'op', startMs, endMs });

describe('longestCallChain', () => {
  it('counts calls sent together as one round trip, as long as the slowest', () => {
    expect(longestCallChain([span(0, 20), span(1, 21), span(2, 25)])).toEqual({ trips: 1, upstreamMs: 23 });
  });

  it('counts a call sent after another was answered as a further trip, without the gap between them', () => {
    // an order list, then its products and shipments together
    expect(longestCallChain([span(0, 20), span(25, 45), span(26, 50)])).toEqual({ trips: 2, upstreamMs: 44 });
  });

  it('follows the longest dependent chain, not the number of calls', () => {
    expect(longestCallChain([span(0, 20), span(0, 50), span(21, 40), span(41, 60), span(51, 70)]).trips).toBe(3);
  });

  it('is zero without calls', () => {
    expect(longestCallChain([])).toEqual({ trips: 0, upstreamMs: 0 });
  });
});
