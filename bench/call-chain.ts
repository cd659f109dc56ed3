import type { RequestSpan } from '../src/sandbox/kit/stats.ts';

/**
 * Dependent upstream round trips of one request, counted from the sandboxes' request spans: the
 * longest chain of calls each sent only after the one before it was answered. Calls sent
 * together (one batch per supplier) are one trip however many there are.
 */
export function longestCallChain(spans: readonly RequestSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((span, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.endMs <= span.startMs) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
