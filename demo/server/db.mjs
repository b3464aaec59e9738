// The reference server's storage: one SQLite file, numbered migrations, and
// the demo seed written once on first start.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Numbered migrations. Append only: a released migration never changes. */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        default_country_code TEXT NOT NULL,
        remarks_max_length INTEGER NOT NULL,
        handled_number_max_length INTEGER NOT NULL,
        harassment_reason_max_length INTEGER NOT NULL,
        sms_max_segments INTEGER NOT NULL
      );
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        work_no TEXT NOT NULL,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'signed-out',
        rest_reason_id TEXT,
        current_call_id TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0
      );
      -- Read-mostly lists per tenant (reason tree, templates, auth modes, ...), as JSON.
      CREATE TABLE catalogs (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (tenant_id, name)
      );
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        gender TEXT,
        email TEXT,
        address TEXT,
        level TEXT,
        notes TEXT,
        fields TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE customer_phones (
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        PRIMARY KEY (customer_id, position)
      );
      CREATE INDEX customer_phones_number ON customer_phones (tenant_id, number);
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        agent_id TEXT NOT NULL REFERENCES agents(id),
        media_type TEXT NOT NULL,
        direction TEXT NOT NULL,
        state TEXT NOT NULL,
        calling_number TEXT NOT NULL,
        called_number TEXT NOT NULL,
        customer_number TEXT NOT NULL,
        handled_number TEXT,
        skill_queue TEXT,
        skill_queue_id TEXT,
        recording_on INTEGER NOT NULL DEFAULT 0,
        recording_id TEXT,
        smart_analysis TEXT,
        start_time INTEGER NOT NULL,
        end_time INTEGER,
        two_party INTEGER NOT NULL DEFAULT 1,
        muted INTEGER NOT NULL DEFAULT 0,
        asr_enabled INTEGER NOT NULL DEFAULT 1,
        identified_reason TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX calls_agent ON calls (agent_id, created_at);
      CREATE TABLE contact_records (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        call_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        direction TEXT NOT NULL,
        customer_number TEXT NOT NULL,
        handled_number TEXT NOT NULL,
        start_time INTEGER NOT NULL,
        end_time INTEGER NOT NULL,
        agent_name TEXT NOT NULL,
        agent_work_no TEXT NOT NULL,
        skill_queue TEXT,
        reason_path TEXT,
        remarks TEXT,
        recording_id TEXT
      );
      CREATE INDEX contact_records_number ON contact_records (tenant_id, handled_number, start_time);
      CREATE INDEX contact_records_call ON contact_records (call_id);
      CREATE TABLE message_records (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        agent_id TEXT,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        template_id TEXT,
        template_name TEXT,
        subject TEXT,
        text TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        call_id TEXT,
        contact_record_id TEXT
      );
      CREATE INDEX message_records_call ON message_records (tenant_id, call_id);
      CREATE INDEX message_records_contact ON message_records (tenant_id, contact_record_id);
      -- What the (simulated) SMS/email/WhatsApp gateway was asked to deliver.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        message_id TEXT NOT NULL REFERENCES message_records(id),
        tenant_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        text TEXT NOT NULL,
        queued_at INTEGER NOT NULL
      );
      CREATE TABLE call_reasons (
        call_id TEXT PRIMARY KEY REFERENCES calls(id),
        tenant_id TEXT NOT NULL,
        agent_id TEXT NOT NULL,
        reason_ids TEXT NOT NULL,
        remarks TEXT NOT NULL,
        saved_at INTEGER NOT NULL
      );
      CREATE TABLE harassment_records (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        number TEXT NOT NULL,
        list_type TEXT NOT NULL,
        reason TEXT NOT NULL,
        call_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE INDEX harassment_records_number ON harassment_records (tenant_id, number);
      CREATE TABLE identity_auths (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        agent_id TEXT NOT NULL,
        call_id TEXT NOT NULL,
        mode_id TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        completed_at INTEGER
      );
      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        file TEXT NOT NULL,
        content_type TEXT NOT NULL
      );
      -- The per-agent event log behind the SSE stream; seq comes from agents.last_seq.
      CREATE TABLE events (
        agent_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (agent_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE idempotency (
        tenant_id TEXT NOT NULL,
        agent_id TEXT NOT NULL,
        key TEXT NOT NULL,
        route TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, agent_id, key)
      );
    `,
  },
  {
    version: 2,
    name: 'index events by time for pruning',
    sql: `CREATE INDEX events_at ON events (at);`,
  },
];

export function hashToken(token) {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens (creating if needed) the database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'av-workbench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db) {
  const current = db.pragma('user_version', { simple: true });
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** The demo tenants, agents and tokens (documented in docs/protocol.md). */
export const SEED_TENANTS = [
  {
    id: 'tenant-a',
    name: 'Acme Telecom',
    defaultCountryCode: '86',
    agents: [
      { id: 'agent-1001', workNo: '1001', name: 'Lin Wei', token: 'avw-demo-a-1001' },
      { id: 'agent-1002', workNo: '1002', name: 'Sara Ali', token: 'avw-demo-a-1002' },
      { id: 'agent-1003', workNo: '1003', name: 'Tom Becker', token: 'avw-demo-a-1003' },
    ],
  },
  {
    id: 'tenant-b',
    name: 'Blue Harbor Bank',
    defaultCountryCode: '1',
    agents: [
      { id: 'agent-b-2001', workNo: '2001', name: 'Jonas Berg', token: 'avw-demo-b-2001' },
      { id: 'agent-b-2002', workNo: '2002', name: 'Amara Okafor', token: 'avw-demo-b-2002' },
    ],
  },
];

const tenantBCustomers = [
  {
    id: 'tb-cust-1',
    name: 'Olivia Brown',
    gender: 'female',
    phoneNumbers: ['+14155550199'],
    email: 'olivia.brown@example.com',
    level: 'Private Banking',
    fields: { level: 'Private Banking', balance: 25400, memberSince: '2016-05-09', city: 'Boston' },
  },
  {
    id: 'tb-cust-2',
    name: 'Kenji Sato',
    gender: 'male',
    phoneNumbers: ['+819012345678'],
    level: 'Standard',
    fields: { level: 'Standard', balance: 310.75, memberSince: '2022-02-17', city: 'Osaka' },
  },
];

/** Writes the demo data once, in one transaction. */
export function seedIfEmpty(db, shared, { now = Date.now(), recordingFile }) {
  if (db.prepare('SELECT COUNT(*) AS n FROM tenants').get().n > 0) return false;
  const {
    DEFAULT_LIMITS,
    seedCustomers,
    seedContactRecords,
    seedMessageRecords,
    seedHarassmentRecords,
    seedTemplates,
    seedReasonTree,
    seedAuthModes,
    seedRestReasons,
    seedScreenPopups,
  } = shared;
  db.transaction(() => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('recording-secret', randomBytes(32).toString('hex'));
    const insertTenant = db.prepare(
      `INSERT INTO tenants (id, name, default_country_code, remarks_max_length, handled_number_max_length,
         harassment_reason_max_length, sms_max_segments) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAgent = db.prepare('INSERT INTO agents (id, tenant_id, work_no, name, token_hash) VALUES (?, ?, ?, ?, ?)');
    const insertCatalog = db.prepare('INSERT INTO catalogs (tenant_id, name, data) VALUES (?, ?, ?)');
    for (const tenant of SEED_TENANTS) {
      insertTenant.run(
        tenant.id,
        tenant.name,
        tenant.defaultCountryCode,
        DEFAULT_LIMITS.remarksMaxLength,
        DEFAULT_LIMITS.handledNumberMaxLength,
        DEFAULT_LIMITS.harassmentReasonMaxLength,
        DEFAULT_LIMITS.smsMaxSegments,
      );
      for (const agent of tenant.agents) insertAgent.run(agent.id, tenant.id, agent.workNo, agent.name, hashToken(agent.token));
      insertCatalog.run(tenant.id, 'reason-tree', JSON.stringify(seedReasonTree));
      insertCatalog.run(tenant.id, 'templates', JSON.stringify(seedTemplates));
      insertCatalog.run(tenant.id, 'auth-modes', JSON.stringify(seedAuthModes));
      insertCatalog.run(tenant.id, 'rest-reasons', JSON.stringify(seedRestReasons));
      insertCatalog.run(tenant.id, 'screen-popups', JSON.stringify(seedScreenPopups));
    }
    for (const customer of seedCustomers) insertCustomer(db, 'tenant-a', customer, now);
    for (const customer of tenantBCustomers) insertCustomer(db, 'tenant-b', customer, now);

    const recordsA = [
      ...seedContactRecords(now, '+8613800138000', 12, 'cr'),
      ...seedContactRecords(now, '+14155550123', 4, 'cr-mg'),
      ...seedContactRecords(now, '+8613911112222', 2, 'cr-cj'),
    ];
    const recordsB = seedContactRecords(now, '+14155550199', 5, 'tb-cr');
    for (const record of recordsA) insertContactRecord(db, 'tenant-a', record, recordingFile);
    for (const record of recordsB) insertContactRecord(db, 'tenant-b', record, recordingFile);
    const insertMessage = db.prepare(
      `INSERT INTO message_records (id, tenant_id, channel, recipient, template_id, template_name, subject, text,
         sent_at, status, call_id, contact_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const m of seedMessageRecords(recordsA.filter((r) => r.customerNumber === '+8613800138000'))) {
      insertMessage.run(m.id, 'tenant-a', m.channel, m.recipient, m.templateId ?? null, m.templateName ?? null, m.subject ?? null,
        m.text, m.sentAt, m.status, m.callId ?? null, m.contactRecordId ?? null);
    }
    const insertHarassment = db.prepare(
      `INSERT INTO harassment_records (id, tenant_id, number, list_type, reason, call_id, created_at, status, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const h of seedHarassmentRecords(now)) {
      insertHarassment.run(h.id, 'tenant-a', h.number, h.listType, h.reason, h.callId, h.createdAt, h.status, h.createdBy);
    }
  })();
  return true;
}

