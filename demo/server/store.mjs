// Domain logic over the SQLite database: rows to contract objects, call and
// agent state changes, the per-agent event log, idempotent writes.
import { createHash, randomUUID } from 'node:crypto';

/** An error the routes answer with `{ error: { kind, field, code, message } }`. */
export class ApiError extends Error {
  constructor(kind, message, { field, code, status } = {}) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.code = code;
    this.status = status ?? STATUS_BY_KIND[kind] ?? 500;
  }
}

export const STATUS_BY_KIND = { validation: 400, 'not-found': 404, forbidden: 403, conflict: 409, unavailable: 503, aborted: 499 };

export const invalid = (field, code, message) => new ApiError('validation', message, { field, code });
export const notFound = (what) => new ApiError('not-found', `No ${what}.`);
export const conflict = (code, message) => new ApiError('conflict', message, { code });

const json = (value) => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (text) => (text === null || text === undefined ? undefined : JSON.parse(text));
const opt = (value) => (value === null ? undefined : value);

export function newId(prefix) {
  return `${prefix}-${randomUUID().slice(0, 13).replace('-', '')}`;
}

const ACTIVE_STATES = new Set(['ringing', 'connected', 'held']);

/** Column names of the calls table by CallSession-ish key, for patches. */
const CALL_COLUMNS = {
  state: 'state',
  handledNumber: 'handled_number',
  recordingOn: 'recording_on',
  recordingId: 'recording_id',
  smartAnalysis: 'smart_analysis',
  startTime: 'start_time',
  endTime: 'end_time',
  muted: 'muted',
};

