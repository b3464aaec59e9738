// Each element carries only its own English (src/localize/registry.ts,
// addEnglish): every define entry, and every chunk it loads on demand, must
// bring the English of every message key its code uses, or a page that
// defines that element alone would show raw keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';

const EN = 'src/localize/locales/en';

test('every define entry brings the English of every key its code uses', async () => {
  const areaOf = {};
  for (const f of readdirSync(EN).filter((f) => f !== 'index.ts')) {
    for (const m of readFileSync(`${EN}/${f}`, 'utf8').matchAll(/^\s*'([\w-]+)\./gm)) areaOf[m[1]] = f;
  }
  const keyRx = new RegExp(`[\`'"](${Object.keys(areaOf).join('|')})\\.[\\w.\${}-]*`, 'g');
  const missing = [];
  for (const file of readdirSync('src/define').filter((f) => f.endsWith('.ts') && f !== 'define.ts')) {
    const { metafile } = await build({
      entryPoints: [`src/define/${file}`],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'error',
      conditions: ['production'],
    });
    const outs = metafile.outputs;
    const closure = (f, seen = new Set()) => {
      if (seen.has(f) || !outs[f]) return seen;
      seen.add(f);
      for (const i of outs[f].imports) if (i.kind === 'import-statement') closure(i.path, seen);
      return seen;
    };
    const entry = closure(Object.keys(outs).find((k) => outs[k].entryPoint === `src/define/${file}`));
    for (const [out, o] of Object.entries(outs)) {
      // What this chunk can count on: what it imports, and what its entry loaded before it.
      const files = new Set([...closure(out), ...entry]);
      const areas = new Set([...files].flatMap((f) => Object.keys(outs[f].inputs)).filter((i) => i.startsWith(`${EN}/`)).map((i) => i.slice(EN.length + 1)));
      for (const input of Object.keys(o.inputs).filter((i) => i.startsWith('src/') && !i.includes('/locales/'))) {
        for (const m of readFileSync(input, 'utf8').matchAll(keyRx)) {
          if (!areas.has(areaOf[m[1]])) missing.push(`define/${file} (${input}): ${m[0].slice(1)} needs ${EN}/${areaOf[m[1]]}`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(missing)], []);
});