export function insertCustomer(db, tenantId, customer, now) {
  db.prepare(
    `INSERT INTO customers (id, tenant_id, name, gender, email, address, level, notes, fields, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    customer.id, tenantId, customer.name, customer.gender ?? null, customer.email ?? null, customer.address ?? null,
    customer.level ?? null, customer.notes ?? null, customer.fields ? JSON.stringify(customer.fields) : null, now, now,
  );
  const insertPhone = db.prepare('INSERT INTO customer_phones (customer_id, tenant_id, position, number) VALUES (?, ?, ?, ?)');
  customer.phoneNumbers.forEach((number, i) => insertPhone.run(customer.id, tenantId, i, number));
}

function insertContactRecord(db, tenantId, r, recordingFile) {
  db.prepare(
    `INSERT INTO contact_records (id, tenant_id, call_id, channel, direction, customer_number, handled_number, start_time,
       end_time, agent_name, agent_work_no, skill_queue, reason_path, remarks, recording_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id, tenantId, r.callId, r.channel, r.direction, r.customerNumber, r.handledNumber, r.startTime, r.endTime,
    r.agentName, r.agentWorkNo, r.skillQueue ?? null, r.reasonPath ? JSON.stringify(r.reasonPath) : null, r.remarks ?? null,
    r.recordingId ?? null,
  );
  if (r.recordingId) {
    db.prepare('INSERT INTO recordings (id, tenant_id, file, content_type) VALUES (?, ?, ?, ?)').run(
      r.recordingId, tenantId, recordingFile, 'audio/wav',
    );
  }
}
