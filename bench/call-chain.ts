import type { RequestSpan } from '../src/sandbox/kit/stats.ts';

export interface CallChain {
  /** dependent round trips: the most calls in a chain where each was sent after the one before it was answered */
  trips: number;
  /** the longest such chain in time: what the request had to wait for its suppliers, however fast the gateway */
  upstreamMs: number;
}

/**
 * The critical path of one request's upstream calls, from the sandboxes' request spans. Calls
 * sent together (one batch per supplier) are one trip however many there are.
 */
export function longestCallChain(spans: readonly RequestSpan[]): CallChain {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const trips: number[] = [];
  const waited: number[] = [];
  sorted.forEach((span, i) => {
    let tripsBefore = 0;
    let waitedBefore = 0;
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.endMs > span.startMs) continue;
      tripsBefore = Math.max(tripsBefore, trips[j]!);
      waitedBefore = Math.max(waitedBefore, waited[j]!);
    }
    trips.push(tripsBefore + 1);
    waited.push(waitedBefore + (span.endMs - span.startMs));
  });
  return { trips: Math.max(0, ...trips), upstreamMs: Math.max(0, ...waited) };
}
