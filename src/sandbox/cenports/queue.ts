import type { Random } from '../kit/index.ts';
import type { Transaction, TransactionError, TransactionKind, TransactionStatus } from './types.ts';

/**
 * Cenports' asynchronous writes: each waits `delayMs` on the sandbox clock, then its work runs
 * against the state of that moment. Nothing runs on a timer: `settle()` is called before every
 * request, so a fake clock in tests moves transactions along deterministically.
 */
export class TransactionQueue {
  readonly #byHandle = new Map<string, Transaction>();
  #nextId = 12_001;

  constructor(
    private readonly now: () => number,
    private readonly random: Random,
    private readonly delayMs: number,
  ) {}

  submit(kind: TransactionKind, process: () => TransactionError[]): Transaction {
    const submittedAt = this.now();
    const transaction: Transaction = {
      id: String(this.#nextId++),
      handle: this.random.uuid(),
      kind,
      submittedAt,
      dueAt: submittedAt + this.delayMs,
      process,
    };
    this.#byHandle.set(transaction.handle.toLowerCase(), transaction);
    return transaction;
  }

  /** Applies every due transaction in submission order. */
  settle(): void {
    const now = this.now();
    for (const transaction of this.#byHandle.values()) {
      if (transaction.outcome || transaction.dueAt > now) continue;
      const errors = transaction.process();
      transaction.outcome =
        errors.length === 0
          ? { status: 'COMPLETED', completedAt: transaction.dueAt, errors }
          : { status: 'FAILED', completedAt: null, errors };
    }
  }

  /** By handle, in any letter case (the document shows both). */
  find(handle: string): Transaction | undefined {
    return this.#byHandle.get(handle.toLowerCase());
  }

  /** QUEUED for the first half of the delay, PROCESSING for the second, then the outcome. */
  statusOf(transaction: Transaction): TransactionStatus {
    if (transaction.outcome) return transaction.outcome.status;
    return this.now() - transaction.submittedAt < this.delayMs / 2 ? 'QUEUED' : 'PROCESSING';
  }

  /** Every transaction so far, in submission order, for tests. */
  all(): Transaction[] {
    return [...this.#byHandle.values()];
  }
}
