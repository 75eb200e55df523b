/**
 * The guides show their examples from the files CI runs (examples/): each
 * `<pre data-example="sdk-node/seats.ts">` gets that file's text at build time (Vite `?raw`),
 * so the code on the page is the code that is tested. A missing file fails loudly.
 */
const sources = import.meta.glob<string>('../../examples/**/*.{ts,sh,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function exampleSource(name: string): string {
  const source = sources[`../../examples/${name}`];
  if (source === undefined)
    throw new Error(`The guide names an example that does not exist: ${name}`);
  return source;
}

/** Fills every `pre[data-example]` under `root` with its file, captioned with the file's path. */
export function showExamples(root: ParentNode = document): void {
  for (const pre of root.querySelectorAll<HTMLPreElement>('pre[data-example]')) {
    const name = pre.dataset.example ?? '';
    const code = document.createElement('code');
    code.textContent = exampleSource(name).trimEnd();
    pre.replaceChildren(code);
    pre.tabIndex = 0; // scrollable: reachable by keyboard
    const figure = document.createElement('figure');
    figure.className = 'example';
    const caption = document.createElement('figcaption');
    caption.textContent = `apps/docs/examples/${name}`;
    pre.replaceWith(figure);
    figure.append(caption, pre);
  }
}
