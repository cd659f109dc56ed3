import { AsyncLocalStorage } from 'node:async_hooks';

/** What the work done for one HTTP request knows about it, wherever it runs. */
export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) inside the request's scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * The id of the request this code runs for; undefined for background work (catalog refreshes,
 * the transaction follower, pollers). A call batched by a DataLoader carries the id of the
 * request that set it off.
 */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
