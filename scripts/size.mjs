// `npm run size`: min+gzip of what a host page pays, against the budgets.
// Each entry is bundled alone with everything it imports (Lit included);
// what it loads later (locales, elements opened on demand) is split off and
// measured apart, one row per chunk. The Lit templates and the minifier are
// the build's own (scripts/minify-templates.mjs). The bundles that carry
// every element are built by the build's own rollup config, so those rows
// are the shipped bytes exactly.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import rollupConfigs from '../rollup.config.mjs';
import { minify } from 'terser';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { TERSER_OPTIONS, minifyTemplatesEsbuild } from './minify-templates.mjs';

const KB = 1024;
const BUDGET = { standalone: 60 * KB, define: 20 * KB };

/**
 * Rows still over their budget, held where they stand: with `--hold`
 * (what .ci/run passes) such a row fails only when it grows past its
 * ceiling, so the work that is open cannot slide back while every row that
 * meets its budget is enforced. Lower a ceiling whenever its row shrinks;
 * delete it once the row meets the budget. Plain `npm run size` fails on
 * every row over budget, ceiling or not.
 */
const CEILING = {
  'standalone bundle (every element, Lit, English)': 65.1 * KB,
  'define/all.js': 68.1 * KB,
  'define/av-workbench.js': 60.7 * KB,
};
const hold = process.argv.includes('--hold');

