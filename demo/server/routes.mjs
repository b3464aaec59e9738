// The REST routes of the WorkbenchBackend contract. Every body and query has
// a strict JSON schema; rules a schema cannot say (phone numbers, tenant
// limits, state machines) are checked before anything is written.
import { ApiError, conflict, invalid, newId, notFound } from './store.mjs';

const ID = '^[A-Za-z0-9][A-Za-z0-9._:-]*$';
const DIGITS = '^[0-9]{1,15}$';

const str = (maxLength, extra = {}) => ({ type: 'string', maxLength, ...extra });
const obj = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, required });
const idParams = obj({ id: str(100, { minLength: 1, pattern: ID }) }, ['id']);
const channel = { type: 'string', enum: ['sms', 'email', 'whatsapp'] };
const phone = str(32, { minLength: 1 });

const customerBody = obj(
  {
    name: str(100, { minLength: 1 }),
    gender: { type: 'string', enum: ['male', 'female', 'other', 'unknown'] },
    phoneNumbers: { type: 'array', maxItems: 10, items: phone },
    email: str(254),
    address: str(500),
    level: str(50),
    notes: str(2000),
  },
  ['name', 'phoneNumbers'],
);

/** The number customers call, by tenant: the "called number" of inbound calls. */
export const SERVICE_NUMBERS = { 'tenant-a': '4008001234', 'tenant-b': '8005550100' };