export function createStore(db, shared, { now = () => Date.now() } = {}) {
  const { toE164, normalizePhone } = shared;
  /** Events written by the open transaction, published once it commits. */
  let pending = [];
  const subscribers = new Map();
  const tenantCache = new Map();

  const q = {
    agentByToken: db.prepare('SELECT * FROM agents WHERE token_hash = ?'),
    agent: db.prepare('SELECT * FROM agents WHERE id = ?'),
    tenant: db.prepare('SELECT * FROM tenants WHERE id = ?'),
    catalog: db.prepare('SELECT data FROM catalogs WHERE tenant_id = ? AND name = ?'),
    nextSeq: db.prepare('UPDATE agents SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq'),
    insertEvent: db.prepare('INSERT INTO events (agent_id, seq, tenant_id, type, data, at) VALUES (?, ?, ?, ?, ?, ?)'),
    eventsSince: db.prepare('SELECT seq, type, data FROM events WHERE agent_id = ? AND seq > ? ORDER BY seq'),
    setAgent: db.prepare('UPDATE agents SET state = ?, rest_reason_id = ? WHERE id = ?'),
    setCurrentCall: db.prepare('UPDATE agents SET current_call_id = ? WHERE id = ?'),
    call: db.prepare('SELECT * FROM calls WHERE id = ? AND tenant_id = ?'),
    callById: db.prepare('SELECT * FROM calls WHERE id = ?'),
    insertCall: db.prepare(
      `INSERT INTO calls (id, tenant_id, agent_id, media_type, direction, state, calling_number, called_number, customer_number,
         skill_queue, skill_queue_id, recording_on, start_time, two_party, asr_enabled, identified_reason, created_at)
       VALUES (@id, @tenantId, @agentId, @mediaType, @direction, @state, @callingNumber, @calledNumber, @customerNumber,
         @skillQueue, @skillQueueId, 0, @startTime, @twoParty, @asrEnabled, @identifiedReason, @createdAt)`,
    ),
    idem: db.prepare('SELECT * FROM idempotency WHERE tenant_id = ? AND agent_id = ? AND key = ?'),
    putIdem: db.prepare(
      'INSERT INTO idempotency (tenant_id, agent_id, key, route, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    customer: db.prepare('SELECT * FROM customers WHERE id = ? AND tenant_id = ?'),
    phones: db.prepare('SELECT number FROM customer_phones WHERE customer_id = ? ORDER BY position'),
    customerByPhone: db.prepare(
      `SELECT c.* FROM customers c JOIN customer_phones p ON p.customer_id = c.id
       WHERE p.tenant_id = ? AND p.number IN (?, ?) ORDER BY c.created_at LIMIT 1`,
    ),
    contactRecord: db.prepare('SELECT * FROM contact_records WHERE id = ? AND tenant_id = ?'),
    contactRecordByCall: db.prepare('SELECT * FROM contact_records WHERE call_id = ? AND tenant_id = ?'),
    callReason: db.prepare('SELECT * FROM call_reasons WHERE call_id = ? AND tenant_id = ?'),
    recording: db.prepare('SELECT * FROM recordings WHERE id = ? AND tenant_id = ?'),
    recordingById: db.prepare('SELECT * FROM recordings WHERE id = ?'),
    identityAuth: db.prepare('SELECT * FROM identity_auths WHERE id = ? AND tenant_id = ?'),
  };

  // ---- transactions and events --------------------------------------------

  /** Runs `fn` in one transaction; its events reach subscribers only after the commit. */
  function tx(fn) {
    const outer = pending;
    pending = [];
    let result;
    try {
      result = db.transaction(fn)();
    } catch (error) {
      pending = outer;
      throw error;
    }
    const committed = pending;
    pending = outer;
    for (const event of committed) publish(event);
    return result;
  }

  function emit(agentId, tenantId, type, payload) {
    const seq = q.nextSeq.get(agentId).last_seq;
    const at = now();
    const data = JSON.stringify({ seq, type, ...payload, at });
    q.insertEvent.run(agentId, seq, tenantId, type, data, at);
    pending.push({ agentId, seq, type, data });
  }

  function publish(event) {
    const set = subscribers.get(event.agentId);
    if (set) for (const fn of [...set]) fn(event);
  }

  /**
   * Sends every logged event after `since`, then every new one, to `fn`.
   * Both happen in the same synchronous turn, so nothing falls between.
   */
  function follow(agentId, since, fn) {
    for (const row of q.eventsSince.iterate(agentId, since)) fn({ agentId, ...row });
    let set = subscribers.get(agentId);
    if (!set) subscribers.set(agentId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) subscribers.delete(agentId);
    };
  }

  function pruneEvents(olderThanMs) {
    return db.prepare('DELETE FROM events WHERE at < ?').run(now() - olderThanMs).changes;
  }

  // ---- idempotency ----------------------------------------------------------

  /**
   * Acts once per key: the first request with a key runs `act` and stores its
   * answer in the same transaction; a retry gets that answer back.
   */
  function once(agent, key, route, requestBody, status, act) {
    const fingerprint = `${route}\n${createHash('sha256').update(JSON.stringify(requestBody ?? null)).digest('base64url')}`;
    const found = q.idem.get(agent.tenant_id, agent.id, key);
    if (found) {
      if (found.route !== fingerprint) {
        throw conflict('idempotency-key-reused', 'This Idempotency-Key was already used for a different request.');
      }
      return { status: found.status, body: found.body, replayed: true };
    }
    return tx(() => {
      const body = JSON.stringify(act());
      q.putIdem.run(agent.tenant_id, agent.id, key, fingerprint, status, body, now());
      return { status, body, replayed: false };
    });
  }

  // ---- tenants, agents, catalogs ------------------------------------------------

  function tenant(id) {
    let t = tenantCache.get(id);
    if (!t) tenantCache.set(id, (t = q.tenant.get(id)));
    return t;
  }

  function authenticate(tokenHash) {
    return q.agentByToken.get(tokenHash) ?? null;
  }

  function catalog(tenantId, name) {
    const row = q.catalog.get(tenantId, name);
    return row ? JSON.parse(row.data) : [];
  }

  function agentObject(row) {
    return {
      id: row.id,
      tenantId: row.tenant_id,
      workNo: row.work_no,
      name: row.name,
      state: row.state,
      ...(row.rest_reason_id ? { restReasonId: row.rest_reason_id } : {}),
    };
  }

  function setAgentState(agentId, state, restReasonId = null) {
    q.setAgent.run(state, restReasonId, agentId);
    const row = q.agent.get(agentId);
    emit(row.id, row.tenant_id, 'agent', { agent: agentObject(row) });
    return row;
  }

  // ---- calls ------------------------------------------------------------------

  function callObject(r) {
    return {
      id: r.id,
      mediaType: r.media_type,
      direction: r.direction,
      state: r.state,
      callingNumber: r.calling_number,
      calledNumber: r.called_number,
      customerNumber: r.customer_number,
      ...(r.handled_number ? { handledNumber: r.handled_number } : {}),
      ...(r.skill_queue ? { skillQueue: r.skill_queue } : {}),
      ...(r.skill_queue_id ? { skillQueueId: r.skill_queue_id } : {}),
      recording: {
        recording: r.recording_on === 1,
        ...(r.recording_id ? { recordingId: r.recording_id } : {}),
        ...(r.smart_analysis ? { smartAnalysis: r.smart_analysis } : {}),
      },
      startTime: r.start_time,
      ...(r.end_time !== null ? { endTime: r.end_time } : {}),
      twoParty: r.two_party === 1,
      muted: r.muted === 1,
      identifiedReason: parse(r.identified_reason) ?? null,
      asrEnabled: r.asr_enabled === 1,
    };
  }

  function requireCall(agent, callId) {
    const row = q.call.get(callId, agent.tenant_id);
    if (!row) throw notFound(`call ${callId}`);
    return row;
  }

  function activeCallOf(agentId) {
    const row = q.agent.get(agentId);
    if (!row.current_call_id) return null;
    const call = q.callById.get(row.current_call_id);
    return call && ACTIVE_STATES.has(call.state) ? call : null;
  }

  function currentCall(agentId) {
    const row = q.agent.get(agentId);
    return row.current_call_id ? (q.callById.get(row.current_call_id) ?? null) : null;
  }

  /** Applies a patch to a call and publishes the new snapshot to its agent. */
  function patchCall(callId, patch) {
    const keys = Object.keys(patch);
    if (keys.length > 0) {
      const sets = keys.map((k) => `${CALL_COLUMNS[k]} = @${k}`).join(', ');
      db.prepare(`UPDATE calls SET ${sets} WHERE id = @id`).run({ ...patch, id: callId });
    }
    const row = q.callById.get(callId);
    emit(row.agent_id, row.tenant_id, 'call', { call: callObject(row) });
    return row;
  }

  function createCall(agent, input) {
    const t = now();
    const id = input.id ?? `call-${new Date(t).toISOString().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;
    q.insertCall.run({
      id,
      tenantId: agent.tenant_id,
      agentId: agent.id,
      mediaType: input.mediaType ?? 'voice',
      direction: input.direction,
      state: 'ringing',
      callingNumber: input.callingNumber,
      calledNumber: input.calledNumber,
      customerNumber: input.customerNumber,
      skillQueue: input.skillQueue ?? null,
      skillQueueId: input.skillQueueId ?? null,
      startTime: t,
      twoParty: input.twoParty === false ? 0 : 1,
      asrEnabled: input.asrEnabled === false ? 0 : 1,
      identifiedReason: json(input.identifiedReason ?? null),
      createdAt: t,
    });
    q.setCurrentCall.run(id, agent.id);
    return patchCall(id, {});
  }

  /** Connects a ringing call: recording starts, the agent is talking. */
  function connectCall(row) {
    const recordingId = `rec-${row.id}`;
    if (!q.recordingById.get(recordingId)) {
      db.prepare('INSERT INTO recordings (id, tenant_id, file, content_type) VALUES (?, ?, ?, ?)').run(
        recordingId,
        row.tenant_id,
        'sample-recording.wav',
        'audio/wav',
      );
    }
    const call = patchCall(row.id, { state: 'connected', startTime: now(), recordingOn: 1, recordingId, smartAnalysis: 'on' });
    setAgentState(row.agent_id, 'talking');
    return call;
  }

  /** Ends a call, writes its contact record and puts the agent in wrap-up. */
  function endCall(row, abnormal) {
    const call = patchCall(row.id, { state: abnormal ? 'ended-abnormally' : 'ended', endTime: now(), recordingOn: 0 });
    const agentRow = q.agent.get(row.agent_id);
    const saved = q.callReason.get(row.id, row.tenant_id);
    db.prepare(
      `INSERT INTO contact_records (id, tenant_id, call_id, channel, direction, customer_number, handled_number, start_time,
         end_time, agent_name, agent_work_no, skill_queue, reason_path, remarks, recording_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      `cr-${row.id}`,
      row.tenant_id,
      row.id,
      call.media_type === 'multimedia' ? 'multimedia' : call.media_type,
      call.direction,
      call.customer_number,
      call.handled_number || call.customer_number,
      call.start_time,
      call.end_time,
      agentRow.name,
      agentRow.work_no,
      call.skill_queue,
      saved ? json(reasonPath(row.tenant_id, JSON.parse(saved.reason_ids))) : null,
      saved ? saved.remarks : null,
      call.recording_id,
    );
    setAgentState(row.agent_id, 'wrap-up');
    return call;
  }

  // ---- reasons ------------------------------------------------------------------

  /** Labels from the root to the last chosen reason. */
  function reasonPath(tenantId, reasonIds) {
    const last = reasonIds[reasonIds.length - 1];
    const walk = (nodes, trail) => {
      for (const node of nodes) {
        const path = [...trail, node.label];
        if (node.id === last) return path;
        const found = node.children ? walk(node.children, path) : null;
        if (found) return found;
      }
      return null;
    };
    return walk(catalog(tenantId, 'reason-tree'), []) ?? [];
  }

  function reasonExists(tenantId, id) {
    const walk = (nodes) => nodes.some((n) => n.id === id || (n.children ? walk(n.children) : false));
    return walk(catalog(tenantId, 'reason-tree'));
  }

  function identifiedReason(tenantId, reasonId, source = 'ivr') {
    if (!reasonId || !reasonExists(tenantId, reasonId)) return null;
    return { source, reasonId, path: reasonPath(tenantId, [reasonId]) };
  }

  // ---- customers and records -----------------------------------------------------

  function customerObject(r) {
    return {
      id: r.id,
      name: r.name,
      ...(r.gender ? { gender: r.gender } : {}),
      phoneNumbers: q.phones.all(r.id).map((p) => p.number),
      ...(r.email ? { email: r.email } : {}),
      ...(r.address ? { address: r.address } : {}),
      ...(r.level ? { level: r.level } : {}),
      ...(r.notes ? { notes: r.notes } : {}),
      ...(r.fields ? { fields: JSON.parse(r.fields) } : {}),
    };
  }

  /** The forms a stored number may take for a typed one: as typed (normalized) and in E.164. */
  function numberForms(tenantRow, number) {
    const normalized = normalizePhone(number);
    const e164 = toE164(number, tenantRow.default_country_code);
    return [normalized, e164.ok ? e164.value : normalized];
  }

  function contactRecordObject(r) {
    return {
      id: r.id,
      callId: r.call_id,
      channel: r.channel,
      direction: r.direction,
      customerNumber: r.customer_number,
      handledNumber: r.handled_number,
      startTime: r.start_time,
      endTime: r.end_time,
      agentName: r.agent_name,
      agentWorkNo: r.agent_work_no,
      ...(r.skill_queue ? { skillQueue: r.skill_queue } : {}),
      ...(r.reason_path ? { reasonPath: JSON.parse(r.reason_path) } : {}),
      ...(r.remarks ? { remarks: r.remarks } : {}),
      ...(r.recording_id ? { recordingId: r.recording_id } : {}),
    };
  }

  function messageObject(r) {
    return {
      id: r.id,
      channel: r.channel,
      recipient: r.recipient,
      ...(r.template_id ? { templateId: r.template_id } : {}),
      ...(r.template_name ? { templateName: r.template_name } : {}),
      ...(r.subject ? { subject: r.subject } : {}),
      text: r.text,
      sentAt: r.sent_at,
      status: r.status,
      ...(r.call_id ? { callId: r.call_id } : {}),
      ...(r.contact_record_id ? { contactRecordId: r.contact_record_id } : {}),
    };
  }

  function harassmentObject(r) {
    return {
      id: r.id,
      number: r.number,
      listType: r.list_type,
      reason: r.reason,
      callId: r.call_id,
      createdAt: r.created_at,
      status: r.status,
      createdBy: r.created_by,
    };
  }

  function identityAuthObject(r) {
    return {
      id: r.id,
      callId: r.call_id,
      modeId: r.mode_id,
      status: r.status,
      startedAt: r.started_at,
      ...(r.completed_at !== null ? { completedAt: r.completed_at } : {}),
    };
  }

  function savedReasonObject(r) {
    return { callId: r.call_id, reasonIds: JSON.parse(r.reason_ids), remarks: r.remarks, savedAt: r.saved_at };
  }

  return {
    db,
    q,
    now,
    tx,
    emit,
    follow,
    pruneEvents,
    once,
    tenant,
    authenticate,
    catalog,
    agentObject,
    setAgentState,
    callObject,
    requireCall,
    activeCallOf,
    currentCall,
    patchCall,
    createCall,
    connectCall,
    endCall,
    reasonPath,
    reasonExists,
    identifiedReason,
    customerObject,
    numberForms,
    contactRecordObject,
    messageObject,
    harassmentObject,
    identityAuthObject,
    savedReasonObject,
    opt,
  };
}
