import { BillingApiError, BillingNetworkError } from '@billkit/sdk';
import { expect, test } from 'vitest';
import { IntentKey } from './intent-key.js';

const problem = (status: number, code: string) =>
  new BillingApiError({ type: 'about:blank', title: code, status, code });

test('one key per intent: kept for repeats, renewed when the intent changes', () => {
  const keys = new IntentKey();
  const first = keys.for({ seats: 7, timing: 'immediately' });
  expect(keys.for({ timing: 'immediately', seats: 7 })).toBe(first);
  const other = keys.for({ seats: 8, timing: 'immediately' });
  expect(other).not.toBe(first);
  expect(keys.for({ seats: 7, timing: 'immediately' })).not.toBe(first);
});

test('a lost answer keeps the key (a retry replays); a definitive answer ends the attempt', () => {
  const keys = new IntentKey();
  const intent = { seats: 7 };
  const key = keys.for(intent);
  keys.settle(new BillingNetworkError(new TypeError('Failed to fetch')));
  expect(keys.for(intent)).toBe(key);
  keys.settle(problem(503, 'service_unavailable'));
  expect(keys.for(intent)).toBe(key);
  keys.settle(problem(429, 'rate_limited'));
  expect(keys.for(intent)).toBe(key);

  // A declined card is an answer: trying again after fixing it is a new attempt.
  keys.settle(problem(402, 'payment_failed'));
  const afterDecline = keys.for(intent);
  expect(afterDecline).not.toBe(key);
  keys.settle();
  expect(keys.for(intent)).not.toBe(afterDecline);
});
