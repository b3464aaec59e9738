// One bootstrap for `npm start` and `npm test`: installs what a fresh clone
// lacks (npm packages from the lock, a Chromium for the browser tests) and
// says plainly what to do when it cannot.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.avw-lock-hash');

function run(command, args, options = {}) {
  console.log(`[bootstrap] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function ensurePackages() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('[bootstrap] npm ci failed. Check that the npm registry is reachable, then run the command again.');
    process.exit(1);
  }
  writeFileSync(stamp, hash);
}

function ensureChrome() {
  if (findChrome({ required: false })) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('[bootstrap] No Chromium found: installing Debian\'s chromium package.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env })) {
      if (findChrome({ required: false })) return;
    }
  }
  console.error(
    '[bootstrap] The browser tests need Chrome or Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  macOS: install Google Chrome\n' +
      '  Or set CHROME_PATH to a Chrome/Chromium executable.',
  );
  process.exit(1);
}

ensurePackages();
if (!process.argv.includes('--no-browser')) ensureChrome();
