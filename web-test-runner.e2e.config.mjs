// Browser flows against the REAL reference server: the config starts
// demo/server/start.mjs (temporary data dir, simulator and test faults on,
// CORS admitting this runner's fixed origin) before the tests and stops it after.
// The server listens on 127.0.0.1 and the runner's pages are on localhost: two
// origins, so the tenant pop-up pages the server serves are truly cross-origin.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './scripts/find-chrome.mjs';

const executablePath = findChrome();
/** Fixed, so the server knows the origin to admit. */
const PORT = Number(process.env.AVW_E2E_PORT ?? 8793);

const dataDir = mkdtempSync(join(tmpdir(), 'avw-e2e-'));
const server = spawn(
  process.execPath,
  [
    'demo/server/start.mjs',
    '--port', '0',
    '--host', '127.0.0.1',
    '--data-dir', dataDir,
    '--simulator',
    '--test-faults',
    '--allow-origin', `http://localhost:${PORT}`,
    '--allow-origin', `http://127.0.0.1:${PORT}`,
    '--outbound-answer-ms', '200',
    '--auth-delay-ms', '200',
    // The runner's page is the workbench that embeds the tenant pages.
    '--workbench-origin', `http://localhost:${PORT}`,
    // The tenant pages load the standalone bundle: test the sources, not a dist/ left from an older build.
    '--bundle-from-source',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const baseUrl = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`The reference server did not start:\n${out}`)), 30000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  server.once('exit', (code) => reject(new Error(`The reference server exited with ${code}:\n${out}`)));
});

function stopServer() {
  if (server.exitCode === null) server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.once('exit', stopServer);

export default {
  files: ['test/e2e/**/*.test.ts'],
  port: PORT,
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 120000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    {
      name: 'avw-e2e-server',
      serve(context) {
        // Where the tests find the server and a token to create their own agents with.
        if (context.path === '/__avw-e2e.json') {
          return { body: JSON.stringify({ baseUrl, adminToken: 'avw-demo-a-1001' }), type: 'json' };
        }
        return undefined;
      },
      serverStop: stopServer,
    },
    {
      // A cross-origin frame is closed to the test page's scripts, as it is to
      // any workbench; the tests look into it the way a user's eyes would,
      // through the browser (DevTools protocol), never through the page.
      name: 'avw-tenant-frame',
      async executeCommand({ command, payload, session }) {
        if (command !== 'avw-frame-eval') return undefined;
        const page = session.browser.getPage(session.id);
        const frame = page.frames().find((f) => f.url().startsWith(payload.urlPrefix));
        if (!frame) return { missing: true };
        try {
          return { value: await frame.evaluate(payload.expression) };
        } catch (error) {
          // A frame that navigates (a new call reloads it) loses its context mid-call: ask again.
          return { missing: true, error: String(error?.message ?? error) };
        }
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--autoplay-policy=no-user-gesture-required',
        ],
      },
    }),
  ],
};
