/** Counts the requests a sandbox received, per OpenAPI operationId and per answered status. */
export interface StatsSnapshot {
  total: number;
  byOperation: Record<string, number>;
  byOperationStatus: Record<string, Record<string, number>>;
}

export class RequestStats {
  #total = 0;
  #byOperation = new Map<string, number>();
  #byOperationStatus = new Map<string, Map<number, number>>();

  received(operationId: string): void {
    this.#total += 1;
    this.#byOperation.set(operationId, (this.#byOperation.get(operationId) ?? 0) + 1);
  }

  answered(operationId: string, status: number): void {
    const statuses = this.#byOperationStatus.get(operationId) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.#byOperationStatus.set(operationId, statuses);
  }

  /** Requests received for one operation, or for all of them when no operation is named. */
  count(operationId?: string): number {
    return operationId === undefined ? this.#total : (this.#byOperation.get(operationId) ?? 0);
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
  }
}
