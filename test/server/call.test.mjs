import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readEvents, startServer, TOKENS, until } from './helpers.mjs';

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

test('a whole call: sign in, ring, connect, transcript, reason and remarks, hang up; rows in the db', async () => {
  const signedIn = await server.api('/api/v1/agent/sign-in', { method: 'POST' });
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.body.state, 'ready');

  const stream = readEvents(server.url, TOKENS.a1);
  await stream.opened;

  const rung = await server.api('/api/v1/sim/calls', { method: 'POST', body: { transcriptRate: 200, transcriptCount: 24 } });
  assert.equal(rung.status, 201);
  const call = rung.body;
  assert.equal(call.state, 'ringing');
  assert.equal(call.customerNumber, '+8613800138000');

  const current = await server.api('/api/v1/calls/current');
  assert.equal(current.body.id, call.id);

  const answered = await server.api(`/api/v1/calls/${call.id}/answer`, { method: 'POST' });
  assert.equal(answered.status, 200);
  assert.equal(answered.body.state, 'connected');
  assert.equal(answered.body.recording.recording, true);

  const customer = await server.api(`/api/v1/customers/lookup?number=${encodeURIComponent(call.customerNumber)}`);
  assert.equal(customer.body.name, 'Zhang Min');

  // The transcript: partials replaced by finals with the same id, both speakers, some Chinese.
  await until(() => stream.events.filter((e) => e.type === 'transcript').length === 24, '24 transcript events');
  const segments = stream.events.filter((e) => e.type === 'transcript').map((e) => e.segment);
  assert.ok(segments.some((s) => !s.final) && segments.some((s) => s.final));
  const first = segments.filter((s) => s.id === 'seg-1');
  assert.ok(first.length >= 2 && first.at(-1).final && !first[0].final);
  assert.ok(first.at(-1).text.startsWith(first[0].text.trimEnd()));
  assert.deepEqual(new Set(segments.map((s) => s.speaker)), new Set(['agent', 'customer']));
  assert.ok(segments.some((s) => /[\u4e00-\u9fff]/.test(s.text)), 'some Chinese');

  const held = await server.api(`/api/v1/calls/${call.id}/hold`, { method: 'POST' });
  assert.equal(held.body.state, 'held');
  const resumed = await server.api(`/api/v1/calls/${call.id}/resume`, { method: 'POST' });
  assert.equal(resumed.body.state, 'connected');

  const handled = await server.api(`/api/v1/calls/${call.id}/handled-number`, {
    method: 'PUT',
    key: true,
    body: { handledNumber: '138 0013 8000' },
  });
  assert.equal(handled.status, 200);
  assert.equal(handled.body.handledNumber, '13800138000');

  const saved = await server.api(`/api/v1/calls/${call.id}/reason`, {
    method: 'PUT',
    key: true,
    body: { reasonIds: ['billing', 'billing-payment', 'billing-payment-refund'], remarks: 'Duplicate charge; refund requested. 已核实身份。' },
  });
  assert.equal(saved.status, 200);
  assert.deepEqual(saved.body.reasonIds, ['billing', 'billing-payment', 'billing-payment-refund']);

  const hungUp = await server.api(`/api/v1/calls/${call.id}/hang-up`, { method: 'POST' });
  assert.equal(hungUp.body.state, 'ended');
  const agent = await server.api('/api/v1/agent');
  assert.equal(agent.body.state, 'wrap-up');

  await until(() => stream.events.some((e) => e.type === 'call' && e.call.state === 'ended'), 'the ended call event');
  const seqs = stream.events.map((e) => e.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
  assert.equal(new Set(seqs).size, seqs.length);
  stream.stop();

  const db = server.db();
  const row = db.prepare('SELECT * FROM calls WHERE id = ?').get(call.id);
  assert.equal(row.state, 'ended');
  assert.equal(row.handled_number, '13800138000');
  assert.ok(row.end_time >= row.start_time);
  const reason = db.prepare('SELECT * FROM call_reasons WHERE call_id = ?').get(call.id);
  assert.equal(reason.remarks, 'Duplicate charge; refund requested. 已核实身份。');
  const record = db.prepare('SELECT * FROM contact_records WHERE call_id = ?').get(call.id);
  assert.equal(record.handled_number, '13800138000');
  assert.deepEqual(JSON.parse(record.reason_path), ['Billing', 'Payment', 'Refund request']);
  assert.equal(record.remarks, reason.remarks);
  const logged = db.prepare("SELECT COUNT(*) AS n FROM events WHERE agent_id = 'agent-1001' AND type = 'transcript'").get().n;
  assert.equal(logged, 24);

  // The contact record is served, newest first, for the handled number.
  const records = await server.api('/api/v1/contact-records?number=13800138000&limit=1');
  assert.equal(records.body.items[0].id, record.id);
  assert.ok(records.body.nextCursor);
});

test('the stream resumes from Last-Event-ID with nothing lost and nothing doubled', async () => {
  const before = readEvents(server.url, TOKENS.a1, { since: 0 });
  await stream(before);
  const all = before.events.map((e) => e.seq);
  assert.ok(all.length > 10);
  assert.deepEqual(all, Array.from({ length: all.length }, (_, i) => i + 1));
  const resumed = readEvents(server.url, TOKENS.a1, { since: 7 });
  await stream(resumed);
  assert.deepEqual(resumed.events.map((e) => e.seq), all.slice(7));

  async function stream(s) {
    await s.opened;
    await new Promise((r) => setTimeout(r, 300));
    s.stop();
  }
});
