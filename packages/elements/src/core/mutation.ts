import type { BillingClient } from '@billkit/sdk';
import { isBillingApiError } from '@billkit/sdk';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { BillingController } from './billing-controller.js';
import { BkRequestEvent } from './events.js';
import { IntentKey, stableJson } from './intent-key.js';
import { type MutationName, mutationEffects } from './resources.js';

export interface MutationOptions<Intent, Result> {
  /** The row of `mutationEffects`: what the store reloads after it. */
  name: MutationName;
  /** The cancelable `bk-…-request` event sent before each run (not before a retry's replay). */
  request: (intent: Intent) => BkRequestEvent<unknown>;
  /** Calls the SDK, passing the idempotency key of this intent and the signal. */
  perform: (
    client: BillingClient,
    intent: Intent,
    options: { idempotencyKey: string; signal: AbortSignal },
  ) => Promise<Result>;
}

/**
 * A mutation an element offers (a controller): asks the host first with a cancelable request
 * event, runs with one idempotency key per intent (a double click or a retry never charges
 * twice), through the store so what it changed is reloaded everywhere, as a `Task` with
 * `autoRun: false` whose status and error the element renders. A stale version
 * (`version_conflict`) reloads what the version covers, so the element can show the new state.
 */
export class Mutation<Intent, Result> {
  readonly task: Task<[Intent], Result>;
  readonly #keys = new IntentKey();
  #lastIntent: string | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MutationOptions<Intent, Result>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    billing: BillingController,
    options: MutationOptions<Intent, Result>,
  ) {
    this.#host = host;
    this.#options = options;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([intent], { signal }) => {
        const store = billing.store;
        if (!store) throw new Error('bk-billing-provider is missing');
        const idempotencyKey = this.#keys.for(intent);
        try {
          const result = await store.mutate(options.name, (client) =>
            options.perform(client, intent, { idempotencyKey, signal }),
          );
          this.#keys.settle();
          return result;
        } catch (error) {
          this.#keys.settle(error);
          if (isBillingApiError(error) && error.code === 'version_conflict') {
            await store.refresh(mutationEffects.versionConflict);
          }
          throw error;
        }
      },
    });
  }

  /**
   * The error of the last run if it was for this intent; once the user asks for something else,
   * the old error is no longer true and is not shown (nor announced) any more.
   */
  errorFor(intent: Intent): unknown {
    const failed = this.task.status === TaskStatus.ERROR && this.#lastIntent === stableJson(intent);
    return failed ? this.task.error : undefined;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /**
   * Asks the host (the request event), then runs. Resolves to the result, or undefined when the
   * host vetoed it, a run is already under way (a double click), or it failed (the error is in
   * `task.error`).
   */
  async run(intent: Intent): Promise<Result | undefined> {
    if (this.pending) return undefined;
    if (!(await BkRequestEvent.approve(this.#host, this.#options.request(intent))))
      return undefined;
    if (this.pending) return undefined;
    this.#lastIntent = stableJson(intent);
    await this.task.run([intent]);
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }
}
