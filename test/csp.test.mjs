// Every element, from the standalone bundle, under a strict
// Content-Security-Policy with Trusted Types: no violation, no error.
// Uses dist/, by design: run `npm run build` first (`npm run test:csp` does).
//
// The policy allows nothing inline and no eval. Trusted Types are enforced
// for script sinks (innerHTML and friends); the one policy allowed is
// `lit-html`, the policy Lit creates to hand its own template strings to
// <template>.innerHTML. Styles reach shadow roots as constructed
// stylesheets (adoptedStyleSheets), which style-src does not govern, and
// `styleMap` writes through CSSOM; a `style="..."` attribute in a template
// would be blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChrome } from '../scripts/launch-chrome.mjs';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

let server;
let browser;

before(async () => {
  assert.ok(existsSync('dist/standalone/av-workbench.js'), 'dist/ is missing: run `npm run build` first');
  server = await serveStatic('.', { headers: { 'content-security-policy': STRICT_CSP } });
  browser = await launchChrome();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Before any page script runs, so a violation while the bundle loads counts too.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

test('every element renders from the standalone bundle with no CSP violation', async () => {
  const { page, problems } = await open('/test/fixtures/csp-page.html');
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const { tags, defined, rendered } = await page.evaluate(() => window.cspPage);
  assert.ok(tags.length >= 3, `tags read from custom-elements.json: ${tags}`);
  assert.deepEqual(defined, tags, 'every tag is defined');
  assert.deepEqual(rendered, tags, 'every element rendered into its shadow root');
  // Violations reported after first render (a late task, a lazy locale) count as well.
  await page.waitForTimeout(300);
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, [], `CSP violations:\n${JSON.stringify(violations, null, 2)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the check sees a violation when there is one', async () => {
  const { page } = await open('/test/fixtures/csp-page.html');
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.setAttribute('style', 'color: red');
    document.body.append(div);
  });
  await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5000 });
  const violations = await page.evaluate(() => window.cspViolations);
  assert.match(violations[0].directive, /^style-src/);
  await page.close();
});
