// Copies the bundled OpenAPI document (built by @billkit/openapi, a private
// devDependency) into src/generated/ so the published package carries the exact
// contract its validator checks requests against.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(packageDir, 'src', 'generated', 'billing.json');

let source;
try {
  source = require.resolve('@billkit/openapi/billing.json');
} catch {
  console.error(
    'copy-spec: openapi/dist/billing.json is missing; run `pnpm --filter @billkit/openapi build` first',
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copy-spec: ${source} -> ${target}`);
