// What users install: `npm pack`, install the tarball in a temporary project,
// and check every export in Chromium. Uses the built output, by design.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChrome } from '../../scripts/launch-chrome.mjs';

const root = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let dir;
let installed;
let tags;
let server;
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avw-pack-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(dir, tarball)], { cwd: app, stdio: 'inherit' });
  installed = join(app, 'node_modules', pkg.name);
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);

  // One page per entry, bundled the way a host's bundler would resolve it.
  const www = join(dir, 'www');
  mkdirSync(www);
  const entries = { index: `import * as m from '${pkg.name}'; window.exportsSeen = Object.keys(m);` };
  for (const tag of tags) entries[`define-${tag}`] = `import '${pkg.name}/define/${tag}.js';`;
  entries['define-all'] = `import '${pkg.name}/define/all.js';`;
  for (const [name, source] of Object.entries(entries)) {
    await build({
      stdin: { contents: source, resolveDir: app, loader: 'js' },
      bundle: true,
      format: 'esm',
      outfile: join(www, `${name}.js`),
      logLevel: 'error',
    });
    writeFileSync(join(www, `${name}.html`), `<!doctype html><script type="module" src="./${name}.js"></script>`);
  }
  cpSync(join(installed, 'dist', 'standalone'), join(www, 'standalone'), { recursive: true });
  writeFileSync(
    join(www, 'twice.html'),
    `<!doctype html><script type="module" src="./standalone/av-workbench.js"></script>
     <script type="module" src="./standalone/av-workbench.js?second-copy"></script>`,
  );
  server = await serveStatic(www);
  browser = await launchChrome();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(page) {
  const p = await browser.newPage();
  const log = { errors: [], warnings: [] };
  p.on('pageerror', (e) => log.errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  await p.goto(`${server.url}/${page}`);
  await p.waitForLoadState('load');
  await p.waitForTimeout(100);
  const defined = await p.evaluate((all) => all.filter((t) => customElements.get(t)), tags);
  return { p, log, defined };
}

test('package.json declares exports, types, customElements and side effects', () => {
  assert.ok(pkg.exports['.'].types && pkg.types && pkg.customElements === 'custom-elements.json');
  assert.deepEqual(
    pkg.sideEffects.filter((s) => s.startsWith('./dist')),
    ['./dist/define/*.js', './dist/standalone/*.js'],
  );
  assert.ok(tags.length >= 3, `tags in the manifest: ${tags}`);
});

test('the index exports classes, contexts and backends and defines no tag', async () => {
  const { p, log, defined } = await open('index.html');
  const seen = await p.evaluate(() => window.exportsSeen);
  for (const name of ['WorkbenchProvider', 'CallMessage', 'MemoryBackend', 'BackendError', 'callContext', 'resolveConfig', 'toE164']) {
    assert.ok(seen.includes(name), `index exports ${name}`);
  }
  assert.deepEqual(defined, []);
  assert.deepEqual(log.errors, []);
  await p.close();
});

test('each define entry defines its own tag', async () => {
  for (const tag of tags) {
    const { p, log, defined } = await open(`define-${tag}.html`);
    assert.ok(defined.includes(tag), `define/${tag}.js defines <${tag}>`);
    assert.deepEqual(log.errors, [], `errors loading define/${tag}.js`);
    await p.close();
  }
});

test('define/all.js and the standalone bundle define every tag', async () => {
  for (const page of ['define-all.html', 'twice.html']) {
    const { p, log, defined } = await open(page);
    assert.deepEqual([...defined].sort(), [...tags].sort(), `${page} ${JSON.stringify(log)}`);
    assert.deepEqual(log.errors, [], page);
    if (page === 'twice.html') {
      // The second copy warns once per tag and throws nothing.
      for (const tag of tags) assert.ok(log.warnings.some((w) => w.includes(`<${tag}>`)), `a warning for <${tag}>`);
    }
    await p.close();
  }
});

test('the type declarations of every export path exist', () => {
  const types = readFileSync(join(installed, pkg.exports['.'].types), 'utf8');
  assert.match(types, /WorkbenchProvider/);
  for (const tag of tags) readFileSync(join(installed, 'dist', 'types', 'define', `${tag}.d.ts`));
});
