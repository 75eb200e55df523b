/**
 * Base classes of every `bk-` event: typed detail, bubbling and composed (they cross shadow
 * roots to reach the host's listeners). Each element declares its own subclasses beside it and
 * registers them in `GlobalEventHandlersEventMap`, so `addEventListener('bk-…', e => …)` is
 * typed in the host.
 */
export class BkEvent<Detail> extends Event {
  constructor(
    type: string,
    readonly detail: Detail,
    init: EventInit = {},
  ) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}

/**
 * Sent before a mutation, cancelable: `preventDefault()` vetoes it, and `waitFor(promise)` lets
 * the host decide asynchronously (its own confirmation dialog, say): the mutation runs only if
 * every promise given resolves to `true`.
 */
export class BkRequestEvent<Detail> extends BkEvent<Detail> {
  readonly #decisions: Promise<boolean>[] = [];

  constructor(type: string, detail: Detail) {
    super(type, detail, { cancelable: true });
  }

  /** Defers the decision to `decision` (resolving to `true` lets the mutation run). */
  waitFor(decision: Promise<boolean>): void {
    this.#decisions.push(decision);
  }

  /** For the element: dispatches the event and says whether the mutation may run. */
  static async approve(target: EventTarget, event: BkRequestEvent<unknown>): Promise<boolean> {
    if (!target.dispatchEvent(event)) return false;
    const answers = await Promise.all(event.#decisions.map((d) => d.catch(() => false)));
    return answers.every(Boolean);
  }
}
