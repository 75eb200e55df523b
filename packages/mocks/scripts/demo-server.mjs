// Starts the mock billing API as a plain Node HTTP server (CORS on) for demos and
// for trying the API with curl. PORT (default 4010) and SCENARIO (default
// professional-annual-autoflex) come from the environment. Run after a build.
import { createBillingMock, scenarios } from '../dist/index.js';
import { createNodeServer, listen } from '../dist/node.js';

const port = Number(process.env.PORT ?? 4010);
const scenario = process.env.SCENARIO ?? 'professional-annual-autoflex';
if (!(scenario in scenarios)) {
  console.error(`Unknown SCENARIO "${scenario}". Known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(1);
}

const origin = `http://127.0.0.1:${port}`;
const mock = createBillingMock({ scenario, baseUrl: `${origin}/v1` });
const server = createNodeServer(mock.handle, { cors: true });
await listen(server, port);

const team = `${mock.baseUrl}/teams/${mock.teamId}`;
console.log(`billkit mock billing API on ${mock.baseUrl}
scenario: ${scenario} — ${scenarios[scenario].description}
team: ${mock.teamId}; today on the test clock: ${mock.clock.today()}

Tokens pick the viewer: role:admin, role:billing, role:member, role:visitor (or member:<memberId>).

  curl -H 'Authorization: Bearer role:admin' ${team}/billing/overview
  curl -H 'Authorization: Bearer role:billing' '${team}/invoices?limit=5'
  curl -H 'Authorization: Bearer role:member' ${team}/invoices            # 403: members see plan and usage only
  curl -H 'Authorization: Bearer role:admin' -o invoice.pdf ${team}/invoices/<invoiceId>/pdf
  curl -X POST -H 'Authorization: Bearer role:admin' -H 'Content-Type: application/json' \\
       -d '{"seats": 14, "timing": "immediately"}' ${team}/subscription/preview

Mock-only control endpoints (not part of the API contract; bodies are JSON, like the API's):

  json='Content-Type: application/json'
  curl ${mock.baseUrl}/__mock/clock                                            # now and today
  curl -X POST -H "$json" -d '{"days": 30}' ${mock.baseUrl}/__mock/clock         # let 30 days pass
  curl -X POST -H "$json" -d '{"to": "2026-09-01"}' ${mock.baseUrl}/__mock/clock # or jump to a day
  curl -X POST -H "$json" -d '{"role": "member", "name": "Joan Clarke"}' ${mock.baseUrl}/__mock/teams/${mock.teamId}/members
  curl -X POST -H "$json" -d '{"scenario": "past-due-grace", "teamId": "team_late"}' ${mock.baseUrl}/__mock/teams   # a second team
  curl -X PUT -H "$json" -d '{"rules": [{"kind": "unavailable", "rate": 0.2}]}' ${mock.baseUrl}/__mock/faults

Ctrl+C stops the server.`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
