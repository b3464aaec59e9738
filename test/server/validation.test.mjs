import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { ringCall, startServer } from './helpers.mjs';

let server;
let callId;
before(async () => {
  server = await startServer();
  const call = await ringCall(server, undefined, { autoTranscript: false });
  await server.api(`/api/v1/calls/${call.id}/answer`, { method: 'POST' });
  callId = call.id;
});
after(() => server?.stop());

/** Row counts of every table: a refused request must leave them all as they were. */
function counts() {
  const db = server.db();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get().n]));
}

const zhang = '+8613800138000';
const cases = () => [
  ['POST', '/api/v1/customers', { name: 5, phoneNumbers: [] }, 'name', 'invalid-type'],
  ['POST', '/api/v1/customers', { phoneNumbers: [zhang] }, 'name', 'required'],
  ['POST', '/api/v1/customers', { name: 'x'.repeat(101), phoneNumbers: [] }, 'name', 'too-long'],
  ['POST', '/api/v1/customers', { name: 'Li Na', phoneNumbers: [zhang], vip: true }, 'vip', 'unknown-field'],
  ['POST', '/api/v1/customers', { name: 'Li Na', phoneNumbers: ['12ab'] }, 'phoneNumbers', 'invalid-phone'],
  ['POST', '/api/v1/customers', { name: 'Li Na', phoneNumbers: zhang }, 'phoneNumbers', 'invalid-type'],
  ['POST', '/api/v1/customers', { name: 'Li Na', phoneNumbers: [], email: 'li.na@' }, 'email', 'invalid-email'],
  ['POST', '/api/v1/customers', { name: 'Li Na', phoneNumbers: [], gender: 'robot' }, 'gender', 'invalid-value'],
  ['POST', '/api/v1/notifications', { channel: 'sms', recipient: '123', text: 'Hello' }, 'recipient', 'invalid-phone'],
  ['POST', '/api/v1/notifications', { channel: 'fax', recipient: zhang, text: 'Hello' }, 'channel', 'invalid-value'],
  ['POST', '/api/v1/notifications', { channel: 'sms', recipient: zhang }, 'text', 'required'],
  ['POST', '/api/v1/notifications', { channel: 'sms', recipient: zhang, text: 'Hi', parameters: { 1: 5 } }, 'parameters.1', 'invalid-type'],
  ['POST', '/api/v1/notifications', { channel: 'email', recipient: 'zhang.min@', text: 'Hello' }, 'recipient', 'invalid-email'],
  ['POST', '/api/v1/notifications', { channel: 'sms', recipient: zhang, text: 'x'.repeat(1000) }, 'text', 'too-long'],
  ['PUT', `/api/v1/calls/${callId}/reason`, { reasonIds: ['billing'], remarks: 'x'.repeat(301) }, 'remarks', 'too-long'],
  ['PUT', `/api/v1/calls/${callId}/reason`, { reasonIds: [], remarks: '' }, 'reasonIds', 'required'],
  ['PUT', `/api/v1/calls/${callId}/reason`, { reasonIds: ['no-such-reason'], remarks: '' }, 'reasonIds', 'unknown'],
  ['PUT', `/api/v1/calls/${callId}/reason`, { reasonIds: 'billing', remarks: '' }, 'reasonIds', 'invalid-type'],
  ['POST', '/api/v1/harassment-records', { number: zhang, listType: 'grey', reason: 'Abuse', callId }, 'listType', 'invalid-value'],
  ['POST', '/api/v1/harassment-records', { number: '+86 abc', listType: 'black', reason: 'Abuse', callId }, 'number', 'invalid-characters'],
  ['POST', '/api/v1/harassment-records', { number: zhang, listType: 'black', reason: 'x'.repeat(1025), callId }, 'reason', 'too-long'],
  ['POST', '/api/v1/calls', { number: '+0123' }, 'number', 'invalid-number'],
  ['PUT', `/api/v1/calls/${callId}/handled-number`, { handledNumber: '1'.repeat(25) }, 'handledNumber', 'too-long'],
  ['PUT', `/api/v1/calls/${callId}/handled-number`, { handledNumber: 'ABC-123' }, 'handledNumber', 'invalid-characters'],
  ['PUT', `/api/v1/calls/${callId}/muted`, { muted: 'yes' }, 'muted', 'invalid-type'],
  ['POST', `/api/v1/calls/${callId}/identity-auths`, { modeId: 'auth-pin', pin: '1234' }, 'pin', 'unknown-field'],
  ['POST', '/api/v1/customers', '{"name": "Li Na", "phoneNumbers": [', 'body', 'invalid-json'],
];

test('malformed bodies are refused with a 400 naming the field, and write nothing', async () => {
  const list = cases();
  assert.ok(list.length >= 20);
  const before = counts();
  for (const [method, path, body, field, code] of list) {
    const response = await server.api(path, { method, body, key: true });
    const label = `${method} ${path} ${typeof body === 'string' ? body : JSON.stringify(body).slice(0, 80)}`;
    assert.equal(response.status, 400, label);
    assert.equal(response.body.error.kind, 'validation', label);
    assert.equal(response.body.error.field, field, label);
    assert.equal(response.body.error.code, code, label);
    assert.equal(typeof response.body.error.message, 'string');
  }
  assert.deepEqual(counts(), before);
});

test('a write that acts without an Idempotency-Key is refused', async () => {
  const before = counts();
  const response = await server.api('/api/v1/customers', { method: 'POST', body: { name: 'Li Na', phoneNumbers: [] } });
  assert.equal(response.status, 400);
  assert.equal(response.body.error.field, 'Idempotency-Key');
  assert.deepEqual(counts(), before);
});

test('wrong types in a query are refused, not coerced', async () => {
  const response = await server.api('/api/v1/contact-records?number=13800138000&limit=ten');
  assert.equal(response.status, 400);
  assert.equal(response.body.error.field, 'limit');
  const unknown = await server.api('/api/v1/templates?channel=sms&lang=en');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error.field, 'lang');
  assert.equal(unknown.body.error.code, 'unknown-field');
});

test('a 10 MB body is refused with 413 and writes nothing', async () => {
  const before = counts();
  const body = JSON.stringify({ name: 'Li Na', phoneNumbers: [zhang], notes: 'n'.repeat(10 * 1024 * 1024) });
  // node:http rather than fetch: the server answers as soon as it sees the size,
  // and fetch may report the closed upload instead of that answer.
  const response = await new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer avw-demo-a-1001',
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': 'big-body',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
    });
    req.on('error', (error) => setTimeout(() => reject(error), 1000));
    req.end(body);
  });
  assert.equal(response.status, 413);
  assert.equal(response.body.error.kind, 'validation');
  assert.equal(response.body.error.code, 'too-large');
  assert.deepEqual(counts(), before);
});

test('routes that take no body or query refuse one', async () => {
  const before = counts();
  const body = await server.api('/api/v1/agent/sign-in', { method: 'POST', body: { state: 'ready' } });
  assert.equal(body.status, 400);
  assert.equal(body.body.error.field, 'state');
  const query = await server.api('/api/v1/agent?debug=1');
  assert.equal(query.status, 400);
  assert.equal(query.body.error.field, 'debug');
  // An empty object is no body at all.
  assert.equal((await server.api('/api/v1/agent/sign-in', { method: 'POST', body: {} })).status, 200);
  // Only the sign-in's agent event was written.
  const { events: eventsBefore, ...rest } = before;
  const { events: eventsAfter, ...after } = counts();
  assert.deepEqual(after, rest);
  assert.equal(eventsAfter, eventsBefore + 1);
});
