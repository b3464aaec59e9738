// `npm run size`: min+gzip of what a host page pays, against the budgets.
// Each entry is bundled alone with everything it imports (Lit included);
// lazily loaded locales are split off and measured apart.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const KB = 1024;
const BUDGET = { standalone: 60 * KB, define: 20 * KB };

async function measure(entry, { contents } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'avw-size-'));
  try {
    const result = await build({
      ...(contents ? { stdin: { contents, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      conditions: ['production'],
      outdir,
      metafile: true,
      logLevel: 'error',
      tsconfig: 'tsconfig.json',
    });
    const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
    const main = outputs.find(([, o]) => o.entryPoint);
    const size = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
    const lazy = outputs.filter(([f]) => f !== main[0]).map(([f, o]) => ({ file: f, gz: size(f), inputs: Object.keys(o.inputs) }));
    return { gz: size(main[0]), lazy };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const rows = [];
const fail = [];
const add = (name, gz, budget) => {
  rows.push({ name, gz, budget });
  if (budget && gz > budget) fail.push(name);
};

add('lit (lit + decorators + context + task)', (await measure(null, {
  contents: "export * from 'lit'; export * from 'lit/decorators.js'; export * from '@lit/context'; export * from '@lit/task';",
})).gz);

const standalone = await measure('src/standalone.ts');
add('standalone bundle (every element, Lit, English)', standalone.gz, BUDGET.standalone);
for (const chunk of standalone.lazy) {
  const locale = chunk.inputs.find((i) => i.includes('/locales/'))?.split('/locales/')[1]?.split('/')[0];
  add(`  lazy chunk${locale ? `: locale ${locale}` : ''}`, chunk.gz);
}

for (const file of readdirSync('src/define').filter((f) => f.endsWith('.ts') && f !== 'define.ts').sort()) {
  const tag = basename(file, '.ts');
  const { gz } = await measure(`src/define/${file}`);
  add(`define/${tag}.js`, gz, tag === 'all' ? BUDGET.standalone : BUDGET.define);
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
  const status = r.budget ? (r.gz <= r.budget ? 'ok' : 'OVER') : '';
  console.log(`${r.name.padEnd(width)}  ${fmt(r.gz).padStart(10)}  ${(r.budget ? fmt(r.budget) : '').padStart(9)}  ${status}`);
}
if (fail.length) {
  console.error(`\nOver budget: ${fail.join(', ')}`);
  process.exit(1);
}
