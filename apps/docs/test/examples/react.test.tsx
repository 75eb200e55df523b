import { createRoot } from 'react-dom/client';
import { expect, onTestFinished, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { BillingSettings } from '../../examples/react/BillingSettings.js';
import { inShadow, startMockBackend } from './mock-backend.js';

test('React 19 renders the elements with properties, and gets their events through onbk- props', async () => {
  const { mock, getToken, requests } = await startMockBackend({ scenario: 'basic-monthly' });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  onTestFinished(() => {
    root.unmount();
    container.remove();
  });
  root.render(<BillingSettings baseUrl={mock.baseUrl} teamId={mock.teamId} getToken={getToken} />);

  await expect.poll(() => container.querySelector('bk-billing-provider')).not.toBeNull();
  const provider = container.querySelector('bk-billing-provider')!;
  // Set as properties, not stringified into attributes: a function, a number.
  expect(provider.getToken).toBe(getToken);
  expect(provider.hasAttribute('getToken')).toBe(false);
  expect(container.querySelector('bk-invoice-list')!.pageSize).toBe(10);

  const counter = container.querySelector('bk-seat-counter')!;
  await expect.poll(() => inShadow(counter, '[part~=purchased] dd')?.textContent?.trim()).toBe('5');
  await userEvent.fill(inShadow<HTMLInputElement>(counter, '[part=input]')!, '7');
  const confirm = () => inShadow<HTMLButtonElement>(counter, '[part~=confirm]');
  await expect.poll(() => confirm()?.disabled).toBe(false);
  await userEvent.click(confirm()!);

  // onbk-seats-changed ran: React state shows what the element applied.
  await expect
    .poll(() => container.querySelector('[role=status]')?.textContent)
    .toBe('You now have 7 seats.');
  expect(requests()).toContain('POST /subscription/changes');
});
