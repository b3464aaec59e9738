// The simulated contact center behind the reference server: outbound calls
// that get answered, IVR identity checks that finish, and a two-party
// transcript streamed while a call is connected. `/api/v1/sim/*` drives it
// (only with --simulator); faults for tests only with --test-faults.
import { randomBytes } from 'node:crypto';
import { hashToken } from './db.mjs';
import { SERVICE_NUMBERS } from './routes.mjs';
import { conflict, invalid, newId, notFound } from './store.mjs';

const str = (maxLength, extra = {}) => ({ type: 'string', maxLength, ...extra });
const obj = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, required });
const idParams = obj({ id: str(100, { minLength: 1, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' }) }, ['id']);
const rate = { type: 'number', minimum: 0.1, maximum: 5000 };
const count = { type: 'integer', minimum: 1, maximum: 1000000 };

/** The caller each demo tenant's simulated inbound calls come from by default. */
const DEFAULT_CALLERS = { 'tenant-a': '+8613800138000', 'tenant-b': '+14155550199' };

export function createSimulator(store, shared, options) {
  const { seedTranscript } = shared;
  const transcripts = new Map();
  /** Per call: how its transcript runs once connected; `null` for none. */
  const plans = new Map();
  const timers = new Set();
  const tickMs = options.tickMs ?? 20;
  let ticker = null;

  function later(ms, fn) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        fn();
      } catch (error) {
        options.log?.(`simulator: ${error.message}`);
      }
    }, ms);
    timers.add(timer);
  }

  /** Connects a ringing call and starts its transcript. Call inside a transaction. */
  function connect(row) {
    const call = store.connectCall(row);
    const plan = plans.has(row.id) ? plans.get(row.id) : { rate: options.transcriptRate };
    plans.delete(row.id);
    if (plan && call.asr_enabled === 1) startTranscript(call, plan);
    return call;
  }

  function outboundStarted(call) {
    if (options.outboundAnswerMs < 0) return;
    later(options.outboundAnswerMs, () => {
      const row = store.q.callById.get(call.id);
      if (row?.state === 'ringing') store.tx(() => connect(row));
    });
  }

  function identityAuthStarted(id) {
    later(options.authDelayMs, () =>
      store.tx(() => {
        const row = store.db.prepare('SELECT * FROM identity_auths WHERE id = ?').get(id);
        if (row?.status !== 'in-progress') return;
        const status = options.authOutcome?.[row.mode_id] ?? 'pass';
        store.db.prepare('UPDATE identity_auths SET status = ?, completed_at = ? WHERE id = ?').run(status, store.now(), id);
        const done = store.identityAuthObject(store.db.prepare('SELECT * FROM identity_auths WHERE id = ?').get(id));
        store.emit(row.agent_id, row.tenant_id, 'identity-auth', { result: done });
      }),
    );
  }

  // ---- transcript -------------------------------------------------------------

  function startTranscript(call, { rate: perSecond, count: limit }) {
    transcripts.set(call.id, {
      callId: call.id,
      agentId: call.agent_id,
      tenantId: call.tenant_id,
      startTime: call.start_time,
      rate: perSecond ?? options.transcriptRate,
      remaining: limit ?? Infinity,
      // The first segment comes at once.
      credit: 1,
      last: Date.now(),
      paused: call.state === 'held',
      line: 0,
      step: 0,
    });
    if (!ticker) {
      ticker = setInterval(tick, tickMs);
      ticker.unref?.();
    }
  }

  function stopTranscript(callId) {
    transcripts.delete(callId);
    if (transcripts.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = null;
    }
  }

  /** The next transcript segment: each line grows through partial hypotheses to its final. */
  function nextSegment(t) {
    const script = seedTranscript[t.line % seedTranscript.length];
    const chars = Array.from(script.text);
    const partials = chars.length > 24 ? 2 : 1;
    const final = t.step >= partials;
    let text = script.text;
    if (!final) {
      let cut = Math.max(1, Math.round((chars.length * (t.step + 1)) / (partials + 1)));
      const space = chars.lastIndexOf(' ', cut);
      if (space > cut / 2) cut = space;
      text = chars.slice(0, cut).join('');
    }
    const segment = {
      id: `seg-${t.line + 1}`,
      speaker: script.speaker,
      text,
      offsetMs: Math.max(0, store.now() - t.startTime),
      final,
    };
    if (final) {
      t.line += 1;
      t.step = 0;
    } else {
      t.step += 1;
    }
    return segment;
  }

  function tick() {
    const now = Date.now();
    const due = [];
    for (const t of transcripts.values()) {
      const elapsed = now - t.last;
      t.last = now;
      if (t.paused) continue;
      t.credit += (elapsed / 1000) * t.rate;
      const n = Math.min(Math.floor(t.credit), t.remaining);
      t.credit -= Math.floor(t.credit);
      if (n > 0) due.push([t, n]);
    }
    if (due.length === 0) return;
    // One transaction for every segment due in this tick, across all calls.
    store.tx(() => {
      for (const [t, n] of due) {
        for (let i = 0; i < n; i++) {
          store.emit(t.agentId, t.tenantId, 'transcript', { callId: t.callId, segment: nextSegment(t) });
        }
        t.remaining -= n;
      }
    });
    for (const [t] of due) if (t.remaining <= 0) stopTranscript(t.callId);
  }

  function paused(callId, value) {
    const t = transcripts.get(callId);
    if (t) t.paused = value;
  }

  function close() {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (ticker) clearInterval(ticker);
    ticker = null;
    transcripts.clear();
  }

  return {
    connect,
    outboundStarted,
    identityAuthStarted,
    startTranscript,
    stopTranscript,
    paused,
    ended: stopTranscript,
    close,
    plans,
    transcripts,
  };
}

