import { css } from 'lit';

export const playgroundStyles = css`
  :host {
    display: block;
    max-width: 72rem;
    margin: 0 auto;
    padding: 1.5rem;
    --accent: light-dark(#2f5bea, #8aa6ff);
    --surface: light-dark(#ffffff, #1b2027);
    --border: light-dark(#d9dde3, #323944);
  }
  h1 { margin: 0 0 0.25rem; font-size: 1.6rem; }
  h2 { font-size: 1.15rem; margin: 0 0 0.75rem; display: flex; gap: 0.5rem; align-items: center; }
  .controls, form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
  label { display: grid; gap: 0.2rem; font-size: 0.85rem; }
  select, input, button { font: inherit; padding: 0.35rem 0.6rem; border-radius: 0.4rem; border: 1px solid var(--border); background: var(--surface); color: inherit; }
  input { width: 6rem; }
  button { cursor: pointer; border-color: var(--accent); color: var(--accent); }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .clock { padding: 0.35rem 0; }
  .scenario { color: light-dark(#555d68, #a8b0bb); margin: 0.5rem 0 1rem; }
  main { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 32rem), 1fr)); }
  section { background: var(--surface); border: 1px solid var(--border); border-radius: 0.6rem; padding: 1rem 1.25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
  dt { color: light-dark(#555d68, #a8b0bb); }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
  .scroll { overflow-x: auto; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.3rem; }
  th, td { text-align: start; padding: 0.35rem 0.4rem; border-bottom: 1px solid var(--border); }
  td:nth-child(n + 3) { font-variant-numeric: tabular-nums; }
  .status { font-size: 0.75rem; padding: 0.1rem 0.5rem; border-radius: 1rem; background: light-dark(#e7f5ec, #183524); color: light-dark(#17663a, #7fdca4); }
  .status.past_due, .status.deactivated { background: light-dark(#fdecec, #3a1a1a); color: light-dark(#a61b1b, #ff9b9b); }
  .status.trialing { background: light-dark(#eef1fe, #1c2447); color: var(--accent); }
  .notices { margin: 0.75rem 0 0; padding-inline-start: 1.1rem; }
  .notices .warning { color: light-dark(#8a5a00, #f1c062); }
  .notices .critical { color: light-dark(#a61b1b, #ff9b9b); }
  .message { margin: 0 0 1rem; padding: 0.6rem 1rem; border-radius: 0.5rem; border: 1px solid var(--border); background: var(--surface); }
  .message.error { border-color: light-dark(#d33, #ff7b7b); }
  .restriction { color: light-dark(#8a5a00, #f1c062); }
  .events { padding-inline-start: 1.1rem; margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
