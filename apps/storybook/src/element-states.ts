/**
 * What each state of an element looks like in its shadow DOM (its documented parts), so a story
 * can wait until the element shows the state it is about — the story's play function, which the
 * built-story test waits for too.
 */
import type { StoryTeam } from './story-team.js';

/** The states a story shows. */
export type Expectation =
  /** the data is in: the element shows it (or, for the banner, decided there is nothing to say) */
  | 'ready'
  /** the first request never answers: the skeleton */
  | 'loading'
  /** the load failed (a mock fault on every attempt): the error with Try again */
  | 'error'
  /** as `error`, then Try again is pressed and the data comes in */
  | 'recovers'
  /** nothing to list */
  | 'empty'
  /** the element renders nothing and is `hidden` */
  | 'hidden';

export type ElementTag =
  | 'bk-seat-counter'
  | 'bk-plan-picker'
  | 'bk-usage-meter'
  | 'bk-invoice-list'
  | 'bk-auto-flex-banner'
  | 'bk-billing-notices';

function find(element: Element, selector: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** The element shows its loaded content (the parts only loaded content has). */
const showsContent: Record<ElementTag, (element: HTMLElement, team: StoryTeam) => boolean> = {
  'bk-seat-counter': (element) => !!find(element, '[part~=stats], [part~=term-credit]'),
  'bk-plan-picker': (element) => !!find(element, '[part~=plans]'),
  'bk-usage-meter': (element) => !!find(element, '[part~=resources], [part~=empty]'),
  'bk-invoice-list': (element) =>
    !!find(element, '[part~=table], [part~=empty], [part~=permission-note]'),
  // The banner renders nothing while loading, so "nothing" counts only once the overview is in.
  'bk-auto-flex-banner': (element, team) =>
    !!find(element, '[part~=base]') ||
    (element.hidden && team.answered('GET /billing/overview') > 0),
  // Likewise the notices: nothing to say renders nothing.
  'bk-billing-notices': (element, team) =>
    !!find(element, '[part~=base]') ||
    (element.hidden && team.answered('GET /billing/overview') > 0),
};

/** Why `element` is not (yet) in `state`, or null once it is. */
export function missingState(
  element: HTMLElement,
  state: Exclude<Expectation, 'recovers'>,
  team: StoryTeam,
): string | null {
  const tag = element.localName as ElementTag;
  const root = find(element, '[lang]');
  switch (state) {
    case 'ready':
      if (find(element, '[part~=error]')) return `${tag} shows an error`;
      if (find(element, '[part~=skeleton]') || !showsContent[tag](element, team))
        return `${tag} has not shown its content`;
      if (root && root.lang !== team.state.locale)
        return `${tag} is not in ${team.state.locale} yet`;
      return null;
    case 'loading':
      return find(element, '[part~=skeleton]') ? null : `${tag} shows no loading skeleton`;
    case 'error':
      return find(element, '[part~=error] [part~=retry]')
        ? null
        : `${tag} shows no error with Try again`;
    case 'empty':
      return find(element, '[part~=empty]') ? null : `${tag} shows no empty state`;
    case 'hidden':
      return element.hidden && team.answered('GET /billing/overview') > 0
        ? null
        : `${tag} is not hidden`;
  }
}

/** The Try again button of an element showing an error. */
export function retryButton(element: HTMLElement): HTMLButtonElement | null {
  return find(element, '[part~=error] [part~=retry]') as HTMLButtonElement | null;
}
