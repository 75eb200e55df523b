import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.js';
import { codeTexts } from '../i18n/locale.js';
import { commonText, quoteText } from '../i18n/messages.js';
import { quoteLines } from './quote.js';
import { errorView, skeleton } from './states.js';

/**
 * What an on-demand view renders with, handed to it by its element: a view module imports
 * types only. Were it to import Lit or the foundation itself, a bundler would move everything
 * the element and the view share into chunks of their own, and those separately gzipped
 * chunks cost more (~1 kB measured for the plan picker's review) than the view saves.
 */
export const viewKit = {
  html,
  nothing,
  errorView,
  skeleton,
  quoteLines,
  formatDate,
  formatMoney,
  formatNumber,
  codeTexts,
  commonText,
  quoteText,
};
export type ViewKit = typeof viewKit;

/**
 * A view that only appears after a user action — a review dialog, a purchase panel — whose
 * template lives in a module of its own, imported when the user acts rather than with the
 * element: the action starts its API request and `load()` together, and the element renders
 * the view once both are in. Until the module is in, `render` shows the element's own
 * placeholder (the skeleton it shows while the request runs anyway); if the module cannot be
 * fetched, the standard error view with a retry that fetches it again.
 */
export class LazyView<Module> {
  private module: Module | undefined;
  private failure: unknown;
  private loading: Promise<Module | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<Module>,
  ) {}

  /** Starts fetching the module (once); resolves with it, or undefined if it failed. */
  load(): Promise<Module | undefined> {
    if (this.module) return Promise.resolve(this.module);
    this.loading ??= this.importer().then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        // A chunk that did not arrive is a network failure to the user; asked again on retry.
        this.failure = { kind: 'network', cause: error };
        this.loading = undefined;
        this.host.requestUpdate();
        return undefined;
      },
    );
    return this.loading;
  }

  /**
   * `view(module)` once the module is in; meanwhile `waiting()`, and `waiting(error)` with the
   * error view (retry fetches it again) if it could not be fetched.
   */
  render<View>(view: (module: Module) => View, waiting: (error?: TemplateResult) => View): View {
    if (this.module) return view(this.module);
    if (this.failure !== undefined && !this.loading) return waiting(this.errorView());
    void this.load();
    return waiting();
  }

  private errorView(): TemplateResult {
    return errorView(this.failure, () => {
      this.failure = undefined;
      void this.load();
      this.host.requestUpdate();
    });
  }
}
