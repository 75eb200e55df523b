// custom-elements.json (written by the build) is what the docs' reference pages and Storybook
// show hosts: every public description in it must be whole. The analyzer reads a comment line
// that starts with `@` as a JSDoc tag and drops the rest of the description from there.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';

interface Described {
  name?: string;
  description?: string;
  privacy?: string;
}

it('keeps every public description of every element whole, ending its sentence', async () => {
  const manifest = JSON.parse(
    await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
  ) as { modules: { declarations?: (Described & Record<string, unknown>)[] }[] };
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement);
  expect(elements.length).toBeGreaterThan(0);
  const cut: string[] = [];
  for (const element of elements) {
    const described: Described[] = [
      element,
      ...['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'].flatMap((kind) =>
        ((element[kind] as Described[] | undefined) ?? []).filter((item) => !item.privacy),
      ),
    ];
    for (const { name, description } of described) {
      const text = description?.trim();
      if (text && !/[.!?)`"]$/.test(text))
        cut.push(`${element.tagName} ${name}: …${text.slice(-30)}`);
    }
  }
  expect(cut).toEqual([]);
});
