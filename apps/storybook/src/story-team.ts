/**
 * A fresh mock team per rendered story. Each team is served under its own base URL
 * (`/api/<id>/v1`), so a docs page rendering many stories at once gives each its own team, and
 * one MSW handler (`storyTeamHandlers`, installed through msw-storybook-addon's parameters)
 * routes every request to its team's `@billkit/mocks` handlers.
 */
import { type BillingMock, createBillingMock, type FaultRule } from '@billkit/mocks';
import { getResponse, http, type RequestHandler } from 'msw';
import type { BillingState, ClockMove } from './billing-state.js';

/** An API request the team never answers, `METHOD /path` under the team: `GET /billing/overview`. */
export type HeldRequest = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;

export interface StoryTeamOptions {
  /** Fault rules put in place once the clock has moved (see @billkit/mocks' Faults). */
  faults?: FaultRule[];
  /** Requests left unanswered, to show the loading state for as long as the story is viewed. */
  hold?: HeldRequest[];
}

export interface StoryTeam {
  readonly id: string;
  readonly state: BillingState;
  readonly mock: BillingMock;
  readonly baseUrl: string;
  readonly teamId: string;
  /** The clock's day after the move, `YYYY-MM-DD`. */
  readonly today: string;
  /** How many requests the team answered, by `METHOD /path` under the team. */
  answered(request: string): number;
  /** Stops serving the team (its story is gone). */
  dispose(): void;
}

interface Served {
  handlers: RequestHandler[];
  onAnswer: (request: Request) => void;
}

const served = new Map<string, Served>();
let sequence = 0;

/** The one MSW handler every story uses: it hands a request to its team's mock. */
export const storyTeamHandlers: RequestHandler[] = [
  http.all('/api/:team/v1/*', async ({ request, params }) => {
    const team = served.get(String(params.team));
    if (!team) return undefined; // a team whose story is gone: let MSW pass it on
    const response = await getResponse(team.handlers, request);
    team.onAnswer(request);
    return response;
  }),
];

const dayMs = 86_400_000;

/** Runs the team's billing calendar forward: renewals, auto-flex billing, dunning, notices. */
function moveClock(mock: BillingMock, move: ClockMove): void {
  switch (move) {
    case 'today':
      return;
    case 'plus-day':
      mock.clock.advance({ days: 1 });
      return;
    case 'plus-week':
      mock.clock.advance({ days: 7 });
      return;
    case 'next-billing': {
      const day = mock.nextBillingDate();
      if (day) {
        mock.clock.advance({
          days: Math.round((Date.parse(day) - Date.parse(mock.clock.today())) / dayMs),
        });
      }
      return;
    }
  }
}

function heldHandler(baseUrl: string, held: HeldRequest): RequestHandler {
  const [method, path] = held.split(' ') as [string, string];
  return http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](
    `${baseUrl}/teams/:teamId${path}`,
    // Never settles: the element shows its loading state for as long as the story is open.
    () => new Promise<never>(() => {}),
  );
}

function pathUnderTeam(request: Request, team: BillingMock): string {
  const path = new URL(request.url).pathname;
  const prefix = new URL(`${team.baseUrl}/teams/${team.teamId}`).pathname;
  return `${request.method} ${path.startsWith(prefix) ? path.slice(prefix.length) : path}`;
}

/** Builds the scenario's team, moves its clock, then puts its faults and held requests in place. */
export function createStoryTeam(
  state: BillingState,
  { faults = [], hold = [] }: StoryTeamOptions = {},
): StoryTeam {
  const id = `story-${++sequence}`;
  const baseUrl = new URL(`/api/${id}/v1`, location.origin).href;
  const mock = createBillingMock({ scenario: state.scenario, baseUrl });
  moveClock(mock, state.clock);
  // Faults count requests: configured after the clock move, they hit the story's own requests.
  if (faults.length > 0) mock.faults.configure({ rules: faults });
  const counts = new Map<string, number>();
  served.set(id, {
    handlers: [...hold.map((held) => heldHandler(baseUrl, held)), ...mock.handlers],
    onAnswer: (request) => {
      const key = pathUnderTeam(request, mock);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
  });
  return {
    id,
    state,
    mock,
    baseUrl,
    teamId: mock.teamId,
    today: mock.clock.today(),
    answered: (request) => counts.get(request) ?? 0,
    dispose: () => served.delete(id),
  };
}
