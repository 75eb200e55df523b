/**
 * `billkit-contract`: runs the contract suite from a shell or a CI job and exits 1 when a check
 * fails. The token is read from `--token` or, better in CI logs, `BILLKIT_CONTRACT_TOKEN`.
 */
import { parseArgs } from 'node:util';
import { formatContractReport, runContractSuite } from './suite.js';

export const usage = `Usage: billkit-contract --base-url <url> --team <teamId> [--token <token>] [options]

Checks a server implementing the billkit billing API (openapi/billing.yaml) over HTTP.

  --base-url <url>       the API's base URL, e.g. https://billing.example.com/v1
  --team <teamId>        a team the token manages billing for
  --token <token>        an admin or billing viewer's bearer token
                         (default: $BILLKIT_CONTRACT_TOKEN)
  --member-token <token> a member's token: billing-only reads must be 403
                         (default: $BILLKIT_CONTRACT_MEMBER_TOKEN)
  --mutations            also run the checks that change the team's data (use a test team)
  --only <text>          only the checks whose name contains <text> (repeatable)
  --timeout <ms>         per request (default 10000)
  --json                 print the report as JSON
  --help                 this text`;

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI with `argv` (without node and the script) and resolves with the exit code. */
export async function runContractCli(
  argv: string[],
  output: CliOutput = {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  },
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    output.stdout(usage);
    return 0;
  }
  const token = values.token ?? env.BILLKIT_CONTRACT_TOKEN;
  const memberToken = values['member-token'] ?? env.BILLKIT_CONTRACT_MEMBER_TOKEN;
  const missing = [
    values['base-url'] ? null : '--base-url',
    values.team ? null : '--team',
    token ? null : '--token (or BILLKIT_CONTRACT_TOKEN)',
  ].filter((name) => name !== null);
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (missing.length > 0 || !(timeoutMs > 0)) {
    output.stderr(
      `${missing.length > 0 ? `Missing ${missing.join(', ')}` : '--timeout must be a positive number of milliseconds'}\n\n${usage}`,
    );
    return 2;
  }
  const report = await runContractSuite({
    baseUrl: values['base-url'] as string,
    teamId: values.team as string,
    token: token as string,
    ...(memberToken ? { memberToken } : {}),
    mutations: values.mutations === true,
    ...(values.only ? { only: values.only } : {}),
    timeoutMs,
  });
  output.stdout(values.json ? JSON.stringify(report, null, 2) : formatContractReport(report));
  return report.ok ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      team: { type: 'string' },
      token: { type: 'string' },
      'member-token': { type: 'string' },
      mutations: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
