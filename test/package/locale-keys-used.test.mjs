// Every English message is used somewhere: a string nobody shows still costs
// every host page its bytes, and every translator a sentence to translate.
// A key counts as used when the sources name it whole, or name the prefix it
// is built from (`realtimeTransfer.speaker.${speaker}`). The sources are read
// as the standalone build reads them to shorten keys
// (scripts/short-message-keys.mjs), so both agree on what "used" means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageKeyTable } from '../../scripts/short-message-keys.mjs';

test('every English message key is used by the sources', () => {
  const { keys, uses, families } = messageKeyTable('src');
  assert.ok(keys.length > 300, `found only ${keys.length} keys: the pattern no longer matches the locale files`);
  const unused = keys.filter((k) => !uses.has(k) && !families.some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], `English messages no source uses: ${unused.join(', ')}`);
});
