import '@billkit/elements';
import { tokenFor } from '@billkit/mocks';
import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { action } from 'storybook/actions';
import {
  clockMoves,
  fromStory,
  locales,
  resolveState,
  roles,
  scenarioNames,
  themes,
} from '../src/billing-state.js';
import { brandTokens } from '../src/brand-theme.js';
import type { BillkitParameters } from '../src/element-stories.js';
import { allEventNames, manifest } from '../src/manifest.js';
import { createStoryTeam, type StoryTeam, storyTeamHandlers } from '../src/story-team.js';

setCustomElementsManifest(manifest);

/** The first item of each toolbar menu: leave the setting to the story (its title names the menu). */
const storyDefault = (menu: string) => ({ value: fromStory, title: `${menu}: the story's` });

const preview: Preview = {
  tags: ['autodocs'],
  // The toolbar: each setting overrides every story's own until set back to "The story's".
  globalTypes: {
    scenario: {
      description: "The mock team's scenario",
      toolbar: {
        title: 'Scenario',
        icon: 'database',
        items: [
          storyDefault('Scenario'),
          ...scenarioNames.map((name) => ({ value: name, title: name })),
        ],
        dynamicTitle: true,
      },
    },
    clock: {
      description: 'The test clock: moves the team through its billing calendar before rendering',
      toolbar: {
        title: 'Test clock',
        icon: 'time',
        items: [storyDefault('Test clock'), ...clockMoves],
        dynamicTitle: true,
      },
    },
    role: {
      description: "The viewer's role",
      toolbar: {
        title: 'Role',
        icon: 'user',
        items: [storyDefault('Role'), ...roles.map((role) => ({ value: role, title: role }))],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [storyDefault('Locale'), ...locales],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [storyDefault('Theme'), ...themes],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    scenario: fromStory,
    clock: fromStory,
    role: fromStory,
    locale: fromStory,
    theme: fromStory,
  },
  loaders: [
    // MSW's service worker with one initial handler routing each story's requests to its team.
    mswLoader(async () => {
      const worker = setupWorker(...storyTeamHandlers);
      await worker.start({
        quiet: true,
        onUnhandledRequest: 'bypass',
        serviceWorker: { url: './mockServiceWorker.js' },
      });
      return worker;
    }),
    // A fresh mock team for every render: the story's (or the toolbar's) scenario and clock.
    ({ args, globals, parameters }) => {
      const { faults, hold } = (parameters.billkit ?? {}) as Partial<BillkitParameters>;
      const team = createStoryTeam(resolveState(args, globals), { faults, hold });
      return { team };
    },
  ],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.team as StoryTeam).dispose(),
  decorators: [
    (story, { loaded, viewMode }) => {
      const team = loaded.team as StoryTeam;
      const { role, locale, theme } = team.state;
      const canvas = {
        colorScheme: theme === 'dark' ? 'dark' : 'light',
        background: 'light-dark(#f6f7f9, #0f1115)',
        padding: '24px',
        minBlockSize: viewMode === 'story' ? '100vh' : 'auto',
        boxSizing: 'border-box',
        ...(theme === 'brand'
          ? { ...brandTokens, background: 'var(--bk-color-surface-subtle)' }
          : {}),
      };
      // Every bk-* event of every element, in the Actions panel.
      const logEvents = (node?: Element) => {
        for (const name of allEventNames) node?.addEventListener(name, action(name));
      };
      // keyed: a new team gets a new provider (and store), never a reused one.
      return html`${keyed(
        team.id,
        html`<div data-theme=${theme} style=${styleMap(canvas)} ${ref(logEvents)}>
          <bk-billing-provider
            .baseUrl=${team.baseUrl}
            .teamId=${team.teamId}
            .getToken=${() => tokenFor(role)}
            locale=${locale}
            theme=${theme === 'dark' ? 'dark' : 'light'}
          >${story()}</bk-billing-provider>
        </div>`,
      )}`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    // No `msw` handlers here: the router to the story teams is the worker's initial handler (it
    // survives the addon's reset between stories, also when a docs page renders several at once);
    // a story's `parameters.msw.handlers` still come before it.
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
    docs: { codePanel: true },
  },
};

export default preview;
