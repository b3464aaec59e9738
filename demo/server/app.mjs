// The reference backend: Fastify over SQLite, speaking the protocol in
// docs/protocol.md. `createServer` builds it; start.mjs runs it.
import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken, openDatabase, seedIfEmpty } from './db.mjs';
import { buildHttpBackendModule, buildStandaloneModule, loadShared } from './load-shared.mjs';
import { registerRoutes } from './routes.mjs';
import { createSimulator, registerSimulatorRoutes } from './simulator.mjs';
import { ApiError, STATUS_BY_KIND, createStore } from './store.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASSETS = join(ROOT, 'demo', 'assets');
const TENANT_PAGES = join(ROOT, 'demo', 'tenant');
const STANDALONE = '/dist/standalone/av-workbench.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

/**
 * @param {object} options
 * @param {string} options.dataDir where the SQLite file lives
 * @param {boolean} [options.simulator] expose /api/v1/sim/*
 * @param {boolean} [options.testFaults] expose the fault hook (tests only)
 * @param {string[]} [options.allowedOrigins] CORS origins; `*` matches any run of characters
 * @param {number} [options.recordingTtlMs] lifetime of a signed recording URL
 * @param {number} [options.transcriptRate] default transcript segments per second
 * @param {number} [options.outboundAnswerMs] when the far end answers an outbound call (-1: never by itself)
 * @param {number} [options.authDelayMs] when an IVR identity check finishes
 * @param {number} [options.heartbeatMs] SSE keep-alive comment interval
 * @param {boolean} [options.logger] Fastify request logging
 * @param {string} [options.workbenchOrigin] the origin that embeds the tenant pages (default http://localhost:PORT)
 * @param {boolean} [options.bundleFromSource] serve the standalone bundle built from src/, even when dist/ has one
 */
