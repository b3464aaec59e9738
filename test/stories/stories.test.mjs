// Every story of the built Storybook renders in Chromium without a runtime
// error and without an axe violation: how "every state is accessible" is checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChrome } from '../../scripts/launch-chrome.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STATIC = 'storybook-static';

if (!existsSync(`${STATIC}/index.json`)) throw new Error('Build Storybook first: npm run build-storybook');
const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

let server;
let browser;
let context;

before(async () => {
  server = await serveStatic(STATIC);
  browser = await launchChrome();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the Storybook has stories', () => {
  assert.ok(stories.length > 0);
});

// Arabic on each element's Default story only: its strings, digits and
// right-to-left layout get checked without a third pass over every story.
const variants = (story) => ['', 'theme:dark;locale:zh-CN;direction:rtl', ...(story.id.endsWith('--default') ? ['locale:ar;direction:rtl'] : [])];

for (const story of stories) {
  for (const globals of variants(story)) {
    test(`${story.id}${globals ? ` (${globals})` : ''} renders without errors and axe violations`, async () => {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // Failed loads are reported with their URL below.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console.error: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('favicon.svg') && !r.url().endsWith('favicon.ico')) errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      try {
        const q = new URLSearchParams({ id: story.id, viewMode: 'story' });
        if (globals) q.set('globals', globals);
        await page.goto(`${server.url}/iframe.html?${q}`);
        await page.waitForFunction(
          () => {
            const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
            return phase === 'finished' || phase === 'errored' || phase === 'aborted' || document.body.classList.contains('sb-show-errordisplay');
          },
          undefined,
          { timeout: 10000 },
        );
        // Let async data (memory backend latency, locale loading) settle.
        await page.waitForTimeout(150);
        const shown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
        assert.equal(shown, false, `Storybook shows an error for ${story.id}`);
        assert.deepEqual(errors, [], `runtime errors in ${story.id}`);
        const undefinedTags = await page.evaluate(() =>
          [...document.querySelectorAll('#storybook-root *')]
            .map((el) => el.localName)
            .filter((tag) => tag.includes('-') && !customElements.get(tag)),
        );
        assert.deepEqual(undefinedTags, [], `elements never registered in ${story.id}`);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document.querySelector('#storybook-root'), {
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
        });
        assert.deepEqual(violations, [], `axe violations in ${story.id}`);
      } finally {
        await page.close();
      }
    });
  }
}
