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
  // The SDK's own `generate` command (one place for its options), writing to the scratch file.
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', sdkDir), 'utf8'));
  const [command, ...args] = scripts.generate.split(' ');
  const scratchArgs = args.map((arg) => (arg === 'src/schema.ts' ? freshPath : arg));
  if (!scratchArgs.includes(freshPath)) throw new Error('generate must write src/schema.ts');
  execFileSync('pnpm', ['--filter', '@billkit/sdk', 'exec', command, ...scratchArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
