// custom-elements.json is generated and committed: fail when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const committed = readFileSync('custom-elements.json', 'utf8');
const run = spawnSync('npm', ['run', '-s', 'analyze'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
const fresh = readFileSync('custom-elements.json', 'utf8');
if (fresh !== committed) {
  // Leave the committed file as it was; the developer regenerates on purpose.
  writeFileSync('custom-elements.json', committed);
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