async function measure(entry, { contents } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'avw-size-'));
  try {
    const result = await build({
      ...(contents ? { stdin: { contents, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: false,
      plugins: [minifyTemplatesEsbuild()],
      target: 'es2022',
      conditions: ['production'],
      outdir,
      metafile: true,
      logLevel: 'error',
      tsconfig: 'tsconfig.json',
    });
    const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
    const main = outputs.find(([, o]) => o.entryPoint);
    const size = async (file) => {
      const { code } = await minify(readFileSync(file, 'utf8'), { ...TERSER_OPTIONS });
      return gzipSync(code, { level: 9 }).length;
    };
    // What the page loads up front: the entry and every chunk it imports
    // statically (esbuild splits code an entry shares with its lazy chunks
    // into such chunks). The rest loads only through a dynamic import().
    const byFile = new Map(outputs);
    const eager = new Set();
    const visit = (file) => {
      if (eager.has(file) || !byFile.has(file)) return;
      eager.add(file);
      for (const i of byFile.get(file).imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(main[0]);
    let gz = 0;
    for (const f of eager) gz += await size(f);
    const lazy = [];
    for (const [f, o] of outputs.filter(([f]) => !eager.has(f))) lazy.push({ file: f, gz: await size(f), inputs: Object.keys(o.inputs) });
    return { gz, lazy };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// The no-build bundle's rollup config (Lit included, terser): rollup keeps a
// dynamic import() of a module already in the bundle inside it, where esbuild
// would split it into chunks the page never loads that way.
const standaloneConfig = rollupConfigs.find((c) => c.output?.dir === 'dist/standalone');

/**
 * What only the no-build bundle's own build does (modules side by side,
 * short message keys, its terser setting): a host bundling the package's
 * define entries gets none of it, so their rows are measured without them,
 * minified with the plain setting.
 */
const NO_BUILD_ONLY = new Set(['avw-similar-first', 'avw-short-message-keys', 'avw-no-build-terser']);

async function measureShipped(entry, { noBuild = false } = {}) {
  const plugins = noBuild ? standaloneConfig.plugins : [...standaloneConfig.plugins.filter((p) => !NO_BUILD_ONLY.has(p.name)), terser({ ...TERSER_OPTIONS })];
  const bundle = await rollup({ ...standaloneConfig, plugins, input: { entry }, onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const size = (c) => gzipSync(c.code, { level: 9 }).length;
    const eager = new Set();
    const visit = (file) => {
      if (eager.has(file) || !chunks.has(file)) return;
      eager.add(file);
      for (const i of chunks.get(file).imports) visit(i);
    };
    visit('entry.js');
    const gz = [...eager].reduce((sum, f) => sum + size(chunks.get(f)), 0);
    const lazy = [...chunks.values()].filter((c) => !eager.has(c.fileName)).map((c) => ({ file: c.fileName, gz: size(c), inputs: Object.keys(c.modules) }));
    return { gz, lazy };
  } finally {
    await bundle.close();
  }
}

const rows = [];
const fail = [];
const add = (name, gz, budget) => {
  const ceiling = CEILING[name];
  rows.push({ name, gz, budget, ceiling });
  if (budget && gz > budget && !(hold && ceiling && gz <= ceiling)) fail.push(name);
};

add('lit (lit + decorators + context + task)', (await measure(null, {
  contents: "export * from 'lit'; export * from 'lit/decorators.js'; export * from '@lit/context'; export * from '@lit/task';",
})).gz);

// What a lazy chunk holds: a locale, the elements it brings, or the code
// those share.
function describe(chunk) {
  const locale = chunk.inputs.find((i) => i.includes('/locales/') && !i.includes('/locales/en/'))?.split('/locales/')[1]?.split('/')[0];
  if (locale) return `locale ${locale}`;
  const tags = chunk.inputs.map((i) => /src\/components\/([\w-]+)\/\1\.ts$/.exec(i)?.[1]).filter(Boolean);
  if (tags.length) return `on demand: <${tags.join('>, <')}>`;
  const shared = chunk.inputs.map((i) => /src\/(?:internal|components\/[\w-]+)\/([\w.-]+)\.ts$/.exec(i)?.[1]).filter(Boolean);
  return shared.length ? `on demand, shared: ${shared.join(', ')}` : 'on demand (glue)';
}

// Every chunk an entry can load later gets its own row: nothing is hidden.
// Every entry loads the same locale chunks, so they are listed once, under
// the standalone bundle.
const addLazy = (chunks, { locales = false } = {}) => {
  for (const chunk of chunks) {
    const what = describe(chunk);
    if (locales || !what.startsWith('locale ')) add(`  + ${what}`, chunk.gz);
  }
};

const standalone = await measureShipped('src/standalone.ts', { noBuild: true });
add('standalone bundle (every element, Lit, English)', standalone.gz, BUDGET.standalone);
addLazy(standalone.lazy, { locales: true });

// define/all.js and <av-workbench> (every panel in one element) carry every
// element: they answer to the standalone budget.
const EVERY_ELEMENT = new Set(['all', 'av-workbench']);
for (const file of readdirSync('src/define').filter((f) => f.endsWith('.ts') && f !== 'define.ts').sort()) {
  const tag = basename(file, '.ts');
  const { gz, lazy } = await (EVERY_ELEMENT.has(tag) ? measureShipped : measure)(`src/define/${file}`);
  add(`define/${tag}.js`, gz, EVERY_ELEMENT.has(tag) ? BUDGET.standalone : BUDGET.define);
  addLazy(lazy);
}

add('backend/memory.js (MemoryBackend + seed)', (await measure('src/backend/memory-backend.ts')).gz);
try {
  readFileSync('src/backend/http-backend.ts');
  add('backend/http.js (HttpBackend)', (await measure('src/backend/http-backend.ts')).gz);
} catch {
  // No HttpBackend in this checkout.
}

const fmt = (n) => `${(n / KB).toFixed(2)} KB`;
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'entry'.padEnd(width)}  ${'min+gzip'.padStart(10)}  ${'budget'.padStart(9)}  status`);
for (const r of rows) {
  const held = r.ceiling && r.gz <= r.ceiling ? `, held under ${fmt(r.ceiling)}` : r.ceiling ? `, past its ceiling ${fmt(r.ceiling)}` : '';
  const status = r.budget ? (r.gz <= r.budget ? 'ok' : `OVER${held}`) : '';
  console.log(`${r.name.padEnd(width)}  ${fmt(r.gz).padStart(10)}  ${(r.budget ? fmt(r.budget) : '').padStart(9)}  ${status}`.trimEnd());
}
for (const name of Object.keys(CEILING)) {
  const row = rows.find((r) => r.name === name);
  if (!row) fail.push(`${name} (a ceiling names no row)`);
  else if (row.gz <= row.budget) console.log(`\n${name} meets its budget now: delete its ceiling.`);
}
if (fail.length) {
  console.error(`\n${hold ? 'Over budget and over its ceiling' : 'Over budget'}: ${fail.join(', ')}`);
  process.exit(1);
}
