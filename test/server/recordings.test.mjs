import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './helpers.mjs';

let server;
before(async () => (server = await startServer(['--recording-ttl-ms', '1000'])));
after(() => server?.stop());

test('a signed recording URL serves audio without credentials, and is refused once it expires', async () => {
  const signed = await server.api('/api/v1/recordings/rec-cr-1/url');
  assert.equal(signed.status, 200);
  assert.ok(signed.body.expiresAt > Date.now());
  assert.ok(signed.body.expiresAt <= Date.now() + 1000);

  const audio = await fetch(signed.body.url);
  assert.equal(audio.status, 200);
  assert.equal(audio.headers.get('content-type'), 'audio/wav');
  const bytes = Buffer.from(await audio.arrayBuffer());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF');
  assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WAVE');

  const ranged = await fetch(signed.body.url, { headers: { range: 'bytes=0-99' } });
  assert.equal(ranged.status, 206);
  assert.equal((await ranged.arrayBuffer()).byteLength, 100);

  await new Promise((r) => setTimeout(r, signed.body.expiresAt - Date.now() + 100));
  const expired = await fetch(signed.body.url);
  assert.equal(expired.status, 403);
  assert.equal((await expired.json()).error.code, 'expired');
});

test('a recording URL with a changed signature, expiry or id is refused', async () => {
  const { body } = await server.api('/api/v1/recordings/rec-cr-1/url');
  const url = new URL(body.url);
  const sig = url.searchParams.get('sig');

  const changedSig = new URL(url);
  changedSig.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
  const a = await fetch(changedSig);
  assert.equal(a.status, 403);
  assert.equal((await a.json()).error.code, 'bad-signature');

  const longer = new URL(url);
  longer.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600_000));
  assert.equal((await fetch(longer)).status, 403);

  const other = new URL(url);
  other.pathname = '/recordings/rec-cr-2';
  assert.equal((await fetch(other)).status, 403);

  const unsigned = new URL(url);
  unsigned.search = '';
  assert.equal((await fetch(unsigned)).status, 400);
});
