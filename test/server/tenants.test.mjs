import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, TOKENS } from './helpers.mjs';

let server;
before(async () => (server = await startServer(['--allow-origin', 'https://crm.example.com'])));
after(() => server?.stop());

test("an agent of tenant B gets 404 for tenant A's customer, contact record, recording and call", async () => {
  const asB = (path) => server.api(path, { token: TOKENS.b1 });
  // Tenant A's own agent sees them.
  assert.equal((await server.api('/api/v1/customers/cust-1')).status, 200);
  assert.equal((await server.api('/api/v1/contact-records/cr-001')).status, 200);
  assert.equal((await server.api('/api/v1/recordings/rec-cr-1/url')).status, 200);

  const customer = await asB('/api/v1/customers/cust-1');
  assert.equal(customer.status, 404);
  assert.equal(customer.body.error.kind, 'not-found');
  assert.equal((await asB('/api/v1/contact-records/cr-001')).status, 404);
  assert.equal((await asB('/api/v1/recordings/rec-cr-1/url')).status, 404);
  assert.equal((await asB('/api/v1/calls/call-cr-1/reason')).status, 404);
  assert.equal((await asB(`/api/v1/customers/lookup?number=${encodeURIComponent('+8613800138000')}`)).status, 204);
  assert.deepEqual((await asB('/api/v1/message-records?contactRecordId=cr-001')).body, []);
  assert.equal((await asB('/api/v1/contact-records?number=%2B8613800138000')).body.total, 0);

  // And the other way round.
  assert.equal((await asB('/api/v1/customers/tb-cust-1')).status, 200);
  assert.equal((await server.api('/api/v1/customers/tb-cust-1')).status, 404);
  assert.equal((await server.api('/api/v1/recordings/rec-tb-cr-1/url')).status, 404);
});

test('writes cannot reach into another tenant', async () => {
  const update = await server.api('/api/v1/customers/cust-1', {
    method: 'PUT',
    token: TOKENS.b1,
    key: true,
    body: { name: 'Mallory', phoneNumbers: ['+14155550100'] },
  });
  assert.equal(update.status, 404);
  const note = await server.api('/api/v1/notifications', {
    method: 'POST',
    token: TOKENS.b1,
    key: true,
    body: { channel: 'sms', recipient: '+14155550199', text: 'Hello', contactRecordId: 'cr-001' },
  });
  assert.equal(note.status, 404);
  assert.equal(server.db().prepare("SELECT name FROM customers WHERE id = 'cust-1'").get().name, 'Zhang Min');
});

test('requests without a valid token are refused', async () => {
  const none = await server.api('/api/v1/agent', { token: null });
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, 'unauthenticated');
  assert.equal((await server.api('/api/v1/agent', { token: 'avw-demo-a-9999' })).status, 401);
  assert.equal((await server.api('/api/v1/events', { token: 'nope-nope-nope' })).status, 401);
});

test('CORS admits configured origins only', async () => {
  const ok = await server.api('/api/v1/agent', { headers: { origin: 'https://crm.example.com' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('access-control-allow-origin'), 'https://crm.example.com');
  const preflight = await fetch(`${server.url}/api/v1/notifications`, {
    method: 'OPTIONS',
    headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key' },
  });
  assert.equal(preflight.status, 204);
  // A preflight carries the query of the request it asks for.
  const withQuery = await fetch(`${server.url}/api/v1/customers/lookup?number=%2B8613800138000`, {
    method: 'OPTIONS',
    headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  assert.equal(withQuery.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
  const evil = await server.api('/api/v1/agent', { headers: { origin: 'https://evil.example' } });
  assert.equal(evil.status, 403);
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const devOrigin = await server.api('/api/v1/agent', { headers: { origin: 'http://localhost:3000' } });
  assert.equal(devOrigin.status, 403, 'localhost is admitted only with --dev');
});

test("the static mounts serve the demo page's files, never the server's sources or database", async () => {
  assert.equal((await fetch(`${server.url}/demo/demo.js`)).status, 200);
  assert.equal((await fetch(`${server.url}/demo/assets/sample-recording.wav`)).status, 200);
  assert.equal((await fetch(`${server.url}/demo/server/app.mjs`)).status, 404);
  assert.equal((await fetch(`${server.url}/demo/server/data/av-workbench.sqlite`)).status, 404);
  assert.equal((await fetch(`${server.url}/demo/%2e%2e/package.json`)).status, 404);
});
