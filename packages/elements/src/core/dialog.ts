import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert (focus
 * stays inside) and Escape closes it; this controller adds what the platform leaves out across
 * shadow roots — focus goes back to whatever had it before opening (the button inside the
 * element's shadow root, not the element itself), however the dialog closes.
 *
 *     private dialog = new ModalController(this, () => this.renderRoot.querySelector('dialog'));
 *     this.dialog.open();   // from a click
 */
export class ModalController implements ReactiveController {
  private opener: HTMLElement | undefined;
  private readonly restore = () => {
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly dialog: () => HTMLDialogElement | null | undefined,
  ) {
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.dialog()?.open ?? false;
  }

  open(): void {
    const dialog = this.dialog();
    if (!dialog || dialog.open) return;
    this.opener = deepActiveElement();
    dialog.addEventListener('close', this.restore, { once: true });
    dialog.showModal();
  }

  close(returnValue?: string): void {
    this.dialog()?.close(returnValue);
  }

  hostDisconnected(): void {
    this.dialog()?.removeEventListener('close', this.restore);
    this.opener = undefined;
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
