import { EventEmitter } from 'node:events';
import type { LiveMessage } from './messages.ts';

export type LiveListener = (message: LiveMessage) => void;

/** This process's fan-out: every message that reaches the process goes to each of its subscribers. */
export class LiveHub {
  // One listener per open subscription, so no cap on their number.
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  emit(message: LiveMessage): void {
    this.#emitter.emit('message', message);
  }

  /** Calls listener with every message from now on; returns the function that stops it. */
  listen(listener: LiveListener): () => void {
    this.#emitter.on('message', listener);
    return () => this.#emitter.off('message', listener);
  }

  get listeners(): number {
    return this.#emitter.listenerCount('message');
  }
}
