import type { Options } from '@vitejs/plugin-vue';

/**
 * `@vitejs/plugin-vue` options for billkit: Vue's template compiler must leave `bk-` tags to
 * the browser (custom elements), or it warns and tries to resolve them as Vue components.
 * In vite.config.ts: `plugins: [vue(billkitVueOptions)]`.
 */
export const billkitVueOptions: Options = {
  template: {
    compilerOptions: {
      isCustomElement: (tag) => tag.startsWith('bk-'),
    },
  },
};