/** `/api/v1/sim/*`: drives the simulator for demos, tests and the bench. */
export function registerSimulatorRoutes(app, { store, shared, sim, faults }) {
  const { toE164 } = shared;

  function ownCall(agent, callId) {
    const row = store.requireCall(agent, callId);
    if (row.agent_id !== agent.id) throw notFound(`call ${callId}`);
    return row;
  }

  app.post(
    '/api/v1/sim/calls',
    {
      schema: {
        body: obj({
          from: str(32, { minLength: 1 }),
          mediaType: { type: 'string', enum: ['voice', 'video', 'multimedia'] },
          skillQueue: str(100),
          identifiedReasonId: { type: ['string', 'null'], maxLength: 100 },
          asrEnabled: { type: 'boolean' },
          twoParty: { type: 'boolean' },
          autoTranscript: { type: 'boolean' },
          transcriptRate: rate,
          transcriptCount: count,
        }),
      },
    },
    (request, reply) => {
      const body = request.body ?? {};
      const agent = request.agent;
      const tenant = store.tenant(agent.tenant_id);
      const from = toE164(body.from ?? DEFAULT_CALLERS[tenant.id] ?? '+8613800138000', tenant.default_country_code);
      if (!from.ok) throw invalid('from', from.problem, 'Invalid caller number.');
      const call = store.tx(() => {
        if (agent.state === 'signed-out') throw conflict('signed-out', 'The agent is not signed in.');
        if (store.activeCallOf(agent.id)) throw conflict('call-active', 'The agent is on a call.');
        const reasonId = body.identifiedReasonId === undefined ? 'billing-payment-refund' : body.identifiedReasonId;
        const row = store.createCall(agent, {
          direction: 'inbound',
          mediaType: body.mediaType,
          callingNumber: from.value,
          calledNumber: SERVICE_NUMBERS[tenant.id] ?? '4008001234',
          customerNumber: from.value,
          skillQueue: body.skillQueue ?? 'Billing Support',
          skillQueueId: 'skill-201',
          twoParty: body.twoParty,
          asrEnabled: body.asrEnabled,
          identifiedReason: store.identifiedReason(agent.tenant_id, reasonId),
        });
        sim.plans.set(
          row.id,
          body.autoTranscript === false ? null : { rate: body.transcriptRate, count: body.transcriptCount },
        );
        return row;
      });
      return reply.code(201).send(store.callObject(call));
    },
  );

  app.post('/api/v1/sim/calls/:id/connect', { schema: { params: idParams } }, (request) =>
    store.tx(() => {
      const row = ownCall(request.agent, request.params.id);
      if (row.state !== 'ringing') throw conflict('invalid-state', `The call is ${row.state}.`);
      return store.callObject(sim.connect(row));
    }),
  );

  app.post(
    '/api/v1/sim/calls/:id/end',
    { schema: { params: idParams, body: { anyOf: [obj({ abnormal: { type: 'boolean' } }), { type: 'null' }] } } },
    (request) =>
      store.tx(() => {
        const row = ownCall(request.agent, request.params.id);
        if (row.state === 'ended' || row.state === 'ended-abnormally') throw conflict('invalid-state', 'The call has ended.');
        sim.ended(row.id);
        return store.callObject(store.endCall(row, request.body?.abnormal === true));
      }),
  );

  app.post(
    '/api/v1/sim/calls/:id/transcript',
    { schema: { params: idParams, body: { anyOf: [obj({ rate, count }), { type: 'null' }] } } },
    (request, reply) => {
      const row = ownCall(request.agent, request.params.id);
      if (row.state !== 'connected' && row.state !== 'held') throw conflict('invalid-state', `The call is ${row.state}.`);
      sim.startTranscript(row, { rate: request.body?.rate, count: request.body?.count });
      return reply.code(202).send({ running: true });
    },
  );

  app.delete('/api/v1/sim/calls/:id/transcript', { schema: { params: idParams } }, (request) => {
    ownCall(request.agent, request.params.id);
    sim.stopTranscript(request.params.id);
    return { running: false };
  });

  app.get('/api/v1/sim/calls/:id/transcript', { schema: { params: idParams } }, (request) => {
    const row = ownCall(request.agent, request.params.id);
    const events = store.db
      .prepare(
        `SELECT seq, data FROM events WHERE agent_id = ? AND type = 'transcript' AND json_extract(data, '$.callId') = ?
         ORDER BY seq`,
      )
      .all(row.agent_id, row.id)
      .map((e) => ({ seq: e.seq, segment: JSON.parse(e.data).segment }));
    return { running: sim.transcripts.has(row.id), events };
  });

  app.post(
    '/api/v1/sim/agents',
    { schema: { body: { anyOf: [obj({ name: str(100, { minLength: 1 }), workNo: str(20, { minLength: 1 }) }), { type: 'null' }] } } },
    (request, reply) => {
      const token = `avw-sim-${randomBytes(18).toString('base64url')}`;
      const id = newId('agent-sim');
      const workNo = request.body?.workNo ?? String(5000 + Math.floor(Math.random() * 4000));
      store.db
        .prepare('INSERT INTO agents (id, tenant_id, work_no, name, token_hash) VALUES (?, ?, ?, ?, ?)')
        .run(id, request.agent.tenant_id, workNo, request.body?.name ?? `Agent ${workNo}`, hashToken(token));
      return reply.code(201).send({ agent: store.agentObject(store.q.agent.get(id)), token });
    },
  );

  if (faults) {
    app.post(
      '/api/v1/sim/faults',
      {
        schema: {
          body: obj({
            dropResponse: obj({ route: str(200, { minLength: 3 }), times: { type: 'integer', minimum: 1, maximum: 100 } }, ['route']),
            cutStream: obj(
              { afterEvents: { type: 'integer', minimum: 1 }, times: { type: 'integer', minimum: 1, maximum: 1000 } },
              ['afterEvents'],
            ),
          }),
        },
      },
      (request) => {
        const { dropResponse, cutStream } = request.body;
        if (dropResponse) faults.drop.set(dropResponse.route, dropResponse.times ?? 1);
        if (cutStream) {
          faults.cut.set(request.agent.id, { afterEvents: cutStream.afterEvents, times: cutStream.times ?? 1, sent: 0 });
        }
        return { dropResponse: Object.fromEntries(faults.drop), cutStream: faults.cut.get(request.agent.id) ?? null };
      },
    );
  }
}
