// Drives the reference server with many simultaneous calls, each streaming a
// transcript, and reads every agent's event stream over loopback. Prints
// events/s, delivery latency (server commit to client parse) and lost events.
//
//   npm run bench:server [-- --calls 200 --rate 5 --seconds 60]
//
// Bounded: it stops by itself after the calls' transcripts end (plus a grace period).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    rate: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
  },
});
const CALLS = Number(values.calls);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const PER_CALL = Math.round(RATE * SECONDS);
const ADMIN = 'avw-demo-a-1001';
const root = fileURLToPath(new URL('..', import.meta.url));

const dataDir = mkdtempSync(join(tmpdir(), 'avw-bench-'));
const server = spawn(
  process.execPath,
  [join(root, 'demo/server/start.mjs'), '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--simulator'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.once('exit', stop);
process.once('SIGINT', () => process.exit(130));

const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

async function api(token, path, body, method = body === undefined ? 'GET' : 'POST') {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** One agent's stream: every event's seq and, for transcript events, the latency. */
function follow(token) {
  const state = { seqs: [], transcript: 0, latencies: [], controller: new AbortController() };
  state.done = (async () => {
    const response = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: state.controller.signal,
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data || block.includes('event: ready')) continue;
          const event = JSON.parse(data.slice(6));
          const now = Date.now();
          state.seqs.push(event.seq);
          if (event.type === 'transcript') {
            state.transcript += 1;
            window.first ??= now;
            window.last = now;
            const second = Math.floor(now / 1000);
            perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
            state.latencies.push(now - event.at);
          }
        }
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  })();
  return state;
}

/** When the first and the last transcript event arrived, across all streams. */
const window = { first: undefined, last: undefined };
/** Transcript events received per wall-clock second. */
const perSecond = new Map();
/** CPU seconds the server process used so far (Linux only). */
function serverCpu() {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches(items, width, fn) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

const load0 = loadavg()[0];
console.log(`Setting up ${CALLS} agents against ${base} ...`);
const agents = Array.from({ length: CALLS }, (_, i) => ({ i }));
await inBatches(agents, 20, async (agent) => {
  const { token } = await api(ADMIN, '/api/v1/sim/agents', { name: `Bench ${agent.i + 1}` });
  await api(token, '/api/v1/agent/sign-in', {});
  agent.token = token;
  agent.stream = follow(token);
});
// Let every stream open before the calls start.
await new Promise((r) => setTimeout(r, 1000));

console.log(`Ringing ${CALLS} calls, ${RATE} segments/s each for ${SECONDS} s (${PER_CALL} segments per call) ...`);
const usage0 = process.cpuUsage();
const serverCpu0 = serverCpu();
const t0 = Date.now();
await inBatches(agents, 20, async (agent) => {
  const call = await api(agent.token, '/api/v1/sim/calls', { transcriptRate: RATE, transcriptCount: PER_CALL });
  await api(agent.token, `/api/v1/calls/${call.id}/answer`, {});
  agent.callId = call.id;
});
console.log(`  all calls connected after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const deadline = Date.now() + (SECONDS + 30) * 1000;
let last = 0;
while (Date.now() < deadline) {
  const received = agents.reduce((n, a) => n + a.stream.transcript, 0);
  if (received >= CALLS * PER_CALL) break;
  if (Date.now() - last > 10000) {
    last = Date.now();
    console.log(`  ${Math.round((Date.now() - t0) / 1000)} s: ${received} / ${CALLS * PER_CALL} transcript events received`);
  }
  await new Promise((r) => setTimeout(r, 250));
}
const elapsed = (Date.now() - t0) / 1000;
const clientCpu = process.cpuUsage(usage0);
const serverCpuUsed = serverCpu() - serverCpu0;
await new Promise((r) => setTimeout(r, 500));

let produced = 0;
let delivered = 0;
let lost = 0;
let duplicates = 0;
let gaps = 0;
for (const agent of agents) {
  const log = await api(agent.token, `/api/v1/sim/calls/${agent.callId}/transcript`);
  produced += log.events.length;
  delivered += agent.stream.transcript;
  const got = new Set(agent.stream.seqs);
  duplicates += agent.stream.seqs.length - got.size;
  lost += log.events.filter((e) => !got.has(e.seq)).length;
  for (let i = 1; i < agent.stream.seqs.length; i++) if (agent.stream.seqs[i] !== agent.stream.seqs[i - 1] + 1) gaps += 1;
  agent.stream.controller.abort();
}
/** The best 10-second average: the rate with every call streaming at once. */
let sustained = 0;
const seconds = [...perSecond.keys()].sort((a, b) => a - b);
for (const start of seconds) {
  let n = 0;
  for (let s = start; s < start + 10; s++) n += perSecond.get(s) ?? 0;
  sustained = Math.max(sustained, n / 10);
}
const latencies = agents.flatMap((a) => a.stream.latencies).sort((a, b) => a - b);

const rows = [
  ['concurrent calls (one SSE stream each)', CALLS],
  ['transcript rate per call', `${RATE} segments/s`],
  ['wall time', `${elapsed.toFixed(1)} s`],
  ['transcript events produced', produced],
  ['transcript events delivered', delivered],
  ['events/s delivered, all calls streaming (best 10 s)', Math.round(sustained)],
  ['events/s delivered, first to last event', Math.round(delivered / ((window.last - window.first) / 1000))],
  ['delivery latency p50', `${pct(latencies, 50)} ms`],
  ['delivery latency p99', `${pct(latencies, 99)} ms`],
  ['delivery latency max', `${latencies.at(-1)} ms`],
  ['lost events (produced, not delivered)', lost],
  ['duplicated events', duplicates],
  ['sequence gaps', gaps],
  ['machine', `${cpus().length} cores, load average ${load0.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after`],
  ['server CPU', `${((serverCpuUsed / elapsed) * 100).toFixed(0)} % of one core`],
  ['bench client CPU', `${((clientCpu.user + clientCpu.system) / 1e6 / elapsed * 100).toFixed(0)} % of one core`],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('\nav-workbench reference server bench (loopback)\n');
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
const ok = lost === 0 && duplicates === 0 && gaps === 0 && delivered === produced;
if (produced < CALLS * PER_CALL) console.log(`\nNote: only ${produced} of ${CALLS * PER_CALL} segments were produced before the time limit.`);
console.log(ok ? '\nOK: nothing lost, nothing doubled.' : '\nFAILED: events were lost or doubled.');
stop();
process.exit(ok ? 0 : 1);
