/** Messages between the billing page and its mock backend worker (one request, one reply). */
import type { ScenarioName } from '@billkit/mocks';
import type { PolicyName } from './settings.js';

export type BackendCall =
  | { kind: 'create'; scenario: ScenarioName; policy: PolicyName | null; baseUrl: string }
  | {
      kind: 'fetch';
      url: string;
      method: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
    }
  | { kind: 'moveTo'; day: string }
  | { kind: 'nextBillingDate' }
  | { kind: 'declineCharges'; decline: boolean };

export interface CreatedTeam {
  baseUrl: string;
  teamId: string;
  startDay: string;
  /** Whether the default payment method declines charges; null when the team has none. */
  declinesCharges: boolean | null;
}

export interface SerializedResponse {
  /** The mock dropped the connection (a fault): the page's fetch fails as a real one would. */
  dropped: boolean;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export type BackendReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
