// custom-elements.json and the files generated from it (React wrappers, JSX
// and Vue types, defineAll) are committed: fail when any of them is stale.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { OUTPUTS } from './gen-framework.mjs';

const files = ['custom-elements.json', ...Object.keys(OUTPUTS)];
const committed = new Map(files.map((f) => [f, existsSync(f) ? readFileSync(f, 'utf8') : null]));
// `analyze` regenerates custom-elements.json and then everything generated from it.
const run = spawnSync('npm', ['run', '-s', 'analyze'], { stdio: 'inherit' });
const stale = [];
for (const [file, before] of committed) {
  const fresh = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (fresh === before) continue;
  stale.push(file);
  // Leave the committed files as they were; the developer regenerates on purpose.
  if (before === null) rmSync(file, { force: true });
  else writeFileSync(file, before);
}
if (run.status !== 0) process.exit(run.status ?? 1);
if (stale.length) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run analyze\` and commit the result.`);
  process.exit(1);
}
console.log(`Up to date: ${files.join(', ')}.`);
