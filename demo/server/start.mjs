#!/usr/bin/env node
// Runs the reference backend and the demo page: `npm start`, or
//   node demo/server/start.mjs [--port 8787] [--host localhost] [--data-dir DIR]
//     [--allow-origin ORIGIN]... [--dev] [--no-simulator] [--test-faults]
//     [--recording-ttl-ms N] [--transcript-rate N] [--outbound-answer-ms N]
//     [--auth-delay-ms N] [--workbench-origin ORIGIN] [--bundle-from-source] [--log]
// Environment: PORT, HOST, AVW_DATA_DIR, AVW_ALLOWED_ORIGINS (comma list),
// AVW_SIMULATOR=0|1, AVW_TEST_FAULTS=1, AVW_RECORDING_TTL_MS, AVW_TRANSCRIPT_RATE.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, createServer } from './app.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    dev: { type: 'boolean' },
    simulator: { type: 'boolean' },
    'no-simulator': { type: 'boolean' },
    'test-faults': { type: 'boolean' },
    'recording-ttl-ms': { type: 'string' },
    'transcript-rate': { type: 'string' },
    'outbound-answer-ms': { type: 'string' },
    'auth-delay-ms': { type: 'string' },
    'workbench-origin': { type: 'string' },
    'bundle-from-source': { type: 'boolean' },
    log: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('See the header of demo/server/start.mjs and docs/protocol.md.');
  process.exit(0);
}

const env = process.env;
function number(flag, envName, fallback) {
  const raw = values[flag] ?? (envName ? env[envName] : undefined);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`--${flag} must be a number, got ${raw}.`);
    process.exit(2);
  }
  return n;
}

const origins = [
  ...(values['allow-origin'] ?? []),
  ...(env.AVW_ALLOWED_ORIGINS ? env.AVW_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : []),
  ...(values.dev ? ['http://localhost:*', 'http://127.0.0.1:*'] : []),
];
// The demo needs the simulator, so it is on unless turned off.
const simulator = values['no-simulator'] ? false : values.simulator ?? env.AVW_SIMULATOR !== '0';

const { app } = await createServer({
  dataDir: values['data-dir'] ?? env.AVW_DATA_DIR ?? join(ROOT, 'demo', 'server', 'data'),
  simulator,
  testFaults: values['test-faults'] === true || env.AVW_TEST_FAULTS === '1',
  allowedOrigins: origins,
  recordingTtlMs: number('recording-ttl-ms', 'AVW_RECORDING_TTL_MS', 5 * 60 * 1000),
  transcriptRate: number('transcript-rate', 'AVW_TRANSCRIPT_RATE', 2),
  outboundAnswerMs: number('outbound-answer-ms', undefined, 1500),
  authDelayMs: number('auth-delay-ms', undefined, 1500),
  logger: values.log === true,
  workbenchOrigin: workbenchOrigin(values['workbench-origin']),
  bundleFromSource: values['bundle-from-source'] === true,
});

function workbenchOrigin(raw) {
  if (raw === undefined) return undefined;
  try {
    const origin = new URL(raw).origin;
    if (origin !== 'null') return origin;
  } catch {
    // Reported below.
  }
  console.error(`--workbench-origin must be an origin such as http://localhost:8787, got ${raw}.`);
  process.exit(2);
}

const port = number('port', 'PORT', 8787);
const host = values.host ?? env.HOST ?? 'localhost';
try {
  await app.listen({ port, host });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port <another>.` : error.message);
  process.exit(1);
}
const actual = app.server.address().port;
console.log(`av-workbench reference server listening on http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actual}/`);
if (simulator) console.log('Simulator on: /api/v1/sim/*. Demo tokens are listed in docs/protocol.md.');
console.log(
  `Tenant pop-up pages: http://127.0.0.1:${actual}/tenant/orders.html and /tenant/sms.html, a second origin for the workbench at http://localhost:${actual}/.`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    process.exit(0);
  });
}
