// The example tenant pop-up pages (demo/tenant/) are what a tenant copies, so
// they must work under the strict policy a tenant's own server should send:
// the reference server serves them with it, and a real browser loads them
// with no violation and with their stylesheet applied.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChrome } from '../../scripts/launch-chrome.mjs';
import { startServer } from './helpers.mjs';

const PAGES = ['orders.html', 'sms.html'];

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchChrome();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the tenant pages are served with a strict policy and have nothing inline', async () => {
  for (const name of PAGES) {
    const response = await fetch(`${server.url}/tenant/${name}`);
    assert.equal(response.status, 200, name);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /(^|; )style-src 'self'(;|$)/, `${name}: ${policy}`);
    assert.match(policy, /(^|; )script-src 'self' http:\/\/localhost:\d+(;|$)/, `${name}: ${policy}`);
    assert.match(policy, /frame-ancestors http:\/\/localhost:\d+/, `${name}: ${policy}`);
    const html = await response.text();
    assert.doesNotMatch(html, /<style/i, `${name} has an inline <style>`);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${name} has a style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${name} has an inline event handler`);
    for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) assert.match(attrs, /\ssrc=/, `${name} has an inline script`);
  }
});

test('their stylesheet is served next to them as CSS; nothing else in the folder but pages is', async () => {
  const css = await fetch(`${server.url}/tenant/tenant.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await css.text(), /\.page\s*\{/);
  assert.equal((await fetch(`${server.url}/tenant/missing.css`)).status, 404);
  assert.equal((await fetch(`${server.url}/tenant/..%2Fserver%2Fapp.mjs`)).status, 404);
});

test('a browser loads each page under that policy with no violation, styled', async () => {
  for (const name of PAGES) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // The browser asks for /favicon.ico on its own; the demo has none.
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`console: ${m.text()} ${m.location().url}`);
      });
      await context.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${server.url}/tenant/${name}`);
      await page.waitForFunction(() => customElements.get('workbench-frame-bridge') !== undefined, undefined, { timeout: 20000 });
      // A violation report is dispatched as a task after the fact: give it a moment.
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.cspViolations), [], `${name}: CSP violations`);
      assert.deepEqual(problems, [], `${name}: errors`);
      const styled = await page.evaluate(() => ({
        margin: getComputedStyle(document.body).marginTop,
        display: getComputedStyle(document.querySelector('.page')).display,
      }));
      assert.deepEqual(styled, { margin: '0px', display: 'grid' }, `${name}: the page's stylesheet applies`);
    } finally {
      await context.close();
    }
  }
});
