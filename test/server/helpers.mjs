// Starts the REAL reference server (demo/server/start.mjs) in a child process,
// on a free port with a temporary data directory, for the server tests.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOKENS = {
  a1: 'avw-demo-a-1001',
  a2: 'avw-demo-a-1002',
  b1: 'avw-demo-b-2001',
};

/**
 * @param {string[]} [args] extra flags for start.mjs
 * @param {{ dataDir?: string }} [options] reuse a data directory (for restarts)
 * @returns {Promise<{ url: string, dataDir: string, api: Function, db: () => import('better-sqlite3').Database, stop: () => Promise<void> }>}
 */
export async function startServer(args = [], { dataDir = mkdtempSync(join(tmpdir(), 'avw-server-test-')) } = {}) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'demo/server/start.mjs'), '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--simulator', '--test-faults', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}\n${stderr}`)));
  });
  const dbs = [];
  return {
    url,
    dataDir,
    api: (path, options) => api(url, path, options),
    db() {
      const db = new Database(join(dataDir, 'av-workbench.sqlite'), { readonly: true });
      dbs.push(db);
      return db;
    },
    async stop({ keepData = false } = {}) {
      for (const db of dbs) db.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One API call. `body` is sent as JSON unless it is a string; `key: true`
 * makes up an Idempotency-Key.
 */
export async function api(base, path, { method = 'GET', body, token = TOKENS.a1, key, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] ??= 'application/json';
  if (key) h['idempotency-key'] = key === true ? randomUUID() : key;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json };
}

/** Polls `check` until it returns a truthy value. */
export async function until(check, message = 'condition', timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reads an SSE stream with fetch, collecting events until `stop()`. */
export function readEvents(base, token, { since } = {}) {
  const controller = new AbortController();
  const events = [];
  const headers = { authorization: `Bearer ${token}` };
  if (since !== undefined) headers['last-event-id'] = String(since);
  const opened = fetch(`${base}/api/v1/events`, { headers, signal: controller.signal }).then(async (response) => {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let i;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((l) => !l.startsWith(':') && l.includes(':'))
                .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
            );
            if (fields.data && fields.event !== 'ready') events.push(JSON.parse(fields.data));
          }
        }
      } catch {
        // aborted
      }
    })();
    return response;
  });
  return { events, opened, stop: () => controller.abort() };
}

/** Signs `token`'s agent in and rings an inbound call to it; returns the call. */
export async function ringCall(server, token = TOKENS.a1, body = {}) {
  await server.api('/api/v1/agent/sign-in', { method: 'POST', token });
  const rung = await server.api('/api/v1/sim/calls', { method: 'POST', token, body });
  if (rung.status !== 201) throw new Error(`ring failed: ${JSON.stringify(rung.body)}`);
  return rung.body;
}
