import type { BillingMock } from '@billkit/mocks';

export function bundle(entry: string, name?: string): Promise<Map<string, string>>;

export function servePages(options: {
  files: Map<string, string>;
  csp?: string;
  scenario?: string | object;
  mockOptions?: object;
}): Promise<{ url: string; mock: BillingMock | undefined; close: () => Promise<void> }>;
