import type { BillingClient } from '@billkit/sdk';
import {
  type MutationName,
  mutationEffects,
  type Resource,
  type ResourceKind,
} from './resources.js';

interface Entry<T = unknown> {
  resource: Resource<T>;
  hasValue: boolean;
  value: T | undefined;
  /** Bumped when the cached value is replaced (a refresh), so tasks showing it re-run. */
  revision: number;
  /** The request under way, shared by every element asking meanwhile. */
  inflight: Inflight<T> | undefined;
}

interface Inflight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting; when the last one gives up, the request is aborted. */
  waiters: number;
}

/**
 * The billing data of one provider, shared by every element under it. Each resource is loaded
 * once however many elements show it: concurrent requests for one resource share one HTTP
 * request, and a caller that aborts only stops waiting (the request goes on for the others,
 * and is aborted only when nobody waits any more). After a mutation, `mutate` reloads exactly
 * the kinds of resources the mutation changes (`mutationEffects`) and then notifies, so every
 * element shows the new state together.
 */
export class BillingStore extends EventTarget {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly client: BillingClient) {
    super();
  }

  /** The resource, from the cache or from one shared request. */
  get<T>(resource: Resource<T>, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
    const entry = this.#entry(resource);
    if (entry.hasValue && !entry.inflight) return Promise.resolve(entry.value as T);
    const inflight = entry.inflight ?? this.#load(entry);
    return this.#wait(entry, inflight, signal);
  }

  /** The last value loaded, if any, even if out of date (for showing something meanwhile). */
  peek<T>(resource: Resource<T>): T | undefined {
    return this.#entries.get(resource.key)?.value as T | undefined;
  }

  /** Changes whenever the resource's cached value is replaced: a task argument. */
  revision(resource: Resource<unknown>): number {
    return this.#entries.get(resource.key)?.revision ?? 0;
  }

  /**
   * Runs a mutation, then reloads the resources it changed (those loaded on this page) and
   * notifies once they are in. Resolves with the mutation's result after the reload; a failed
   * reload is left to the elements showing that resource (they get the error and a retry).
   */
  async mutate<R>(name: MutationName, perform: (client: BillingClient) => Promise<R>): Promise<R> {
    const result = await perform(this.client);
    await this.refresh(mutationEffects[name]);
    return result;
  }

  /**
   * Reloads the loaded resources of the given kinds (all when omitted), e.g. when the host
   * knows billing changed elsewhere; resolves when they are in.
   */
  async refresh(kinds?: readonly ResourceKind[]): Promise<void> {
    const stale = [...this.#entries.values()].filter(
      (entry) =>
        (entry.hasValue || entry.inflight) && (!kinds || kinds.includes(entry.resource.kind)),
    );
    await Promise.allSettled(
      stale.map((entry) => {
        // A request started before the mutation may answer with the old state: start anew.
        const inflight = this.#load(entry);
        return this.#wait(entry, inflight, undefined);
      }),
    );
    for (const entry of stale) entry.revision++;
    if (stale.length > 0) this.dispatchEvent(new Event('change'));
  }

  #entry<T>(resource: Resource<T>): Entry<T> {
    let entry = this.#entries.get(resource.key) as Entry<T> | undefined;
    if (!entry) {
      entry = { resource, hasValue: false, value: undefined, revision: 0, inflight: undefined };
      this.#entries.set(resource.key, entry as Entry);
    }
    return entry;
  }

  #load<T>(entry: Entry<T>): Inflight<T> {
    const controller = new AbortController();
    const inflight: Inflight<T> = {
      controller,
      waiters: 0,
      promise: entry.resource.load(this.client, controller.signal).then(
        (value) => {
          if (entry.inflight === inflight) {
            entry.inflight = undefined;
            entry.value = value;
            entry.hasValue = true;
          }
          return value;
        },
        (error: unknown) => {
          if (entry.inflight === inflight) {
            entry.inflight = undefined;
            // What is cached may be out of date (a reload after a change failed): the next
            // read asks again, so the element shows the error and its retry, not old data.
            entry.hasValue = false;
          }
          throw error;
        },
      ),
    };
    entry.inflight = inflight;
    return inflight;
  }

  #wait<T>(entry: Entry<T>, inflight: Inflight<T>, signal: AbortSignal | undefined) {
    if (signal?.aborted) return Promise.reject(signal.reason);
    inflight.waiters++;
    return new Promise<T>((resolve, reject) => {
      let waiting = true;
      const leave = () => {
        waiting = false;
        signal?.removeEventListener('abort', abort);
        inflight.waiters--;
      };
      const abort = () => {
        leave();
        reject(signal?.reason);
        if (inflight.waiters === 0) {
          if (entry.inflight === inflight) entry.inflight = undefined;
          inflight.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', abort, { once: true });
      inflight.promise.then(
        (value) => {
          if (!waiting) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (!waiting) return;
          leave();
          reject(error);
        },
      );
    });
  }
}
