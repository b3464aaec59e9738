// `npm run bench`: what one transcript update costs in <realtime-transfer> at
// 50, 2,000 and 20,000 lines, virtualized and naive (every row rendered), in
// one headless Chromium. Prints a table and the budgets; not a timed test.
//
// An update's cost runs from the data change to the end of the next frame's
// rendering work: the Lit update (our own measuring included), then style,
// layout and paint of that frame. The wait for the frame itself is idle time
// and is left out, so the figures do not snap to 16.7 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChrome } from '../scripts/launch-chrome.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { pageScript } from './transcript-page.mjs';

const SIZES = [50, 2_000, 20_000];
const UPDATES = 300;
/**
 * Untimed updates before the timed ones at each size, a multiple of 3 so the
 * timed mix starts on a new line. Fewer for the naive list, whose every
 * update at 20,000 lines takes a third of a second.
 */
const WARM_UP = { virtual: 30, naive: 6 };
/** The naive baseline stops early after this long per size: it only needs to show the ratio. */
const NAIVE_BUDGET_MS = 45_000;
const BUDGET = { p95Ms: 4, longTaskMs: 50, domNodes: 1_500, heapMb: 60, ratio: 10 };

const started = Date.now();
const loadAtStart = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'avw-transcript-bench-'));
let server;
let browser;
try {
  await build({
    entryPoints: ['src/define/realtime-transfer.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    outfile: join(dir, 'realtime-transfer.js'),
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>transcript bench</title>
<body style="margin:0;padding:16px;max-width:720px"><script type="module" src="./realtime-transfer.js"></script>
<script type="module">${pageScript}</script></body></html>`,
  );
  // Cross-origin isolated, so performance.now() ticks in microseconds rather than 0.1 ms steps.
  server = await serveStatic(dir, {
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
  browser = await launchChrome(['--enable-precise-memory-info']);
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });

  const results = [];
  const controls = [];
  for (const virtualize of [true, false]) {
    for (const size of SIZES) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => typeof window.benchSetup === 'function' && customElements.get('realtime-transfer'));
      const fillMs = await page.evaluate(([size, virtualize]) => window.benchSetup(size, virtualize), [size, virtualize]);
      await page.evaluate((n) => window.benchWarmUp(n), virtualize ? WARM_UP.virtual : WARM_UP.naive);
      const cdp = await context.newCDPSession(page);
      // The fill's garbage is the fill's: collect it before timing, not during.
      await cdp.send('HeapProfiler.collectGarbage');
      const run = await page.evaluate(([updates, budget]) => window.benchRun(updates, budget), [
        UPDATES,
        virtualize ? Number.MAX_VALUE : NAIVE_BUDGET_MS,
      ]);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      if (errors.length) throw new Error(`page errors (${virtualize ? 'virtual' : 'naive'}, ${size}): ${errors.join('; ')}`);
      results.push({ mode: virtualize ? 'virtual' : 'naive', size, fillMs, ...run, heapMb: heap.usedSize / 2 ** 20 });
      process.stderr.write(`  measured ${virtualize ? 'virtual' : 'naive'} × ${size}\n`);
      if (virtualize && size === SIZES[SIZES.length - 1]) {
        // The machine's floor, on the same page, right after the element's own run.
        for (const kind of ['text', 'plain']) controls.push({ kind, ...(await page.evaluate(([k, n]) => window.benchControl(k, n), [kind, UPDATES])) });
      }
      await page.close();
    }
  }

  const fmt = (n, digits = 2) => n.toFixed(digits);
  const rows = results.map((r) => ({
    mode: r.mode,
    lines: r.size.toLocaleString('en'),
    updates: r.updates,
    'fill ms': fmt(r.fillMs, 0),
    'median ms': fmt(r.median),
    'p95 ms': fmt(r.p95),
    'max ms': fmt(r.max),
    'long tasks': `${r.longTasks}${r.longTasks ? ` (max ${fmt(r.longestTask, 0)} ms)` : ''}`,
    'DOM nodes': r.domNodes.toLocaleString('en'),
    'heap MB': fmt(r.heapMb, 1),
  }));
  console.log(
    `\n<realtime-transfer>: up to ${UPDATES} updates per size (a partial, its growth, its final) after ` +
      `${WARM_UP.virtual} untimed (naive: ${WARM_UP.naive}); ` +
      `the naive list stops after ${NAIVE_BUDGET_MS / 1000} s per size\n`,
  );
  console.table(rows);

  console.log('\nControls: the same timing, in the same page, of changes that are not the element\'s');
  console.table(
    controls.map((c) => ({
      control: c.kind === 'text' ? 'one text node changes outside the element' : 'plain scroller, no Lit: a line grows or is added, then scroll to the bottom',
      updates: c.updates,
      'median ms': fmt(c.median),
      'p95 ms': fmt(c.p95),
      'max ms': fmt(c.max),
    })),
  );

  const virtual = results.find((r) => r.mode === 'virtual' && r.size === 20_000);
  const naive = results.find((r) => r.mode === 'naive' && r.size === 20_000);
  const ratio = naive.median / virtual.median;
  const checks = [
    [`p95 update under ${BUDGET.p95Ms} ms at 20,000 lines`, virtual.p95 < BUDGET.p95Ms, `${fmt(virtual.p95)} ms`],
    [`no long task over ${BUDGET.longTaskMs} ms at 20,000 lines`, virtual.longTasks === 0, `${virtual.longTasks} long tasks`],
    [`fewer than ${BUDGET.domNodes} DOM nodes at 20,000 lines`, virtual.domNodes < BUDGET.domNodes, `${virtual.domNodes} nodes`],
    [`JS heap under ${BUDGET.heapMb} MB at 20,000 lines`, virtual.heapMb < BUDGET.heapMb, `${fmt(virtual.heapMb, 1)} MB`],
    [`at least ${BUDGET.ratio}x cheaper per update than naive at 20,000`, ratio >= BUDGET.ratio, `${fmt(ratio, 0)}x (median)`],
  ];
  console.log('\nBudgets');
  for (const [label, met, value] of checks) console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${label}: ${value}`);
  const floor = controls.find((c) => c.kind === 'plain');
  if (floor) console.log(`  (the least any transcript update costs here, the plain-scroller control: p95 ${fmt(floor.p95)} ms)`);
  const load = (l) => l.map((n) => n.toFixed(2)).join(', ');
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s, headless Chromium, ${navigatorInfo()})`);
  // Timings on a busy machine are not the element's: say how busy it was.
  console.log(`load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`);
  process.exitCode = checks.every(([, met]) => met) ? 0 : 1;
} finally {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}

function navigatorInfo() {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}
