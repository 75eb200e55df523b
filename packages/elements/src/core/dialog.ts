import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert and
 * Escape closes it; this controller adds what the platform leaves out: Tab and Shift+Tab wrap
 * around inside the dialog (instead of leaving for the browser's toolbar), and focus goes back
 * to whatever had it before opening — the button inside the element's shadow root, not the
 * element itself — however the dialog closes.
 *
 *     readonly #modal = new ModalController(this, () => this.renderRoot.querySelector('dialog'));
 *     this.#modal.open();   // from a click
 */
export class ModalController implements ReactiveController {
  #opener: HTMLElement | undefined;
  readonly #restore = () => {
    this.#dialog()?.removeEventListener('keydown', this.#wrapFocus);
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  readonly #wrapFocus = (event: KeyboardEvent) => {
    const dialog = this.#dialog();
    if (event.key !== 'Tab' || !dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(focusableSelector)].filter(
      (element) => !element.matches(':disabled') && element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  };

  readonly #dialog: () => HTMLDialogElement | null | undefined;

  constructor(host: ReactiveControllerHost, dialog: () => HTMLDialogElement | null | undefined) {
    this.#dialog = dialog;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#dialog()?.open ?? false;
  }

  open(): void {
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return;
    this.#opener = deepActiveElement();
    dialog.addEventListener('close', this.#restore, { once: true });
    dialog.addEventListener('keydown', this.#wrapFocus);
    dialog.showModal();
  }

  close(returnValue?: string): void {
    this.#dialog()?.close(returnValue);
  }

  hostDisconnected(): void {
    this.#dialog()?.removeEventListener('close', this.#restore);
    this.#opener = undefined;
  }
}

const focusableSelector =
  'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