export async function createServer(options) {
  const opts = {
    simulator: false,
    testFaults: false,
    allowedOrigins: [],
    recordingTtlMs: 5 * 60 * 1000,
    transcriptRate: 2,
    outboundAnswerMs: 1500,
    authDelayMs: 1500,
    heartbeatMs: 15000,
    logger: false,
    ...options,
  };
  const shared = await loadShared();
  const db = openDatabase(opts.dataDir);
  seedIfEmpty(db, shared, { recordingFile: 'sample-recording.wav' });
  const store = createStore(db, shared);
  const secret = Buffer.from(db.prepare("SELECT value FROM settings WHERE key = 'recording-secret'").get().value, 'hex');
  const sim = createSimulator(store, shared, { ...opts, log: (m) => app.log.warn(m) });
  const faults = opts.testFaults ? { drop: new Map(), cut: new Map() } : null;
  const originPatterns = opts.allowedOrigins.map(
    (o) => new RegExp(`^${o.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`),
  );
  const streams = new Set();
  let httpBackendModule = null;
  let standaloneModule = null;

  const app = Fastify({
    logger: opts.logger,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    forceCloseConnections: true,
  });

  // ---- errors ----------------------------------------------------------------

  function sendError(reply, status, kind, message, field, code) {
    const error = { kind, message, ...(field ? { field } : {}), ...(code ? { code } : {}) };
    return reply.code(status).type('application/json; charset=utf-8').send({ error });
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error.status, error.kind, error.message, error.field, error.code);
    if (error.validation) {
      const [field, code] = describeValidation(error.validation[0], error.validationContext);
      const message = code === 'unknown-field' ? `Unknown field ${field}.` : `Invalid ${field}: ${error.validation[0]?.message ?? 'bad value'}.`;
      return sendError(reply, 400, 'validation', message, field, code);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE': {
        const answer = () => sendError(reply, 413, 'validation', 'The request body is too large.', 'body', 'too-large');
        // Answering mid-upload makes the socket close under the client, which
        // may then see a reset instead of this answer: read (and drop) a
        // moderately large body to the end first.
        const length = Number(request.headers['content-length']);
        if (request.raw.complete || !(length <= 64 * 1024 * 1024)) return answer();
        reply.header('connection', 'close');
        return new Promise((resolve) => {
          request.raw.on('end', () => resolve(answer()));
          request.raw.on('error', () => resolve(answer()));
          request.raw.removeAllListeners('data');
          request.raw.on('data', () => undefined);
          request.raw.resume();
        });
      }
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'validation', 'Send JSON (Content-Type: application/json).', 'body', 'unsupported-media-type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'validation', 'The request body is empty.', 'body', 'required');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, 400, 'validation', 'Content-Length does not match the body.', 'body', 'invalid-length');
    }
    if (error.statusCode === 400) return sendError(reply, 400, 'validation', 'The request body is not valid JSON.', 'body', 'invalid-json');
    if (error.statusCode && error.statusCode < 500) return sendError(reply, error.statusCode, 'validation', error.message, undefined, 'bad-request');
    request.log.error(error);
    return sendError(reply, 500, 'unavailable', 'The server failed; try again.', undefined, 'internal');
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`));

  // ---- CORS, authentication, faults -----------------------------------------

  function originAllowed(request) {
    const origin = request.headers.origin;
    if (!origin) return true;
    if (origin === `http://${request.headers.host}` || origin === `https://${request.headers.host}`) return true;
    return originPatterns.some((p) => p.test(origin));
  }

  function corsHeaders(request) {
    const origin = request.headers.origin;
    if (!origin || !originAllowed(request)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'Idempotent-Replayed, Retry-After',
      vary: 'Origin',
    };
  }

  app.addHook('onRequest', async (request, reply) => {
    // The standalone bundle is a public file a tenant page on any origin may
    // load as a module script (which is fetched with CORS); no credentials ride along.
    if (request.method === 'GET' && request.url.split('?')[0].startsWith('/dist/standalone/')) {
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
      return;
    }
    if (!originAllowed(request)) {
      return sendError(reply, 403, 'forbidden', 'This origin may not call the API.', undefined, 'origin-not-allowed');
    }
    reply.headers(corsHeaders(request));
    const path = request.url.split('?')[0];
    if (request.method === 'OPTIONS' || !path.startsWith('/api/v1/') || path === '/api/v1/health') return;
    const match = /^Bearer ([\x21-\x7e]{8,200})$/.exec(request.headers.authorization ?? '');
    const agent = match ? store.authenticate(hashToken(match[1])) : null;
    if (!agent) {
      reply.header('www-authenticate', 'Bearer');
      return sendError(reply, 401, 'forbidden', 'Send a valid agent token: Authorization: Bearer <token>.', undefined, 'unauthenticated');
    }
    request.agent = agent;
  });

  app.options('/*', (request, reply) => {
    reply
      .headers({
        'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
        'access-control-max-age': '600',
      })
      .code(204)
      .send();
  });

  if (faults) {
    // Drops the answer after the handler committed: the client sees a broken
    // connection and cannot tell whether the write happened.
    app.addHook('onSend', async (request, reply, payload) => {
      const route = `${request.method} ${request.routeOptions.url}`;
      const left = faults.drop.get(route);
      if (left && reply.statusCode < 400) {
        if (left <= 1) faults.drop.delete(route);
        else faults.drop.set(route, left - 1);
        request.raw.socket.destroy();
      }
      return payload;
    });
  }

  // Routes without a body or query schema take none: anything sent is refused,
  // not ignored, like an unknown field.
  app.addHook('preValidation', async (request, reply) => {
    // A preflight carries the real request's query; it is not for this hook.
    if (request.method === 'OPTIONS' || !request.url.startsWith('/api/v1/')) return;
    const schema = request.routeOptions.schema ?? {};
    if (!schema.body && request.body !== undefined && request.body !== null) {
      const extra = typeof request.body === 'object' ? Object.keys(request.body)[0] : undefined;
      if (extra !== undefined || typeof request.body !== 'object') {
        return sendError(reply, 400, 'validation', 'This route takes no body.', extra ?? 'body', 'unknown-field');
      }
    }
    if (!schema.querystring) {
      const name = Object.keys(request.query ?? {})[0];
      if (name !== undefined) return sendError(reply, 400, 'validation', `Unknown field ${name}.`, name, 'unknown-field');
    }
  });

  // ---- the API ---------------------------------------------------------------------

  app.get('/api/v1/health', () => ({ ok: true }));

  function recordingUrl(request, recordingId) {
    const expiresAt = Date.now() + opts.recordingTtlMs;
    const sig = sign(recordingId, expiresAt);
    const base = opts.publicUrl ?? `${request.protocol}://${request.headers.host}`;
    return { url: `${base}/recordings/${encodeURIComponent(recordingId)}?exp=${expiresAt}&sig=${sig}`, expiresAt };
  }

  function sign(recordingId, expiresAt) {
    return createHmac('sha256', secret).update(`${recordingId}\n${expiresAt}`).digest('base64url');
  }

  registerRoutes(app, { store, shared, sim, recordingUrl });
  if (opts.simulator) registerSimulatorRoutes(app, { store, shared, sim, faults });

  // ---- the event stream ----------------------------------------------------------

  app.get(
    '/api/v1/events',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { since: { type: 'string', pattern: '^[0-9]{1,15}$' } },
        },
      },
    },
    (request, reply) => {
      const header = request.headers['last-event-id'];
      if (header !== undefined && !/^[0-9]{1,15}$/.test(header)) {
        return sendError(reply, 400, 'validation', 'Last-Event-ID is a sequence number.', 'Last-Event-ID', 'invalid-format');
      }
      const agentId = request.agent.id;
      const lastSeq = store.q.agent.get(agentId).last_seq;
      const since = header !== undefined ? Number(header) : request.query.since !== undefined ? Number(request.query.since) : lastSeq;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...corsHeaders(request),
      });
      res.write(`retry: 1000\nid: ${since}\nevent: ready\ndata: {"seq":${since},"lastSeq":${lastSeq}}\n\n`);
      let closed = false;
      let unfollow = null;
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs);
      streams.add(res);
      // May run while the backlog is still being sent, before `unfollow` exists: see below.
      const close = () => {
        if (closed) return;
        closed = true;
        unfollow?.();
        clearInterval(heartbeat);
        streams.delete(res);
        // After what was written reaches the socket (Node corks the first writes
        // until the next tick): a browser silently retries a request that got
        // no bytes at all, which would hide the cut.
        setImmediate(() => res.destroy());
      };
      // The response's close, not the request's: a request "closes" once its body is read.
      res.on('close', close);
      unfollow = store.follow(agentId, since, (event) => {
        if (closed) return;
        res.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${event.data}\n\n`);
        // A client that stopped reading is dropped; it resumes from its last id.
        if (res.writableLength > 8 * 1024 * 1024) close();
        const cut = faults?.cut.get(agentId);
        if (cut && ++cut.sent >= cut.afterEvents) {
          cut.sent = 0;
          cut.times -= 1;
          if (cut.times <= 0) faults.cut.delete(agentId);
          close();
        }
      });
      if (closed) unfollow();
    },
  );

  // ---- recordings ----------------------------------------------------------------

  app.get(
    '/recordings/:id',
    {
      schema: {
        params: { type: 'object', additionalProperties: false, properties: { id: { type: 'string', maxLength: 100 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['exp', 'sig'],
          properties: { exp: { type: 'string', pattern: '^[0-9]{1,15}$' }, sig: { type: 'string', maxLength: 100 } },
        },
      },
    },
    (request, reply) => {
      const { exp, sig } = request.query;
      const expected = Buffer.from(sign(request.params.id, Number(exp)));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return sendError(reply, 403, 'forbidden', 'This recording link is not valid.', undefined, 'bad-signature');
      }
      if (Date.now() > Number(exp)) {
        return sendError(reply, 403, 'forbidden', 'This recording link has expired; ask for a new one.', undefined, 'expired');
      }
      const row = store.q.recordingById.get(request.params.id);
      if (!row) return sendError(reply, 404, 'not-found', 'No such recording.');
      reply.header('cache-control', 'private, max-age=60');
      return sendFile(request, reply, join(ASSETS, row.file), row.content_type);
    },
  );

  // ---- the demo page and the built library ----------------------------------------

  app.get('/', (request, reply) => sendFile(request, reply, join(ROOT, 'demo', 'index.html')));
  app.get('/demo/http-backend.js', async (_request, reply) => {
    httpBackendModule ??= await buildHttpBackendModule();
    return reply.type(TYPES['.js']).header('cache-control', 'no-cache').send(httpBackendModule);
  });
  app.get(STANDALONE, async (request, reply) => {
    const built = join(ROOT, STANDALONE);
    if (!opts.bundleFromSource && existsSync(built)) return sendFile(request, reply, built);
    standaloneModule ??= await buildStandaloneModule();
    return reply.type(TYPES['.js']).header('cache-control', 'no-cache').send(standaloneModule);
  });

  // The example tenant pop-up pages, meant to be opened from a second origin:
  // the workbench at http://localhost:PORT embeds http://127.0.0.1:PORT/tenant/...
  // The browser keeps the two apart (origins compare host names as written),
  // so one server gives a real cross-origin setup without a second listener.
  app.get('/tenant/:page', (request, reply) => {
    const file = safeJoin(TENANT_PAGES, request.params.page);
    const type = file ? extname(file) : '';
    if (!file || (type !== '.html' && type !== '.css') || !existsSync(file)) return sendError(reply, 404, 'not-found', 'No such tenant page.');
    const workbench = opts.workbenchOrigin ?? `http://localhost:${app.server.address().port}`;
    const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    // The pages' stylesheet: a strict policy allows styles from a file only.
    if (type === '.css') return reply.type(TYPES['.css']).headers(headers).send(readFileSync(file, 'utf8'));
    // The pages name the workbench they trust (parent-origin); this server
    // knows its own port only at run time, so it writes it in.
    const page = readFileSync(file, 'utf8').replace(/parent-origin="[^"]*"/g, `parent-origin="${workbench}"`);
    return reply
      .type(TYPES['.html'])
      .headers({
        ...headers,
        // The strict policy a tenant should serve its pages with: nothing
        // inline, scripts from itself and the workbench's origin (where the
        // standalone bundle lives), and only the workbench may frame the page.
        'content-security-policy': [
          "default-src 'self'",
          `script-src 'self' ${workbench}`,
          "style-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          `frame-ancestors ${workbench}`,
        ].join('; '),
      })
      .send(page);
  });

  const mount = (prefix, dir, allowed = () => true) =>
    app.get(`${prefix}/*`, (request, reply) => {
      const root = join(ROOT, dir);
      const file = safeJoin(root, request.params['*']);
      if (!file || !allowed(file.slice(root.length + 1))) return sendError(reply, 404, 'not-found', 'No such file.');
      return sendFile(request, reply, file);
    });
  // The demo page's own files only: never the server's sources or its database.
  mount('/demo', 'demo', (rel) => !rel.includes(sep) || rel.startsWith(`assets${sep}`));
  mount('/dist', 'dist');
  mount('/storybook', 'storybook-static');

  app.addHook('onClose', async () => {
    sim.close();
    for (const res of streams) res.destroy();
    db.close();
  });

  // Events older than a day are no longer resumable; keep the log small.
  const prune = setInterval(() => store.pruneEvents(24 * 60 * 60 * 1000), 60 * 60 * 1000);
  prune.unref();
  app.addHook('onClose', async () => clearInterval(prune));

  return { app, db, store, sim };
}

