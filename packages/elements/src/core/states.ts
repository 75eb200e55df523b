import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { commonText } from '../i18n/messages.js';
import { describeError } from './errors.js';

/**
 * Loading placeholder: grey bones where content will be, announced once as `label` to screen
 * readers. Styled by `tokens` (`part="skeleton"`); shimmer stops under reduced motion.
 */
export function skeleton(label: string, bones = 3): TemplateResult {
  return html`<div part="skeleton" role="status">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: bones }, () => html`<span class="bone" aria-hidden="true"></span>`)}
  </div>`;
}

/**
 * An error: what went wrong (localized from the problem code) and, when given, a retry
 * button. `role="alert"` announces it when it appears; render it only while it is true.
 */
export function errorView(error: unknown, retry?: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p part="error-message">${describeError(error).message}</p>
    ${
      retry
        ? html`<button part="retry" class="button" type="button" @click=${retry}>
          ${commonText.retry()}
        </button>`
        : nothing
    }
  </div>`;
}

/**
 * What an element shows until the data it loads is in: once it has a `locale` to speak in, the
 * error of a load that failed, with a retry of every load that failed; meanwhile the skeleton.
 */
export function loadingView(
  locale: Locale | undefined,
  loads: readonly { readonly status: TaskStatus; readonly error: unknown; run(): unknown }[],
  bones = 4,
): TemplateResult {
  const failed = loads.filter((load) => load.status === TaskStatus.ERROR);
  return locale && failed[0]
    ? errorView(failed[0].error, () => {
        for (const load of failed) load.run();
      })
    : skeleton(commonText.loading(), bones);
}
