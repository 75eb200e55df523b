/**
 * The billing page's backend: one mock team (a named scenario, optionally under another
 * policy) with its test clock, run in a worker (backend.worker.ts) and served to the page's
 * requests by MSW. A new scenario or policy, or a clock day before the current one (billing
 * time only moves forward), makes a new one.
 */
import type { ScenarioName } from '@billkit/mocks';
import { http, type RequestHandler } from 'msw';
import { mockBaseUrl } from '../mock-worker.js';
import type {
  BackendCall,
  BackendReply,
  CreatedTeam,
  SerializedResponse,
} from './backend-protocol.js';
import type { PolicyName } from './settings.js';

/** An error the worker threw, with its name kept (`ScenarioError`, `RangeError`). */
export class BackendError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * The page's one backend worker: loading the mock and compiling its contract validators is the
 * slow part, so every team the page builds lives in the same worker (one at a time).
 */
class BackendWorker {
  readonly #worker = new Worker(new URL('./backend.worker.ts', import.meta.url), {
    type: 'module',
  });
  #calls = 0;
  readonly #pending = new Map<number, (reply: BackendReply) => void>();

  constructor() {
    this.#worker.addEventListener('message', (event: MessageEvent<BackendReply>) => {
      this.#pending.get(event.data.id)?.(event.data);
      this.#pending.delete(event.data.id);
    });
    // A worker that fails to load fails every call waiting for it.
    this.#worker.addEventListener('error', (event) => {
      for (const settle of this.#pending.values()) {
        settle({ id: 0, ok: false, error: { name: 'Error', message: event.message } });
      }
      this.#pending.clear();
    });
  }

  call(call: BackendCall): Promise<unknown> {
    const id = ++this.#calls;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (reply) =>
        reply.ok
          ? resolve(reply.value)
          : reject(new BackendError(reply.error.name, reply.error.message)),
      );
      this.#worker.postMessage({ id, call }, call.kind === 'fetch' && call.body ? [call.body] : []);
    });
  }
}

let sharedWorker: BackendWorker | undefined;

export class DemoBackend {
  readonly baseUrl: string;
  readonly teamId: string;
  /** The clock's first day: a link without a date shows the team as of this day. */
  readonly startDay: string;
  /** MSW handlers answering the page's API requests from the worker's mock. */
  readonly handlers: RequestHandler[];
  #today: string;
  #declinesCharges: boolean | null;
  readonly #worker: BackendWorker;

  private constructor(worker: BackendWorker, team: CreatedTeam) {
    this.#worker = worker;
    this.baseUrl = team.baseUrl;
    this.teamId = team.teamId;
    this.startDay = team.startDay;
    this.#today = team.startDay;
    this.#declinesCharges = team.declinesCharges;
    this.handlers = [
      http.all(`${this.baseUrl}/*`, async ({ request }) => {
        const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
        const response = (await worker.call({
          kind: 'fetch',
          url: request.url,
          method: request.method,
          headers: [...request.headers],
          body,
        })) as SerializedResponse;
        if (response.dropped) return Response.error();
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      }),
    ];
  }

  /**
   * A new team (it replaces the previous one in the worker). Rejects with a `BackendError`
   * named `ScenarioError` when the policy contradicts the scenario.
   */
  static async create(scenario: ScenarioName, policy: PolicyName | null): Promise<DemoBackend> {
    sharedWorker ??= new BackendWorker();
    const team = await sharedWorker.call({
      kind: 'create',
      scenario,
      policy,
      baseUrl: mockBaseUrl(),
    });
    return new DemoBackend(sharedWorker, team as CreatedTeam);
  }

  /** The test clock's day, `YYYY-MM-DD`. */
  today(): string {
    return this.#today;
  }

  /** Moves the test clock forward to `day` (the billing calendar runs for each day passed). */
  async moveTo(day: string): Promise<void> {
    this.#today = (await this.#worker.call({ kind: 'moveTo', day })) as string;
  }

  /** Whether the default payment method declines charges; null when the team has none. */
  declinesCharges(): boolean | null {
    return this.#declinesCharges;
  }

  /**
   * Makes the default payment method decline every charge (as a card would), or pay again:
   * renewals and retries then fail into dunning, and Pay now is declined.
   */
  async declineCharges(decline: boolean): Promise<void> {
    this.#declinesCharges = (await this.#worker.call({ kind: 'declineCharges', decline })) as
      | boolean
      | null;
  }

  /** The next day something is billed: a renewal, the next invoice or auto-flex's billing date. */
  async nextBillingDate(): Promise<string | null> {
    return (await this.#worker.call({ kind: 'nextBillingDate' })) as string | null;
  }
}
