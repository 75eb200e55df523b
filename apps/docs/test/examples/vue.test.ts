import { expect, onTestFinished, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createApp } from 'vue';
import BillingSettings from '../../examples/vue/BillingSettings.vue';
import { inShadow, startMockBackend } from './mock-backend.js';

test('Vue 3 renders the bk- tags as custom elements, binds getToken as a property, hears their events', async () => {
  const { mock, getToken } = await startMockBackend({ scenario: 'past-due-grace' });
  mock.declineCharges(false); // the customer has updated their card
  const warn = vi.spyOn(console, 'warn');
  const container = document.createElement('div');
  document.body.append(container);
  const app = createApp(BillingSettings, { baseUrl: mock.baseUrl, teamId: mock.teamId, getToken });
  app.config.warnHandler = (message) => console.warn(message);
  app.mount(container);
  onTestFinished(() => {
    app.unmount();
    container.remove();
  });

  const provider = container.querySelector('bk-billing-provider')!;
  // isCustomElement: the browser's element, not an unresolved Vue component.
  expect(provider).toBeInstanceOf(customElements.get('bk-billing-provider')!);
  expect(provider.getToken).toBe(getToken);
  expect(provider.getAttribute('team-id')).toBe(mock.teamId);
  expect(container.querySelector('bk-invoice-list')!.pageSize).toBe(10);

  // Pay the past-due invoice: @bk-invoice-paid updates the component's state.
  const list = container.querySelector('bk-invoice-list')!;
  const pay = () => inShadow<HTMLButtonElement>(list, '[part~=pay]');
  await expect.poll(() => pay()).not.toBeNull();
  await userEvent.click(pay()!);
  await expect
    .poll(() => container.querySelector('[role=status]')?.textContent)
    .toMatch(/^Paid \S+/);
  expect(warn.mock.calls.flat().join(' ')).not.toMatch(/Failed to resolve component/);
});
