// `tsc` does not read .vue files; vue-tsc (or your editor's Vue extension) checks them.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<Record<string, unknown>, Record<string, unknown>, unknown>;
  export default component;
}