export function registerRoutes(app, { store, shared, sim, recordingUrl }) {
  const { toE164, checkHandledNumber, isValidEmail } = shared;
  const { q, db } = store;

  const tenantOf = (request) => store.tenant(request.agent.tenant_id);

  function idempotencyKey(request) {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      throw invalid('Idempotency-Key', 'required', 'This write needs an Idempotency-Key header.');
    }
    if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw invalid('Idempotency-Key', 'invalid-format', 'An Idempotency-Key is 1–200 visible ASCII characters.');
    }
    return key;
  }

  /** A write that acts: once per Idempotency-Key, the answer stored with the write. */
  function actOnce(request, reply, status, act) {
    const key = idempotencyKey(request);
    const route = `${request.method} ${request.url.split('?')[0]}`;
    const result = store.once(request.agent, key, route, request.body, status, act);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).type('application/json; charset=utf-8').send(result.body);
  }

  const orNoContent = (reply, value) => (value === null || value === undefined ? reply.code(204).send() : value);

  function requireSignedIn(agent) {
    if (agent.state === 'signed-out') throw conflict('signed-out', 'Sign in first.');
  }

  function requireNoActiveCall(agent) {
    if (store.activeCallOf(agent.id)) throw conflict('call-active', 'Finish the current call first.');
  }

  /** A call this agent handles; other agents' and tenants' calls do not exist for it. */
  function ownCall(agent, callId) {
    const row = store.requireCall(agent, callId);
    if (row.agent_id !== agent.id) throw notFound(`call ${callId}`);
    return row;
  }

  function requireState(row, states, code = 'invalid-state') {
    if (!states.includes(row.state)) throw conflict(code, `The call is ${row.state}.`);
  }

  function checkPhone(field, number, tenant, code) {
    const checked = toE164(number, tenant.default_country_code);
    if (!checked.ok) throw invalid(field, code ?? checked.problem, `Invalid phone number in ${field}.`);
    return checked.value;
  }

  function startOutbound(agent, tenant, number) {
    const call = store.createCall(agent, {
      direction: 'outbound',
      callingNumber: SERVICE_NUMBERS[tenant.id] ?? '4008001234',
      calledNumber: number,
      customerNumber: number,
      skillQueue: 'Outbound',
      skillQueueId: 'skill-outbound',
    });
    sim.outboundStarted(call);
    return store.callObject(call);
  }

  // ---- agent ------------------------------------------------------------------

  app.post('/api/v1/agent/sign-in', (request) =>
    store.tx(() => {
      const active = store.activeCallOf(request.agent.id);
      return store.agentObject(store.setAgentState(request.agent.id, active ? 'talking' : 'ready'));
    }),
  );

  app.post('/api/v1/agent/sign-out', (request) =>
    store.tx(() => {
      requireNoActiveCall(request.agent);
      q.setCurrentCall.run(null, request.agent.id);
      return store.agentObject(store.setAgentState(request.agent.id, 'signed-out'));
    }),
  );

  app.put(
    '/api/v1/agent/state',
    {
      schema: {
        body: obj(
          {
            state: { type: 'string', enum: ['ready', 'busy', 'rest', 'wrap-up'] },
            restReasonId: str(100, { minLength: 1 }),
          },
          ['state'],
        ),
      },
    },
    (request) =>
      store.tx(() => {
        const { state, restReasonId } = request.body;
        const agent = request.agent;
        requireSignedIn(agent);
        requireNoActiveCall(agent);
        if (state === 'rest') {
          if (!restReasonId) throw invalid('restReasonId', 'required', 'Choose a rest reason.');
          if (!store.catalog(agent.tenant_id, 'rest-reasons').some((r) => r.id === restReasonId)) {
            throw invalid('restReasonId', 'unknown', 'Unknown rest reason.');
          }
        } else if (restReasonId !== undefined) {
          throw invalid('restReasonId', 'not-allowed', 'A rest reason goes with the rest state only.');
        }
        return store.agentObject(store.setAgentState(agent.id, state, state === 'rest' ? restReasonId : null));
      }),
  );

  app.get('/api/v1/agent', (request) => store.agentObject(request.agent));
  app.get('/api/v1/rest-reasons', (request) => store.catalog(request.agent.tenant_id, 'rest-reasons'));

  // ---- calls --------------------------------------------------------------------

  app.get('/api/v1/calls/current', (request, reply) => {
    const row = store.currentCall(request.agent.id);
    return orNoContent(reply, row ? store.callObject(row) : null);
  });

  app.post('/api/v1/calls', { schema: { body: obj({ number: phone }, ['number']) } }, (request, reply) =>
    actOnce(request, reply, 201, () => {
      const agent = request.agent;
      const tenant = tenantOf(request);
      const number = checkPhone('number', request.body.number, tenant);
      requireSignedIn(agent);
      requireNoActiveCall(agent);
      return startOutbound(agent, tenant, number);
    }),
  );

  const control = (path, handler) =>
    app.post(`/api/v1/calls/:id/${path}`, { schema: { params: idParams } }, (request) =>
      store.tx(() => handler(request, ownCall(request.agent, request.params.id))),
    );

  control('answer', (request, row) => {
    if (row.direction !== 'inbound') throw conflict('not-inbound', 'Only an inbound call is answered.');
    requireState(row, ['ringing']);
    return store.callObject(sim.connect(row));
  });

  control('hold', (_request, row) => {
    requireState(row, ['connected']);
    sim.paused(row.id, true);
    return store.callObject(store.patchCall(row.id, { state: 'held' }));
  });

  control('resume', (_request, row) => {
    requireState(row, ['held']);
    sim.paused(row.id, false);
    return store.callObject(store.patchCall(row.id, { state: 'connected' }));
  });

  control('hang-up', (_request, row) => {
    if (row.state === 'ended' || row.state === 'ended-abnormally') return store.callObject(row);
    sim.ended(row.id);
    return store.callObject(store.endCall(row, false));
  });

  app.put(
    '/api/v1/calls/:id/muted',
    { schema: { params: idParams, body: obj({ muted: { type: 'boolean' } }, ['muted']) } },
    (request) =>
      store.tx(() => {
        const row = ownCall(request.agent, request.params.id);
        requireState(row, ['connected', 'held']);
        return store.callObject(store.patchCall(row.id, { muted: request.body.muted ? 1 : 0 }));
      }),
  );

  app.post('/api/v1/calls/:id/callback', { schema: { params: idParams } }, (request, reply) =>
    actOnce(request, reply, 201, () => {
      const agent = request.agent;
      const row = ownCall(agent, request.params.id);
      if (row.state !== 'ended-abnormally') {
        throw conflict('not-abnormal', 'Only an abnormally ended call can be called back.');
      }
      requireSignedIn(agent);
      requireNoActiveCall(agent);
      return startOutbound(agent, tenantOf(request), row.handled_number || row.customer_number);
    }),
  );

  app.put(
    '/api/v1/calls/:id/handled-number',
    { schema: { params: idParams, body: obj({ handledNumber: phone }, ['handledNumber']) } },
    (request, reply) =>
      actOnce(request, reply, 200, () => {
        const row = ownCall(request.agent, request.params.id);
        const checked = checkHandledNumber(request.body.handledNumber, tenantOf(request).handled_number_max_length);
        if (!checked.ok) throw invalid('handledNumber', checked.problem, 'Invalid handled number.');
        db.prepare('UPDATE contact_records SET handled_number = ? WHERE call_id = ?').run(checked.value, row.id);
        return store.callObject(store.patchCall(row.id, { handledNumber: checked.value }));
      }),
  );

  // ---- customers ------------------------------------------------------------------

  app.get(
    '/api/v1/customers/lookup',
    { schema: { querystring: obj({ number: phone }, ['number']) } },
    (request, reply) => {
      const [a, b] = store.numberForms(tenantOf(request), request.query.number);
      const row = q.customerByPhone.get(request.agent.tenant_id, a, b);
      return orNoContent(reply, row ? store.customerObject(row) : null);
    },
  );

  app.get('/api/v1/customers/:id', { schema: { params: idParams } }, (request) => {
    const row = q.customer.get(request.params.id, request.agent.tenant_id);
    if (!row) throw notFound(`customer ${request.params.id}`);
    return store.customerObject(row);
  });

  function checkCustomer(tenant, input) {
    if (input.name.trim() === '') throw invalid('name', 'required', 'Name is required.');
    if (input.email !== undefined && input.email !== '' && !isValidEmail(input.email)) {
      throw invalid('email', 'invalid-email', 'Invalid email.');
    }
    return input.phoneNumbers.map((n) => checkPhone('phoneNumbers', n, tenant, 'invalid-phone'));
  }

  function writeCustomer(id, tenantId, input, phones, fields) {
    const t = store.now();
    db.prepare(
      `INSERT INTO customers (id, tenant_id, name, gender, email, address, level, notes, fields, created_at, updated_at)
       VALUES (@id, @tenantId, @name, @gender, @email, @address, @level, @notes, @fields, @t, @t)
       ON CONFLICT (id) DO UPDATE SET name = @name, gender = @gender, email = @email, address = @address,
         level = @level, notes = @notes, updated_at = @t`,
    ).run({
      id,
      tenantId,
      name: input.name.trim(),
      gender: input.gender ?? null,
      email: input.email || null,
      address: input.address || null,
      level: input.level || null,
      notes: input.notes || null,
      fields: fields ?? null,
      t,
    });
    db.prepare('DELETE FROM customer_phones WHERE customer_id = ?').run(id);
    const insert = db.prepare('INSERT INTO customer_phones (customer_id, tenant_id, position, number) VALUES (?, ?, ?, ?)');
    phones.forEach((n, i) => insert.run(id, tenantId, i, n));
    return store.customerObject(q.customer.get(id, tenantId));
  }

  app.post('/api/v1/customers', { schema: { body: customerBody } }, (request, reply) =>
    actOnce(request, reply, 201, () => {
      const phones = checkCustomer(tenantOf(request), request.body);
      return writeCustomer(newId('cust'), request.agent.tenant_id, request.body, phones, null);
    }),
  );

  app.put('/api/v1/customers/:id', { schema: { params: idParams, body: customerBody } }, (request, reply) =>
    actOnce(request, reply, 200, () => {
      const existing = q.customer.get(request.params.id, request.agent.tenant_id);
      if (!existing) throw notFound(`customer ${request.params.id}`);
      const phones = checkCustomer(tenantOf(request), request.body);
      return writeCustomer(existing.id, existing.tenant_id, request.body, phones, existing.fields);
    }),
  );

  // ---- contact and message records -------------------------------------------------

  app.get(
    '/api/v1/contact-records',
    {
      schema: {
        querystring: obj(
          {
            number: phone,
            limit: str(3, { pattern: '^[1-9][0-9]{0,2}$' }),
            from: str(15, { pattern: DIGITS }),
            to: str(15, { pattern: DIGITS }),
            cursor: str(200, { pattern: '^[A-Za-z0-9_-]+$' }),
          },
          ['number'],
        ),
      },
    },
    (request) => {
      const { number, limit = '20', from, to, cursor } = request.query;
      const size = Math.min(Number(limit), 100);
      const [a, b] = store.numberForms(tenantOf(request), number);
      let where = 'tenant_id = @tenant AND handled_number IN (@a, @b)';
      const params = { tenant: request.agent.tenant_id, a, b };
      if (from !== undefined) {
        where += ' AND start_time >= @from';
        params.from = Number(from);
      }
      if (to !== undefined) {
        where += ' AND start_time < @to';
        params.to = Number(to);
      }
      const total = db.prepare(`SELECT COUNT(*) AS n FROM contact_records WHERE ${where}`).get(params).n;
      let page = where;
      if (cursor !== undefined) {
        const [start, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
        if (!/^\d+$/.test(start ?? '') || !id) throw invalid('cursor', 'invalid-format', 'Unknown cursor.');
        page += ' AND (start_time < @cStart OR (start_time = @cStart AND id < @cId))';
        Object.assign(params, { cStart: Number(start), cId: id });
      }
      const rows = db
        .prepare(`SELECT * FROM contact_records WHERE ${page} ORDER BY start_time DESC, id DESC LIMIT ${size + 1}`)
        .all(params);
      const items = rows.slice(0, size).map(store.contactRecordObject);
      const last = rows.length > size ? rows[size - 1] : null;
      const nextCursor = last ? Buffer.from(`${last.start_time}\n${last.id}`).toString('base64url') : undefined;
      return { items, ...(nextCursor ? { nextCursor } : {}), total };
    },
  );

  app.get('/api/v1/contact-records/:id', { schema: { params: idParams } }, (request) => {
    const row = q.contactRecord.get(request.params.id, request.agent.tenant_id);
    if (!row) throw notFound(`contact record ${request.params.id}`);
    return store.contactRecordObject(row);
  });

  app.get(
    '/api/v1/message-records',
    {
      schema: {
        querystring: obj({ contactRecordId: str(100, { pattern: ID }), callId: str(100, { pattern: ID }) }),
      },
    },
    (request) => {
      const { contactRecordId, callId } = request.query;
      let where = 'tenant_id = @tenant';
      if (contactRecordId !== undefined) where += ' AND contact_record_id = @contactRecordId';
      if (callId !== undefined) where += ' AND call_id = @callId';
      return db
        .prepare(`SELECT * FROM message_records WHERE ${where} ORDER BY sent_at DESC LIMIT 100`)
        .all({ tenant: request.agent.tenant_id, contactRecordId, callId })
        .map(store.messageObject);
    },
  );

  app.get('/api/v1/recordings/:id/url', { schema: { params: idParams } }, (request) => {
    const row = q.recording.get(request.params.id, request.agent.tenant_id);
    if (!row) throw notFound(`recording ${request.params.id}`);
    return recordingUrl(request, row.id);
  });

  // ---- notifications ----------------------------------------------------------------

  app.get('/api/v1/templates', { schema: { querystring: obj({ channel }, ['channel']) } }, (request) =>
    store.catalog(request.agent.tenant_id, 'templates').filter((t) => t.channel === request.query.channel),
  );

  app.post(
    '/api/v1/notifications',
    {
      schema: {
        body: obj(
          {
            channel,
            recipient: str(254, { minLength: 1 }),
            templateId: str(100, { minLength: 1 }),
            subject: str(200),
            text: str(5000),
            parameters: {
              type: 'object',
              maxProperties: 20,
              propertyNames: { maxLength: 50 },
              additionalProperties: str(500),
            },
            callId: str(100, { pattern: ID }),
            contactRecordId: str(100, { pattern: ID }),
          },
          ['channel', 'recipient', 'text'],
        ),
      },
    },
    (request, reply) =>
      actOnce(request, reply, 201, () => {
        const input = request.body;
        const agent = request.agent;
        const tenant = tenantOf(request);
        let recipient = input.recipient;
        if (input.channel === 'email') {
          if (!isValidEmail(recipient)) throw invalid('recipient', 'invalid-email', 'Invalid email.');
        } else {
          recipient = checkPhone('recipient', recipient, tenant, 'invalid-phone');
        }
        if (input.text.trim() === '') throw invalid('text', 'required', 'Message is empty.');
        if (input.channel === 'sms' && smsSegments(input.text) > tenant.sms_max_segments) {
          throw invalid('text', 'too-long', `An SMS may take at most ${tenant.sms_max_segments} segments.`);
        }
        const template =
          input.templateId === undefined
            ? undefined
            : store.catalog(agent.tenant_id, 'templates').find((t) => t.id === input.templateId && t.channel === input.channel);
        if (input.templateId !== undefined && !template) throw invalid('templateId', 'unknown', 'Unknown template.');
        if (input.channel === 'whatsapp' && !template?.approved) {
          throw invalid('templateId', 'not-approved', 'WhatsApp needs an approved template.');
        }
        if (input.callId !== undefined && !q.call.get(input.callId, agent.tenant_id)) throw notFound(`call ${input.callId}`);
        if (input.contactRecordId !== undefined && !q.contactRecord.get(input.contactRecordId, agent.tenant_id)) {
          throw notFound(`contact record ${input.contactRecordId}`);
        }
        const id = newId('msg');
        const sentAt = store.now();
        db.prepare(
          `INSERT INTO message_records (id, tenant_id, agent_id, channel, recipient, template_id, template_name, subject, text,
             sent_at, status, call_id, contact_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?)`,
        ).run(id, agent.tenant_id, agent.id, input.channel, recipient, template?.id ?? null, template?.name ?? null,
          input.subject ?? null, input.text, sentAt, input.callId ?? null, input.contactRecordId ?? null);
        db.prepare('INSERT INTO outbox (message_id, tenant_id, channel, recipient, text, queued_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          id, agent.tenant_id, input.channel, recipient, input.text, sentAt,
        );
        return store.messageObject(db.prepare('SELECT * FROM message_records WHERE id = ?').get(id));
      }),
  );

  // ---- call reasons ----------------------------------------------------------------------

  app.get('/api/v1/reason-tree', (request) => store.catalog(request.agent.tenant_id, 'reason-tree'));

  app.get('/api/v1/calls/:id/identified-reason', { schema: { params: idParams } }, (request, reply) => {
    const row = store.requireCall(request.agent, request.params.id);
    return orNoContent(reply, store.callObject(row).identifiedReason);
  });

  app.get('/api/v1/calls/:id/reason', { schema: { params: idParams } }, (request, reply) => {
    store.requireCall(request.agent, request.params.id);
    const row = q.callReason.get(request.params.id, request.agent.tenant_id);
    return orNoContent(reply, row ? store.savedReasonObject(row) : null);
  });

  app.put(
    '/api/v1/calls/:id/reason',
    {
      schema: {
        params: idParams,
        body: obj(
          {
            reasonIds: { type: 'array', minItems: 1, maxItems: 10, items: str(100, { minLength: 1 }) },
            remarks: str(2000),
          },
          ['reasonIds', 'remarks'],
        ),
      },
    },
    (request, reply) =>
      actOnce(request, reply, 200, () => {
        const { reasonIds, remarks } = request.body;
        const agent = request.agent;
        const tenant = tenantOf(request);
        const row = store.requireCall(agent, request.params.id);
        if (remarks.length > tenant.remarks_max_length) throw invalid('remarks', 'too-long', 'Remarks are too long.');
        if (!reasonIds.every((id) => store.reasonExists(agent.tenant_id, id))) {
          throw invalid('reasonIds', 'unknown', 'Unknown call reason.');
        }
        const savedAt = store.now();
        db.prepare(
          `INSERT INTO call_reasons (call_id, tenant_id, agent_id, reason_ids, remarks, saved_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (call_id) DO UPDATE SET reason_ids = excluded.reason_ids, remarks = excluded.remarks,
             saved_at = excluded.saved_at, agent_id = excluded.agent_id`,
        ).run(row.id, agent.tenant_id, agent.id, JSON.stringify(reasonIds), remarks, savedAt);
        db.prepare('UPDATE contact_records SET reason_path = ?, remarks = ? WHERE call_id = ? AND tenant_id = ?').run(
          JSON.stringify(store.reasonPath(agent.tenant_id, reasonIds)), remarks, row.id, agent.tenant_id,
        );
        return { callId: row.id, reasonIds, remarks, savedAt };
      }),
  );

  // ---- harassment records ------------------------------------------------------------------

  app.get('/api/v1/harassment-records', { schema: { querystring: obj({ number: phone }, ['number']) } }, (request) => {
    const [a, b] = store.numberForms(tenantOf(request), request.query.number);
    return db
      .prepare('SELECT * FROM harassment_records WHERE tenant_id = ? AND number IN (?, ?) ORDER BY created_at DESC')
      .all(request.agent.tenant_id, a, b)
      .map(store.harassmentObject);
  });

  app.post(
    '/api/v1/harassment-records',
    {
      schema: {
        body: obj(
          {
            number: phone,
            listType: { type: 'string', enum: ['black', 'red'] },
            reason: str(4096, { minLength: 1 }),
            callId: str(100, { minLength: 1, pattern: ID }),
          },
          ['number', 'listType', 'reason', 'callId'],
        ),
      },
    },
    (request, reply) =>
      actOnce(request, reply, 201, () => {
        const input = request.body;
        const agent = request.agent;
        const tenant = tenantOf(request);
        const number = checkPhone('number', input.number, tenant);
        if (input.reason.trim() === '') throw invalid('reason', 'required', 'Reason is required.');
        if (input.reason.length > tenant.harassment_reason_max_length) throw invalid('reason', 'too-long', 'Reason is too long.');
        const call = store.requireCall(agent, input.callId);
        if (call.two_party !== 1) throw conflict('not-two-party', 'Only during a two-party call.');
        const id = newId('har');
        db.prepare(
          `INSERT INTO harassment_records (id, tenant_id, number, list_type, reason, call_id, created_at, status, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
        ).run(id, agent.tenant_id, number, input.listType, input.reason, call.id, store.now(), agent.work_no);
        return store.harassmentObject(db.prepare('SELECT * FROM harassment_records WHERE id = ?').get(id));
      }),
  );

  // ---- identity authentication ----------------------------------------------------------

  app.get('/api/v1/auth-modes', (request) => store.catalog(request.agent.tenant_id, 'auth-modes'));

  app.post(
    '/api/v1/calls/:id/identity-auths',
    { schema: { params: idParams, body: obj({ modeId: str(100, { minLength: 1 }) }, ['modeId']) } },
    (request, reply) =>
      actOnce(request, reply, 201, () => {
        const agent = request.agent;
        const row = ownCall(agent, request.params.id);
        if (!store.catalog(agent.tenant_id, 'auth-modes').some((m) => m.id === request.body.modeId)) {
          throw invalid('modeId', 'unknown', 'Unknown identity check.');
        }
        requireState(row, ['connected', 'held'], 'call-not-connected');
        const id = newId('auth');
        db.prepare(
          `INSERT INTO identity_auths (id, tenant_id, agent_id, call_id, mode_id, status, started_at)
           VALUES (?, ?, ?, ?, ?, 'in-progress', ?)`,
        ).run(id, agent.tenant_id, agent.id, row.id, request.body.modeId, store.now());
        const result = store.identityAuthObject(q.identityAuth.get(id, agent.tenant_id));
        store.emit(agent.id, agent.tenant_id, 'identity-auth', { result });
        sim.identityAuthStarted(id);
        return result;
      }),
  );

  app.get('/api/v1/identity-auths/:id', { schema: { params: idParams } }, (request) => {
    const row = q.identityAuth.get(request.params.id, request.agent.tenant_id);
    if (!row) throw notFound(`identity check ${request.params.id}`);
    return store.identityAuthObject(row);
  });

  // ---- screen pop-ups -----------------------------------------------------------------------

  app.get('/api/v1/screen-popups', (request) => store.catalog(request.agent.tenant_id, 'screen-popups'));
}

/** SMS segments a text takes: GSM-7-ish text 160/153 characters, anything else 70/67 (UCS-2). */
export function smsSegments(text) {
  const chars = Array.from(text);
  const gsm = chars.every((c) => /^[\x0a\x0d\x20-\x7e£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà€]$/.test(c));
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const length = gsm ? chars.length + chars.filter((c) => '^{}\\[~]|€'.includes(c)).length : chars.length;
  return length <= single ? 1 : Math.ceil(length / multi);
}

export { ApiError };
