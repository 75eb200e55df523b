// custom-elements.json lists an element's events from its @fires JSDoc only
// (scripts/documented-events.mjs): the analyzer on its own also names an event after the
// argument of an event class's constructor, `new PaidEvent(paid)` → `paid`.
import * as analyzer from '@custom-elements-manifest/analyzer';
import type { SourceFile } from 'typescript';
import { describe, expect, it } from 'vitest';
import { documentedEventsPlugin } from '../../scripts/documented-events.mjs';

const element = (fires: string) => `
export class PaidEvent extends Event {
  constructor(readonly detail: unknown) { super('bk-paid'); }
}
/**
 * ${fires}
 */
export class BkSample extends HTMLElement {
  pay(paid: unknown) {
    this.dispatchEvent(new PaidEvent(paid));
  }
}
customElements.define('bk-sample', BkSample);
`;

// `create` and the analyzer's own TypeScript are exported at runtime, not in its types. The
// source is parsed with that TypeScript: node kinds differ between versions.
const { create, ts } = analyzer as unknown as {
  create(options: { modules: SourceFile[]; plugins?: analyzer.Plugin[] }): unknown;
  ts: typeof import('typescript');
};

function eventsOf(source: string, plugins = [documentedEventsPlugin()]): string[] {
  const module = ts.createSourceFile('src/sample.ts', source, ts.ScriptTarget.ES2022, true);
  const manifest = create({ modules: [module], plugins }) as {
    modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
  };
  const declaration = manifest.modules[0]?.declarations?.find(
    (candidate) => candidate.tagName === 'bk-sample',
  );
  return declaration?.events?.map(({ name }) => name) ?? [];
}

describe('the manifest’s events', () => {
  it('are the documented @fires, not the variable passed to an event’s constructor', () => {
    const source = element('@fires {PaidEvent} bk-paid - Once it is paid.');
    expect(eventsOf(source, [])).toContain('paid'); // the analyzer alone
    expect(eventsOf(source)).toEqual(['bk-paid']);
  });

  it('keep every documented event, in order, and fail the build on one without the bk- prefix', () => {
    expect(
      eventsOf(
        element('@fires {PaidEvent} bk-paid - Paid.\n * @fires {Event} bk-other - Another.'),
      ),
    ).toEqual(['bk-paid', 'bk-other']);
    expect(() => eventsOf(element('@fires {PaidEvent} paid - Once it is paid.'))).toThrow(
      /without the bk- prefix: paid/,
    );
  });
});
