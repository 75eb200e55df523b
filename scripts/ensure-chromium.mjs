// Makes sure browser tests have a Chromium: finds one, or installs Debian's
// `chromium` when running as root with apt, or stops with what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const found = findChromium();
if (found) {
  console.log(`Chromium for browser tests: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found; installing Debian package `chromium` with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  const installed = findChromium();
  if (installed) {
    console.log(`Chromium for browser tests: ${installed}`);
    process.exit(0);
  }
}

console.error(
  [
    'Browser tests need Chromium and none was found.',
    'Install one of:',
    '  - Debian/Ubuntu: sudo apt-get install -y chromium',
    '  - any Chromium or Chrome, then export CHROMIUM_PATH=/path/to/chromium',
    '  - playwright’s build: npx playwright install chromium',
  ].join('\n'),
);
process.exit(1);
