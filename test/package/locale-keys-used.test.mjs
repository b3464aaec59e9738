// Every English message is used somewhere: a string nobody shows still costs
// every host page its bytes, and every translator a sentence to translate.
// A key counts as used when the sources name it whole, or name the prefix it
// is built from (`realtimeTransfer.speaker.${speaker}`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const EN = 'src/localize/locales/en';

test('every English message key is used by the sources', () => {
  const keys = readdirSync(EN)
    .filter((f) => f !== 'index.ts')
    .flatMap((f) => [...readFileSync(`${EN}/${f}`, 'utf8').matchAll(/^\s*'([\w.-]+)':/gm)].map((m) => m[1]));
  assert.ok(keys.length > 300, `found only ${keys.length} keys: the pattern no longer matches the locale files`);
  const sources = readdirSync('src', { recursive: true })
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => f.endsWith('.ts') && !f.startsWith('localize/locales/'))
    .map((f) => readFileSync(`src/${f}`, 'utf8'))
    .join('\n');
  const prefixes = [...sources.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
  const unused = keys.filter(
    (k) => !['"', "'", '`'].some((q) => sources.includes(`${q}${k}${q}`)) && !prefixes.some((p) => k.startsWith(p)),
  );
  assert.deepEqual(unused, [], `English messages no source uses: ${unused.join(', ')}`);
});
