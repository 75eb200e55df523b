// In your own test suite (Vitest here): the same checks, with the report as the failure message.
import { formatContractReport, runContractSuite } from '@billkit/mocks/contract';
import { expect, test } from 'vitest';
import { startTestBackend } from './test-backend.js'; // yours: your server on a test team

test('our billing API keeps the billkit contract', async () => {
  const backend = await startTestBackend();
  try {
    const report = await runContractSuite({
      baseUrl: backend.baseUrl,
      teamId: backend.teamId,
      token: backend.tokenFor('admin'),
      memberToken: backend.tokenFor('member'),
      mutations: true,
    });
    expect(report.ok, formatContractReport(report)).toBe(true);
  } finally {
    await backend.close();
  }
}, 60_000);
