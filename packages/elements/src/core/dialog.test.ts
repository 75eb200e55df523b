import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ModalController } from './dialog.js';

/** A host the way the plan picker uses the controller: a button opening a review dialog. */
@customElement('test-modal-host')
class TestModalHost extends LitElement {
  readonly modal = new ModalController(this, () => this.renderRoot.querySelector('dialog'));
  override render() {
    return html`<button id="open" @click=${() => this.modal.open()}>Review</button>
      <dialog aria-label="Review">
        <button id="first">First</button>
        <button id="close" @click=${() => this.modal.close('done')}>Close</button>
      </dialog>`;
  }
}

async function mountHost() {
  const outside = document.createElement('button');
  outside.textContent = 'Outside';
  const host = document.createElement('test-modal-host') as TestModalHost;
  document.body.append(outside, host);
  await host.updateComplete;
  const get = (id: string) => host.shadowRoot!.getElementById(id) as HTMLButtonElement;
  return {
    host,
    outside,
    get,
    cleanup: () => {
      host.remove();
      outside.remove();
    },
  };
}

test('the dialog keeps focus inside and gives it back to the opener when closed', async () => {
  const { host, outside, get, cleanup } = await mountHost();
  try {
    await userEvent.click(get('open'));
    expect(host.modal.isOpen).toBe(true);
    expect(host.shadowRoot!.activeElement).toBe(get('first'));
    // The rest of the page is inert while it is open: it cannot take focus.
    outside.focus();
    expect(document.activeElement).toBe(host);
    // Tab and Shift+Tab wrap around inside the dialog.
    const visited: unknown[] = [];
    for (const key of ['{Tab}', '{Tab}', '{Shift>}{Tab}{/Shift}']) {
      await userEvent.keyboard(key);
      visited.push(host.shadowRoot!.activeElement?.id);
    }
    expect(visited).toEqual(['close', 'first', 'close']);

    await userEvent.click(get('close'));
    expect(host.modal.isOpen).toBe(false);
    expect(host.shadowRoot!.activeElement).toBe(get('open'));

    await userEvent.click(get('open'));
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => host.modal.isOpen).toBe(false);
    expect(host.shadowRoot!.activeElement).toBe(get('open'));
  } finally {
    cleanup();
  }
});
