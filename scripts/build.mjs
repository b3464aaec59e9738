// `npm run build`: the package (dist/), its type declarations and the themes.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function step(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync('dist', { recursive: true, force: true });
step('npx', ['--no-install', 'rollup', '-c', 'rollup.config.mjs', '--silent']);
step('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json']);
step('node', ['scripts/build-themes.mjs']);
