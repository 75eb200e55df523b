/**
 * The story factory: one per element file. A story is data — the billing state it starts in
 * (scenario, role, locale, theme, test clock), the state the element must reach (loaded, loading,
 * error, empty, hidden) and the mock's faults or held requests that produce it. The preview's
 * loader builds a fresh mock team from it and the decorator wraps the story in a
 * `bk-billing-provider` on that team.
 */
import type { FaultRule } from '@billkit/mocks';
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import {
  type BillingState,
  billingStateKeys,
  clockMoves,
  defaultState,
  locales,
  roles,
  scenarioNames,
  themes,
} from './billing-state.js';
import { type ElementTag, type Expectation, missingState, retryButton } from './element-states.js';
import { manifestArgTypes } from './manifest.js';
import type { HeldRequest, StoryTeam, StoryTeamOptions } from './story-team.js';

export type Args = Partial<BillingState> & Record<string, unknown>;
export type Story = StoryObj<Args>;

/** What an element must show for the story to be what it says (per element on a page of several). */
export type Expected = Expectation | Partial<Record<ElementTag, Expectation | 'any'>>;

export interface StorySpec extends Partial<BillingState> {
  expect?: Expected;
  /** Mock faults (after the clock moved): `server_error` on every attempt shows the error state. */
  faults?: FaultRule[];
  /** Requests never answered: the loading state, for as long as the story is viewed. */
  hold?: HeldRequest[];
  /** The element's attributes (controls of their own in the Controls panel). */
  attributes?: Record<string, unknown>;
  /** Shown under the story in the docs page. */
  description?: string;
  /**
   * Whether the docs page renders it beside the others. Not for another locale: the locale is
   * page-wide (`@lit/localize`), so one Japanese story would turn the whole docs page Japanese.
   */
  inDocs?: boolean;
}

/** The billkit parameters the preview's loader reads. */
export interface BillkitParameters extends StoryTeamOptions {
  expect: Expected;
}

export interface ElementStoriesOptions {
  /** The elements a story shows, as they appear in it (checked in this order). */
  shows: ElementTag[];
  render: (args: Args) => TemplateResult;
  /** The billing state of the stories that do not say otherwise. */
  defaults?: Partial<BillingState>;
  /** The request the element loads its data with, and its operation: the loading and error stories. */
  loads: { request: HeldRequest; operationId: string };
  argTypes?: ArgTypes<Args>;
  /** Options of attribute controls whose types the manifest cannot spell out. */
  attributeOptions?: Record<string, string[]>;
}

const category = 'billing state (mock)';
const select = (options: readonly string[], description: string) => ({
  control: { type: 'select' as const },
  options,
  description,
  table: { category },
});

/** The billing-state args every story has (the toolbar overrides them). */
export const billingStateArgTypes: ArgTypes<Args> = {
  scenario: select(scenarioNames, "The mock team's scenario (@billkit/mocks)"),
  role: select(roles, "The viewer's role (the token `role:<role>`)"),
  locale: select(
    locales.map((l) => l.value),
    'The provider’s locale',
  ),
  theme: select(
    themes.map((t) => t.value),
    'Light, dark, or the brand theme (only `--bk-*` tokens)',
  ),
  clock: select(
    clockMoves.map((c) => c.value),
    'Moves the test clock before the story renders',
  ),
};

function shownElements(canvas: HTMLElement, tags: ElementTag[]): Map<ElementTag, HTMLElement> {
  const found = new Map<ElementTag, HTMLElement>();
  for (const tag of tags) {
    const element = canvas.querySelector<HTMLElement>(tag);
    if (!element) throw new Error(`The story renders no ${tag}`);
    found.set(tag, element);
  }
  return found;
}

function expectationFor(expected: Expected, tag: ElementTag): Expectation | 'any' {
  return typeof expected === 'string' ? expected : (expected[tag] ?? 'ready');
}

/** Waits until every shown element is in its expected state (the error ones are retried for `recovers`). */
async function reachExpectedState(
  canvas: HTMLElement,
  team: StoryTeam,
  tags: ElementTag[],
  expected: Expected,
): Promise<void> {
  const elements = shownElements(canvas, tags);
  const check = (phase: 'before-retry' | 'final') => {
    const missing: string[] = [];
    for (const [tag, element] of elements) {
      const wanted = expectationFor(expected, tag);
      if (wanted === 'any') continue;
      const state = wanted === 'recovers' ? (phase === 'final' ? 'ready' : 'error') : wanted;
      const why = missingState(element, state, team);
      if (why) missing.push(why);
    }
    if (missing.length > 0) throw new Error(missing.join('; '));
  };
  const recovering = [...elements].filter(([tag]) => expectationFor(expected, tag) === 'recovers');
  if (recovering.length > 0) {
    await waitFor(() => check('before-retry'), { timeout: 20_000 });
    for (const [, element] of recovering) retryButton(element)?.click();
  }
  await waitFor(() => check('final'), { timeout: 20_000 });
}

/** The stories of one element (or of the page composing them): its meta and a story factory. */
export function elementStories(tagName: string, options: ElementStoriesOptions) {
  const meta = {
    component: tagName,
    render: options.render,
    args: { ...defaultState, ...options.defaults },
    argTypes: {
      ...manifestArgTypes(tagName, options.attributeOptions),
      ...billingStateArgTypes,
      ...options.argTypes,
    },
  } satisfies Meta<Args>;

  /** One story: its billing state, the state the element reaches, and how. */
  function story(spec: StorySpec = {}): Story {
    const { expect = 'ready', faults, hold, attributes, description, inDocs = true } = spec;
    const state = Object.fromEntries(
      billingStateKeys.filter((key) => spec[key] !== undefined).map((key) => [key, spec[key]]),
    );
    const billkit: BillkitParameters = {
      expect,
      ...(faults ? { faults } : {}),
      ...(hold ? { hold } : {}),
    };
    return {
      args: { ...state, ...attributes },
      parameters: {
        billkit,
        docs: {
          ...(inDocs ? {} : { disable: true }),
          ...(description ? { description: { story: description } } : {}),
        },
      },
      play: async ({ canvasElement, loaded }) => {
        await reachExpectedState(canvasElement, loaded.team as StoryTeam, options.shows, expect);
      },
    };
  }

  const { request, operationId } = options.loads;
  /** The element's first request never answers. */
  const loading = (spec: StorySpec = {}) =>
    story({
      expect: 'loading',
      hold: [request],
      description: `\`${request}\` never answers: the skeleton, announced once to screen readers.`,
      ...spec,
    });
  /** Every attempt of the element's first load fails (the SDK retries twice). */
  const failing = (expect: 'error' | 'recovers', spec: StorySpec = {}) =>
    story({
      expect,
      faults: [{ kind: 'server_error', operationId, onRequests: [1, 2, 3] }],
      description:
        expect === 'error'
          ? `\`${operationId}\` fails (a 500 from the mock's faults, three times: the SDK's retries too): the error and Try again.`
          : `As Load Error, then Try again is pressed: the fourth attempt succeeds and the data shows.`,
      ...spec,
    });

  return {
    meta,
    story,
    loading,
    error: (spec?: StorySpec) => failing('error', spec),
    recovers: (spec?: StorySpec) => failing('recovers', spec),
  };
}
