/** Counts the requests a sandbox received, per OpenAPI operationId and per answered status. */
export interface StatsSnapshot {
  total: number;
  byOperation: Record<string, number>;
  byOperationStatus: Record<string, Record<string, number>>;
}

/** When one request arrived and was answered, on this process's performance.now() clock. */
export interface RequestSpan {
  operationId: string;
  startMs: number;
  endMs: number;
}

/** Spans kept for the benchmark's count of dependent round trips; older ones are dropped. */
const MAX_SPANS = 10_000;

export class RequestStats {
  #total = 0;
  #spans: RequestSpan[] = [];
  #byOperation = new Map<string, number>();
  #byOperationStatus = new Map<string, Map<number, number>>();

  received(operationId: string): void {
    this.#total += 1;
    this.#byOperation.set(operationId, (this.#byOperation.get(operationId) ?? 0) + 1);
  }

  /** `elapsedMs`: how long the answer took since arrival, when the server knows it. */
  answered(operationId: string, status: number, elapsedMs?: number): void {
    if (elapsedMs !== undefined) {
      const endMs = performance.now();
      if (this.#spans.length === MAX_SPANS) this.#spans.shift();
      this.#spans.push({ operationId, startMs: endMs - elapsedMs, endMs });
    }
    const statuses = this.#byOperationStatus.get(operationId) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.#byOperationStatus.set(operationId, statuses);
  }

  /** Requests received for one operation, or for all of them when no operation is named. */
  count(operationId?: string): number {
    return operationId === undefined ? this.#total : (this.#byOperation.get(operationId) ?? 0);
  }

  /** The answered requests' spans since the last reset, oldest first. */
  spans(): readonly RequestSpan[] {
    return this.#spans;
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.#total,
      byOperation: Object.fromEntries(this.#byOperation),
      byOperationStatus: Object.fromEntries(
        [...this.#byOperationStatus].map(([op, statuses]) => [op, Object.fromEntries(statuses)]),
      ),
    };
  }

  reset(): void {
    this.#total = 0;
    this.#byOperation.clear();
    this.#byOperationStatus.clear();
    this.#spans = [];
  }
}
