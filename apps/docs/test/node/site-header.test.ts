import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { sections, siteHeader } from '../../src/site/header.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pagesIn = (folder: string) =>
  readdirSync(`${root}/${folder}`)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${folder ? `${folder}/` : ''}${file}`);

test('every page of the site has the one header, marked with its own section', () => {
  const pages = [...pagesIn(''), ...pagesIn('guides'), ...pagesIn('reference')];
  expect(pages).toEqual(expect.arrayContaining(['/index.html', '/guides/react.html']));
  for (const path of pages) {
    expect(readFileSync(`${root}${path}`, 'utf8'), path).toContain('<!-- billkit:site-header -->');
    const header = siteHeader(path).text;
    const current = [...header.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map(
      ([, href]) => href,
    );
    expect(current, path).toEqual([sections.find(({ owns }) => owns(path))!.href]);
    expect([...header.matchAll(/<nav[\s\S]*?<\/nav>/g)][0]![0].match(/<a /g)).toHaveLength(
      sections.length,
    );
  }
});
