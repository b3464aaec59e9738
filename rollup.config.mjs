import { readdirSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const defineEntries = Object.fromEntries(
  readdirSync('src/define')
    .filter((f) => f.endsWith('.ts') && f !== 'define.ts')
    .map((f) => [`define/${basename(f, '.ts')}`, `src/define/${f}`]),
);

const backendEntries = { 'backend/memory': 'src/backend/memory-backend.ts' };
if (existsSync('src/backend/http-backend.ts')) backendEntries['backend/http'] = 'src/backend/http-backend.ts';

const ts = () =>
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false, sourceMap: true });

// Lit's production build, without the dev-mode warnings.
const resolve = () => nodeResolve({ exportConditions: ['production', 'module', 'import', 'default'], browser: true });

export default [
  // The package: Lit stays a peer the host's bundler dedupes.
  {
    input: { index: 'src/index.ts', ...defineEntries, ...backendEntries },
    external: (id) => /^(lit|@lit\/|@lit-labs\/)/.test(id),
    plugins: [resolve(), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  // The no-build bundle: Lit included, every tag registered, the classes and
  // backends exported for `import { HttpBackend } from '.../av-workbench.js'`.
  {
    input: { 'av-workbench': 'src/standalone.ts' },
    plugins: [resolve(), ts(), terser({ format: { comments: false }, ecma: 2020 })],
    output: {
      dir: 'dist/standalone',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
