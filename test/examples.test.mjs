// The example hosts (examples/react, examples/vue), built with esbuild against
// the built package the way a host would, rendered in Chromium under a strict
// Content-Security-Policy. Uses dist/, by design: run `npm run build` first
// (`npm run test:examples` does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildExample } from '../examples/build.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChrome } from '../scripts/launch-chrome.mjs';

// No eval, no inline script or style. Trusted Types: `lit-html` is Lit's
// policy; Vue's runtime creates one named `vue` when the browser has them.
const csp = (policies) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; ` +
  `require-trusted-types-for 'script'; trusted-types ${policies}`;

const EXAMPLES = {
  react: csp('lit-html'),
  vue: csp('lit-html vue'),
};

let browser;
const servers = [];

before(async () => {
  assert.ok(existsSync('dist/react/index.js'), 'dist/ is missing: run `npm run build` first');
  browser = await launchChrome();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** Text of the first `selector` inside `host`'s shadow root. */
function shadowText(page, host, selector) {
  return page.evaluate(
    ([h, s]) => (document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    [host, selector],
  );
}

async function waitForShadowText(page, host, selector, expected) {
  await page.waitForFunction(
    ([h, s, e]) => (document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim() === e,
    [host, selector, expected],
    { timeout: 5000 },
  );
}

for (const [name, policy] of Object.entries(EXAMPLES)) {
  test(`the ${name} example renders the workbench, and a rung call reaches <call-message>`, async () => {
    const dir = await buildExample(name);
    const server = await serveStatic(dir, { headers: { 'content-security-policy': policy } });
    servers.push(server);
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    await page.goto(`${server.url}/index.html`);

    // The seeded call arrives through the provider's context.
    await waitForShadowText(page, 'call-message', 'dd', '+8613800138000');
    assert.equal(await page.evaluate(() => customElements.get('workbench-provider') !== undefined), true);

    // The host rings a new call through the MemoryBackend; the panel follows,
    // and the host's typed `avw-call-changed` callback sees it too.
    await page.getByRole('button', { name: 'Ring a new call' }).click();
    await waitForShadowText(page, 'call-message', 'dd', '+14155550123');
    assert.match(await shadowText(page, 'call-message', '.state-pill'), /Ringing/);
    await page.getByText('Last call event: ringing +14155550123').waitFor({ timeout: 5000 });

    await page.getByRole('button', { name: 'End the call' }).click();
    await page.getByText('Last call event: ended +14155550123').waitFor({ timeout: 5000 });

    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('the examples type-check against the published types', () => {
  const run = spawnSync('npx', ['--no-install', 'tsc', '-p', 'examples/tsconfig.json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
