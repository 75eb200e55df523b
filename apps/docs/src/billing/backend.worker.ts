/**
 * The billing page's mock backend, in a worker of its own. It stands in for a billing server:
 * the mock validates every request against the contract with Ajv, which compiles its
 * validators with `new Function`. Here that runs outside the page, so the page itself (the host
 * and the elements) keeps a strict `script-src 'self'` policy without `unsafe-eval`.
 */
import './worker-env.js';
import { type BillingMock, createBillingMock } from '@billkit/mocks';
import type {
  BackendCall,
  BackendReply,
  CreatedTeam,
  SerializedResponse,
} from './backend-protocol.js';

const dayMs = 86_400_000;
let mock: BillingMock | undefined;

function current(): BillingMock {
  if (!mock) throw new Error('No mock team yet');
  return mock;
}

/** Whether the team's default payment method declines charges (null: it has none). */
function declinesCharges(team: BillingMock): boolean | null {
  const method = team.team.paymentMethods.find((candidate) => candidate.isDefault);
  return method ? team.team.decliningMethodIds.has(method.id) : null;
}

async function run(call: BackendCall): Promise<unknown> {
  switch (call.kind) {
    case 'create': {
      mock = createBillingMock({
        scenario: call.scenario,
        ...(call.policy ? { policy: call.policy } : {}),
        baseUrl: call.baseUrl,
      });
      return {
        baseUrl: mock.baseUrl,
        teamId: mock.teamId,
        startDay: mock.clock.today(),
        declinesCharges: declinesCharges(mock),
      } satisfies CreatedTeam;
    }
    case 'fetch': {
      const response = await current().handle(
        new Request(call.url, { method: call.method, headers: call.headers, body: call.body }),
      );
      if (response.type === 'error') {
        return { dropped: true, status: 0, statusText: '', headers: [], body: null };
      }
      return {
        dropped: false,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body: response.body ? await response.arrayBuffer() : null,
      } satisfies SerializedResponse;
    }
    case 'moveTo': {
      const clock = current().clock;
      const days = Math.round((Date.parse(call.day) - Date.parse(clock.today())) / dayMs);
      if (days > 0) clock.advance({ days });
      return clock.today();
    }
    case 'nextBillingDate':
      return current().nextBillingDate();
    case 'declineCharges': {
      const team = current();
      team.declineCharges(call.decline);
      return declinesCharges(team);
    }
  }
}

self.addEventListener('message', async (event: MessageEvent<{ id: number; call: BackendCall }>) => {
  const { id, call } = event.data;
  let reply: BackendReply;
  try {
    reply = { id, ok: true, value: await run(call) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply = { id, ok: false, error: { name, message } };
  }
  const body = reply.ok && (reply.value as SerializedResponse | null)?.body;
  self.postMessage(reply, { transfer: body instanceof ArrayBuffer ? [body] : [] });
});
