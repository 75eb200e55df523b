// Stands in for your backend in this guide's own CI: the billkit mock's Node server.
// Replace it with a function that starts your server against a test database.
import { createBillingMock } from '@billkit/mocks';
import { createNodeServer, listen } from '@billkit/mocks/node';

export async function startTestBackend() {
  let mock: ReturnType<typeof createBillingMock> | undefined;
  const server = createNodeServer((request) => mock!.handle(request));
  const origin = await listen(server, 0);
  mock = createBillingMock({ scenario: 'basic-monthly', baseUrl: `${origin}/v1` });
  return {
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    tokenFor: (role: 'admin' | 'member') => `role:${role}`, // how the mock reads tokens
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
