// Fails when the committed SDK types differ from what the spec generates now.
// Runs before the build (which regenerates them), so it sees the committed file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sdkDir = new URL('../packages/sdk/', import.meta.url);
const committedPath = new URL('src/schema.ts', sdkDir);
const scratch = mkdtempSync(join(tmpdir(), 'billkit-schema-'));
const freshPath = join(scratch, 'schema.ts');

try {
  execFileSync(
    'pnpm',
    [
      '--filter',
      '@billkit/sdk',
      'exec',
      'openapi-typescript',
      '../../openapi/billing.yaml',
      '--output',
      freshPath,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (readFileSync(freshPath, 'utf8') !== readFileSync(committedPath, 'utf8')) {
    console.error(
      'packages/sdk/src/schema.ts is out of date with openapi/billing.yaml.\n' +
        'Run `pnpm generate` and commit packages/sdk/src/schema.ts.',
    );
    process.exit(1);
  }
  console.log('SDK types match openapi/billing.yaml.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
