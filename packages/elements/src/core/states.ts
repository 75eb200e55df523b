import { html, nothing, type TemplateResult } from 'lit';
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
