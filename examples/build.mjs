// Builds the example hosts with esbuild, the way a host's bundler would see
// the package: `av-workbench/...` resolves through package.json "exports" to
// dist/ (run `npm run build` first).
//
//   node examples/build.mjs            every example
//   node examples/build.mjs react vue  only these
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const EXAMPLES = {
  // The automatic JSX runtime: no `import React` in every file.
  react: { entry: 'main.tsx', options: { jsx: 'automatic' } },
  // Vue's runtime-only build (its package "module" entry), with the
  // compile-time flags its bundler builds expect.
  vue: {
    entry: 'main.ts',
    options: {
      define: {
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    },
  },
};

export async function buildExample(name) {
  const example = EXAMPLES[name];
  if (!example) throw new Error(`No example named ${name}; there are ${Object.keys(EXAMPLES).join(', ')}.`);
  if (!existsSync(join(here, '..', 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const dir = join(here, name);
  await build({
    entryPoints: [join(dir, example.entry)],
    outdir: join(dir, 'dist'),
    entryNames: 'main',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: ['production'],
    logLevel: 'warning',
    // dist/ chunks re-import their shared chunks bare for load order; the
    // package marks those side-effect free, so esbuild's notice is noise here.
    logOverride: { 'ignored-bare-import': 'silent' },
    ...example.options,
    define: { 'process.env.NODE_ENV': '"production"', ...example.options.define },
  });
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(EXAMPLES)) {
    const dir = await buildExample(name);
    console.log(`built ${join(dir, 'dist')}`);
  }
}
