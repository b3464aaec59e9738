import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvents, ringCall, startServer, TOKENS, until } from './helpers.mjs';

test('data and the event sequence survive a restart; a resume across it loses nothing', async () => {
  const first = await startServer();
  const call = await ringCall(first);
  const created = await first.api('/api/v1/customers', {
    method: 'POST',
    key: 'restart-customer',
    body: { name: 'Wang Fang', phoneNumbers: ['+8613712345678'] },
  });
  assert.equal(created.status, 201);
  const seen = readEvents(first.url, TOKENS.a1, { since: 0 });
  await until(() => seen.events.some((e) => e.type === 'call' && e.call.id === call.id), 'the ringing call');
  const lastSeq = seen.events.at(-1).seq;
  seen.stop();
  await first.stop({ keepData: true });

  const second = await startServer([], { dataDir: first.dataDir });
  try {
    const customer = await second.api(`/api/v1/customers/${created.body.id}`);
    assert.equal(customer.body.name, 'Wang Fang');
    const current = await second.api('/api/v1/calls/current');
    assert.equal(current.body.id, call.id);
    // A retry after the restart still does not create a second customer.
    const retried = await second.api('/api/v1/customers', {
      method: 'POST',
      key: 'restart-customer',
      body: { name: 'Wang Fang', phoneNumbers: ['+8613712345678'] },
    });
    assert.equal(retried.body.id, created.body.id);
    assert.equal(retried.headers.get('idempotent-replayed'), 'true');

    const resumed = readEvents(second.url, TOKENS.a1, { since: lastSeq });
    await resumed.opened;
    await second.api(`/api/v1/calls/${call.id}/answer`, { method: 'POST' });
    await until(() => resumed.events.some((e) => e.type === 'call' && e.call.state === 'connected'), 'the connected call');
    assert.equal(resumed.events[0].seq, lastSeq + 1);
    resumed.stop();
    const n = second.db().prepare("SELECT COUNT(*) AS n FROM customers WHERE name = 'Wang Fang'").get().n;
    assert.equal(n, 1);
  } finally {
    await second.stop();
  }
});
