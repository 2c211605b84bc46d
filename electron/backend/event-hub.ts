import type { EventName, EventPayloads } from '../../shared/contract';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Fan-out of backend events to whichever transports are attached (IPC windows, SSE streams). */
export class EventHub {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.#listeners) listener(event, payload);
  }

  /** Returns the function that detaches the listener. */
  attach(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