/** The Ajv error as the field it names and a short machine-readable code. */
function describeValidation(error, context) {
  if (!error) return [context ?? 'body', 'invalid'];
  // Array indexes are left out (`phoneNumbers`, not `phoneNumbers.0`); object keys stay (`parameters.1`).
  const steps = [];
  const schemaParts = error.schemaPath.split('/');
  for (let i = 0; i < schemaParts.length; i++) {
    if (schemaParts[i] === 'properties' || schemaParts[i] === 'patternProperties') {
      steps.push(true);
      i++;
    } else if (schemaParts[i] === 'additionalProperties' && i < schemaParts.length - 1) steps.push(true);
    else if (schemaParts[i] === 'items') steps.push(false);
  }
  const path = error.instancePath
    .split('/')
    .slice(1)
    .filter((_p, i) => steps[i] !== false)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  let field = path.join('.');
  const code = {
    additionalProperties: 'unknown-field',
    required: 'required',
    type: 'invalid-type',
    maxLength: 'too-long',
    minLength: error.params?.limit === 1 ? 'required' : 'too-short',
    maxItems: 'too-many',
    minItems: 'required',
    maxProperties: 'too-many',
    enum: 'invalid-value',
    const: 'invalid-value',
    pattern: 'invalid-format',
    format: 'invalid-format',
    minimum: 'out-of-range',
    maximum: 'out-of-range',
    propertyNames: 'invalid-format',
  }[error.keyword] ?? 'invalid';
  if (error.keyword === 'additionalProperties') field = [...path, error.params.additionalProperty].join('.');
  if (error.keyword === 'required') field = [...path, error.params.missingProperty].join('.');
  return [field || context || 'body', code];
}

function safeJoin(root, rel) {
  const file = normalize(join(root, decodeURIComponent(rel ?? '')));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** Serves a file, with single byte ranges so `<audio>` can seek. */
function sendFile(request, reply, file, type) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    return reply.code(404).type('application/json; charset=utf-8').send({ error: { kind: 'not-found', message: 'No such file.' } });
  }
  const size = statSync(file).size;
  reply.type(type ?? TYPES[file.endsWith('.d.ts') ? '.d.ts' : extname(file)] ?? 'application/octet-stream');
  reply.header('accept-ranges', 'bytes');
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (range && (range[1] !== '' || range[2] !== '')) {
    const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
    const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      return reply.code(416).header('content-range', `bytes */${size}`).send();
    }
    reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`).header('content-length', end - start + 1);
    return reply.send(createReadStream(file, { start, end }));
  }
  reply.header('content-length', size);
  return reply.send(createReadStream(file));
}

export { STATUS_BY_KIND };
