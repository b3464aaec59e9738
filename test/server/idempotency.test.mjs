import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { buildHttpBackendModule } from '../../demo/server/load-shared.mjs';
import { startServer, TOKENS } from './helpers.mjs';

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

const dropNext = (route) => server.api('/api/v1/sim/faults', { method: 'POST', body: { dropResponse: { route } } });
const sent = (text) => ({
  records: server.db().prepare('SELECT COUNT(*) AS n FROM message_records WHERE text = ?').get(text).n,
  outbox: server.db().prepare('SELECT COUNT(*) AS n FROM outbox WHERE text = ?').get(text).n,
});

test('a send whose response is dropped, retried with the same key, is stored and sent exactly once', async () => {
  const text = `Your refund is on its way (${randomUUID()}).`;
  const body = { channel: 'sms', recipient: '138 0013 8000', text, templateId: 'sms-followup' };
  const key = randomUUID();
  await dropNext('POST /api/v1/notifications');

  await assert.rejects(server.api('/api/v1/notifications', { method: 'POST', key, body }), /fetch failed/);
  // The write committed although the client never heard back.
  assert.deepEqual(sent(text), { records: 1, outbox: 1 });

  const retry = await server.api('/api/v1/notifications', { method: 'POST', key, body });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.equal(retry.body.text, text);
  assert.equal(retry.body.recipient, '+8613800138000');
  assert.deepEqual(sent(text), { records: 1, outbox: 1 });

  const again = await server.api('/api/v1/notifications', { method: 'POST', key, body });
  assert.equal(again.body.id, retry.body.id);
  assert.deepEqual(sent(text), { records: 1, outbox: 1 });

  // The same key for a different request is a mistake, not a replay.
  const reused = await server.api('/api/v1/notifications', { method: 'POST', key, body: { ...body, text: 'Something else' } });
  assert.equal(reused.status, 409);
  assert.equal(reused.body.error.code, 'idempotency-key-reused');

  // Keys are scoped by agent: another agent's identical key acts on its own.
  const other = await server.api('/api/v1/notifications', { method: 'POST', key, body, token: TOKENS.a2 });
  assert.equal(other.status, 201);
  assert.notEqual(other.body.id, retry.body.id);
  assert.deepEqual(sent(text), { records: 2, outbox: 2 });
});

test('HttpBackend retries a dropped send with the same key; the server sends once', async () => {
  const code = await buildHttpBackendModule();
  const { HttpBackend } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const keys = [];
  const backend = new HttpBackend({
    baseUrl: server.url,
    token: TOKENS.a1,
    fetch: (url, init) => {
      if (init?.headers?.['Idempotency-Key']) keys.push(init.headers['Idempotency-Key']);
      return fetch(url, init);
    },
  });
  const text = `Thank you for calling (${randomUUID()}).`;
  await dropNext('POST /api/v1/notifications');
  const record = await backend.sendNotification(
    { channel: 'email', recipient: 'zhang.min@example.com', subject: 'Your call', text },
    { idempotencyKey: 'key-' + randomUUID() },
  );
  assert.equal(record.text, text);
  assert.equal(keys.length, 2, 'one attempt dropped, one retry');
  assert.equal(keys[0], keys[1], 'the same Idempotency-Key on the retry');
  assert.deepEqual(sent(text), { records: 1, outbox: 1 });

  // A 4xx is never retried.
  keys.length = 0;
  await assert.rejects(
    backend.sendNotification({ channel: 'sms', recipient: '12', text: 'x' }, { idempotencyKey: randomUUID() }),
    (error) => error.kind === 'validation' && error.field === 'recipient' && error.code === 'invalid-phone',
  );
  assert.equal(keys.length, 1);
});
