import '@billkit/elements';
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { limitSeatSpending } from '../../examples/events/spending-limit.js';
import { inShadow, mountProvider, startMockBackend } from './mock-backend.js';

async function addSeats(counter: Element, seats: string) {
  await userEvent.fill(inShadow<HTMLInputElement>(counter, '[part=input]')!, seats);
  const confirm = () => inShadow<HTMLButtonElement>(counter, '[part~=confirm]');
  await expect.poll(() => confirm()?.disabled).toBe(false);
  await userEvent.click(confirm()!);
}

test('a host vetoes a seat purchase over its limit: nothing reaches the billing API', async () => {
  const backend = await startMockBackend({ scenario: 'basic-monthly' });
  const provider = mountProvider(backend, '<bk-seat-counter></bk-seat-counter>');
  const counter = provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => inShadow(counter, '[part~=purchased] dd')?.textContent?.trim()).toBe('5');
  const refusals: string[] = [];
  const vetoed: boolean[] = [];
  limitSeatSpending(provider, 5_000, (message) => refusals.push(message));
  // A listener after the guard's sees each request as the guard left it.
  provider.addEventListener('bk-seats-change-request', (event) =>
    vetoed.push(event.defaultPrevented),
  );
  const version = backend.mock.team.version;

  await addSeats(counter, '50'); // 45 more Basic seats: far over $50.00
  await expect.poll(() => refusals).toHaveLength(1);
  expect(vetoed).toEqual([true]);
  expect(backend.requests()).not.toContain('POST /subscription/changes');
  expect(backend.mock.team.version).toBe(version); // the subscription never changed
  expect(inShadow(counter, '[part~=purchased] dd')?.textContent?.trim()).toBe('5');

  await addSeats(counter, '6'); // one seat: under the limit, applied
  await expect.poll(() => inShadow(counter, '[part~=purchased] dd')?.textContent?.trim()).toBe('6');
  expect(refusals).toHaveLength(1);
  expect(vetoed).toEqual([true, false]);
  expect(vetoed).toEqual([true, false]);
  expect(backend.requests().filter((r) => r === 'POST /subscription/changes')).toHaveLength(1);
});
