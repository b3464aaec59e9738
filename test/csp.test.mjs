// Every element, from the standalone bundle, under a strict
// Content-Security-Policy with Trusted Types: no violation, no error, first
// as rendered and then while an agent works the panels (choose and save a
// call reason, send an SMS, an email and a WhatsApp template, record
// harassment, run an identity check, browse history and send from a record,
// play a recording, edit the customer, handle a call from the connection bar,
// call back, filter and copy the transcript, open screen pop-ups, switch to
// Chinese, dark and Arabic), and a few of those in an assembled <av-workbench>.
// docs/security.md says what this guarantees.
// Uses dist/, by design: run `npm run build` first (`npm run test:csp` does).
//
// The policy allows nothing inline and no eval. Trusted Types are enforced
// for script sinks (innerHTML and friends); the one policy allowed is
// `lit-html`, the policy Lit creates to hand its own template strings to
// <template>.innerHTML. Styles reach shadow roots as constructed
// stylesheets (adoptedStyleSheets), which style-src does not govern, and
// `styleMap` writes through CSSOM; a `style="..."` attribute in a template
// would be blocked.
//
// The screen pop-up embeds a real cross-origin page: a second server on
// another port (another origin), named in frame-src, as a tenant would name
// its pop-up origins. That page runs the bundle too, under the same policy,
// inside <workbench-frame-bridge>, so the bridge is checked across the frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
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
let popup;
let browser;
/** The workbench page's own origin, which the pop-up page's bridge trusts. */
let workbenchOrigin = '';

/** The seeded MemoryBackend's connected call. */
const CALLER = '+8613800138000';
const CALL_ID = 'call-20261125-0001';

/**
 * The tenant's pop-up server: `/orders` is a page that shows the caller
 * number it received in its URL (as text, escaped here) and runs the bundle's
 * bridge with a call message; `/dist/...` is the bundle, from this origin.
 */
function startPopupServer() {
  const root = resolve('.');
  const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = { 'content-security-policy': `${STRICT_CSP}; frame-ancestors ${workbenchOrigin}` };
    const panels = { '/orders': '<call-message></call-message>', '/tickets': '', '/sms': '<notify-sms></notify-sms>' };
    if (url.pathname in panels) {
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pop-up</title>
<script type="module" src="/dist/standalone/av-workbench.js"></script></head>
<body><p id="caller">${escape(url.searchParams.get('callerNum') ?? '')}</p>
<workbench-frame-bridge parent-origin="${escape(workbenchOrigin)}">${panels[url.pathname]}</workbench-frame-bridge>
</body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!url.pathname.startsWith('/dist/') || !path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const type = extname(path) === '.css' ? 'text/css' : 'text/javascript';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, ...headers }).end(readFileSync(path));
  });
  return new Promise((ok) =>
    http.listen(0, '127.0.0.1', () =>
      ok({ url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((r) => http.close(r)) }),
    ),
  );
}

before(async () => {
  assert.ok(existsSync('dist/standalone/av-workbench.js'), 'dist/ is missing: run `npm run build` first');
  popup = await startPopupServer();
  // The one addition to the strict policy: the tenant's pop-up origin may be framed.
  server = await serveStatic('.', { headers: { 'content-security-policy': `${STRICT_CSP}; frame-src ${popup.url}` } });
  workbenchOrigin = server.url;
  browser = await launchChrome();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await popup?.close();
});

/** Opens the page in its own context (clipboard allowed, as an agent's browser would be). */
async function open(path) {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Before any page script runs (in every frame and window), so a violation while the bundle loads counts too.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  await page.goto(`${server.url}${path}`);
  // Each test closes its page; take the context (and any window it opened) with it.
  page.close = () => context.close();
  return { page, problems, requests };
}

/** The workbench page, ready: every element rendered once. */
async function workbench() {
  const session = await open(`/test/fixtures/csp-page.html?popup=${encodeURIComponent(popup.url)}`);
  await session.page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return session;
}

/** No violation in any frame and no console error, after `step`. */
async function assertClean({ page, problems }, step) {
  // A report is dispatched as a task after the violation: give it a moment.
  await page.waitForTimeout(150);
  const violations = [];
  for (const frame of page.frames()) {
    violations.push(...(await frame.evaluate(() => window.cspViolations ?? []).catch(() => [])));
  }
  assert.deepEqual(violations, [], `${step}: CSP violations:\n${JSON.stringify(violations, null, 2)}`);
  assert.deepEqual(problems, [], `${step}: console errors`);
}

/** The arguments of every backend call of `method`, in order. */
const callsOf = (page, method) => page.evaluate((m) => window.cspBackend.calls.filter((c) => c.method === m).map((c) => c.args), method);
/** The documented events seen so far, of `type`. */
const eventsOf = (page, type) => page.evaluate((t) => window.cspPage.events.filter((e) => e.type === t), type);
/** A panel that sits directly in the provider (nested copies, in dialogs, are not it). */
const panel = (page, tag) => page.locator(`workbench-provider > ${tag}`);
const text = async (locator) => (await locator.textContent())?.replace(/\s+/g, ' ').trim();

async function until(check, message, timeout = 5000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('every element renders from the standalone bundle with no CSP violation', async () => {
  const session = await workbench();
  const { tags, defined, rendered } = await session.page.evaluate(() => window.cspPage);
  assert.ok(tags.length >= 3, `tags read from custom-elements.json: ${tags}`);
  assert.deepEqual(defined, tags, 'every tag is defined');
  assert.deepEqual(rendered, tags, 'every element rendered into its shadow root');
  // Violations reported after first render (a late task, a lazy locale) count as well.
  await session.page.waitForTimeout(300);
  await assertClean(session, 'first render');
  await session.page.close();
});

test('call reason: open the tree, pick a reason, write remarks, save', async () => {
  const session = await workbench();
  const { page } = session;
  const reason = panel(page, 'call-reason');
  for (const label of ['Account', 'Complaint', 'Staff behaviour']) {
    await reason.getByRole('treeitem', { name: label, exact: true }).click();
  }
  const chips = await reason.locator('.chip-path').allTextContents();
  assert.deepEqual(chips, ['Billing › Payment › Refund request', 'Account › Complaint › Staff behaviour']);
  await reason.locator('#remarks').fill('Charged twice; also unhappy with the last agent.');
  await reason.locator('[part=save]').click();
  await reason.locator('[part=status]', { hasText: /Saved at \d/ }).waitFor();
  const saves = await callsOf(page, 'saveCallReason');
  assert.equal(saves.length, 1);
  assert.deepEqual(saves[0][1].reasonIds, ['billing-payment-refund', 'account-complaint-staff']);
  assert.equal(saves[0][1].remarks, 'Charged twice; also unhappy with the last agent.');
  assert.equal((await eventsOf(page, 'avw-call-reason-saved')).length, 1);
  await assertClean(session, 'call reason saved');
  await page.close();
});

test('SMS, email and WhatsApp: type, fill a template, send', async () => {
  const session = await workbench();
  const { page } = session;

  const sms = panel(page, 'notify-sms');
  await sms.locator('#template option[value=sms-followup]').waitFor({ state: 'attached' });
  await sms.locator('#template').selectOption('sms-followup');
  const smsPreview = await text(sms.locator('[data-testid=preview-text]'));
  assert.match(smsPreview, /^Dear Zhang Min, thank you for calling us today \(.+\)\. Your reference number is \+8613800138000\. Agent Lin Wei$/);
  await sms.locator('#body').press('End');
  await sms.locator('#body').pressSequentially(' Thanks!');
  await sms.locator('button.send').click();
  await sms.locator('[data-testid=sent]', { hasText: `Sent to ${CALLER}` }).waitFor();

  const email = panel(page, 'notify-email');
  await email.locator('#template option[value=email-summary]').waitFor({ state: 'attached' });
  await email.locator('#template').selectOption('email-summary');
  await email.locator('button.send').click();
  await email.locator('.sent-box').waitFor();

  const whatsapp = panel(page, 'notify-whatsapp');
  await whatsapp.locator('#template option[value=wa-appointment]').waitFor({ state: 'attached' });
  await whatsapp.locator('#template').selectOption('wa-appointment');
  await whatsapp.locator('#param-1').fill('3 December');
  await whatsapp.locator('#param-2').fill('10:30');
  assert.equal(await text(whatsapp.locator('[data-testid=preview-text]')), 'Hi Zhang Min, your appointment is confirmed for 3 December at 10:30.');
  await whatsapp.locator('button.send').click();
  await until(async () => (await callsOf(page, 'sendNotification')).length === 3, 'three messages sent');

  const sent = (await callsOf(page, 'sendNotification')).map(([input]) => input);
  assert.deepEqual(
    sent.map((m) => [m.channel, m.recipient, m.templateId]),
    [
      ['sms', CALLER, 'sms-followup'],
      ['email', 'zhang.min@example.com', 'email-summary'],
      ['whatsapp', CALLER, 'wa-appointment'],
    ],
  );
  assert.equal(sent[0].text, `${smsPreview} Thanks!`);
  assert.match(sent[1].subject, /^Your call with us on /);
  assert.deepEqual(sent[2].parameters, { 1: '3 December', 2: '10:30' });
  await until(async () => (await eventsOf(page, 'avw-notification-sent')).length === 3, 'three sent events');
  await assertClean(session, 'messages sent');
  await page.close();
});

test('harassment: choose the list, give a reason, review, confirm', async () => {
  const session = await workbench();
  const { page } = session;
  const harassment = panel(page, 'harassment-record');
  await harassment.locator('textarea').fill('Repeated abusive calls at night.');
  await harassment.locator('input[value=red]').check();
  await harassment.locator('form button.primary[type=submit]').click();
  await harassment.locator('.confirm-button').click();
  await harassment.locator('[part=submitted]').waitFor();
  await harassment.locator('.record', { hasText: 'To be approved' }).waitFor();
  const creates = await callsOf(page, 'createHarassmentRecord');
  assert.equal(creates.length, 1);
  assert.deepEqual(creates[0][0], { number: CALLER, listType: 'red', reason: 'Repeated abusive calls at night.', callId: CALL_ID });
  assert.equal((await eventsOf(page, 'avw-harassment-record-created')).length, 1);
  await assertClean(session, 'harassment recorded');
  await page.close();
});

test('identity check: pick a mode, start, see it pass', async () => {
  const session = await workbench();
  const { page } = session;
  const auth = panel(page, 'identity-auth');
  await auth.locator('select').selectOption('auth-pin');
  await auth.locator('button.start').click();
  await auth.locator('[part=status]', { hasText: /^\s*Pass\s*$/ }).waitFor();
  const starts = await callsOf(page, 'startIdentityAuth');
  assert.deepEqual(starts.map((args) => args.slice(0, 2)), [[CALL_ID, 'auth-pin']]);
  const changes = await eventsOf(page, 'avw-identity-auth-changed');
  assert.ok(changes.length >= 1);
  await assertClean(session, 'identity checked');
  await page.close();
});

test('history: More, a record’s detail, its Message Sending Record, Send Message', async () => {
  const session = await workbench();
  const { page } = session;
  const history = panel(page, 'history-contacts');
  await history.locator('button.more').click();
  const first = history.locator('ul.more button.record').first();
  await first.waitFor();
  const recordId = await first.getAttribute('data-id');
  const query = (await callsOf(page, 'listContactRecords')).at(-1)[0];
  assert.equal(query.number, CALLER);
  assert.ok(query.to - query.from === 7 * 24 * 60 * 60 * 1000, 'More asks for the last seven days');

  await first.click();
  const detail = history.locator('dialog contact-record-detail');
  await detail.locator('#tab-messages').click();
  await detail.locator('#panel-messages [part=messages], #panel-messages [part=empty]').first().waitFor();
  const before = await detail.locator('[part=messages] li').count();
  await detail.locator('[part=send] button[data-channel=sms]').click();
  const composer = detail.locator('notify-sms');
  await composer.locator('#body').pressSequentially('Your refund is on its way.');
  await composer.locator('button.send').click();
  await detail.locator('[part=messages] li', { hasText: 'Your refund is on its way.' }).waitFor();
  assert.equal(await detail.locator('[part=messages] li').count(), before + 1);
  const [input] = (await callsOf(page, 'sendNotification')).at(-1);
  assert.deepEqual([input.channel, input.contactRecordId, input.text], ['sms', recordId, 'Your refund is on its way.']);
  await assertClean(session, 'message sent from a record');
  await page.close();
});

test('recording: play and pause', async () => {
  const session = await workbench();
  const { page } = session;
  const player = panel(page, 'recording-player');
  await player.locator('audio').waitFor({ state: 'attached' });
  await player.locator('[part=play]').click();
  await until(
    () => page.evaluate(() => document.querySelector('workbench-provider > recording-player').shadowRoot.querySelector('audio').currentTime > 0.3),
    'the recording plays',
  );
  assert.equal(await text(player.locator('[part=play]')), '❚❚ Pause');
  await player.locator('[part=play]').click();
  await player.locator('[part=play]', { hasText: 'Play' }).waitFor();
  await assertClean(session, 'recording played');
  await page.close();
});

test('basic information: edit the customer, and customer information follows', async () => {
  const session = await workbench();
  const { page } = session;
  const basic = panel(page, 'basic-information');
  await basic.locator('button.edit').click();
  await basic.locator('#f-address').fill('1 Nanjing Road, Shanghai');
  await basic.locator('form button.save').click();
  await basic.locator('[role=status]', { hasText: 'Customer saved.' }).waitFor({ state: 'attached' });
  const updates = await callsOf(page, 'updateCustomer');
  assert.equal(updates.length, 1);
  assert.equal(updates[0][1].address, '1 Nanjing Road, Shanghai');
  assert.equal((await eventsOf(page, 'avw-customer-saved')).length, 1);
  // The provider publishes the saved customer to the other panels.
  await panel(page, 'customer-info').getByText('1 Nanjing Road, Shanghai').waitFor();
  await assertClean(session, 'customer saved');
  await page.close();
});

test('connection bar: a call rings, the agent answers, holds, resumes and hangs up', async () => {
  const session = await workbench();
  const { page } = session;
  const connection = panel(page, 'connection-bar');
  const action = (name) => connection.locator(`button[data-action=${name}]`);
  await page.evaluate(() => window.cspBackend.ring('+14155550123'));
  await action('answer').click();
  await until(() => page.evaluate(() => window.cspProvider.call?.state === 'connected'), 'answered');
  await action('hold').click();
  await connection.locator('.summary', { hasText: 'On hold' }).waitFor();
  await action('resume').click();
  await action('hold').waitFor();
  await action('hang-up').click();
  await connection.locator('.summary', { hasText: 'Call ended' }).waitFor();
  const methods = await page.evaluate(() => window.cspBackend.calls.map((c) => c.method));
  assert.deepEqual(
    methods.filter((m) => ['answer', 'hold', 'resume', 'hangUp'].includes(m)),
    ['answer', 'hold', 'resume', 'hangUp'],
  );
  // The other panels follow the call: the message panel shows the new caller.
  await panel(page, 'call-message').getByText('+14155550123').first().waitFor();
  await assertClean(session, 'call handled from the bar');
  await page.close();
});

test('callback: the call drops, the agent calls back, the new call reaches every panel', async () => {
  const session = await workbench();
  const { page } = session;
  await page.evaluate(() => window.cspBackend.endCall(true));
  const callback = panel(page, 'call-callback');
  await callback.locator('button[part=button]').click();
  await until(async () => (await eventsOf(page, 'avw-call-started')).length === 1, 'the callback is placed');
  assert.deepEqual(await callsOf(page, 'callback'), [[CALL_ID]]);
  // The new outbound call is connected: nothing is left to call back.
  await callback.locator('button[part=button]').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => window.cspProvider.call?.direction), 'outbound');
  await assertClean(session, 'called back');
  await page.close();
});

test('real-time transcript: Only Customer, then copy what it shows', async () => {
  const session = await workbench();
  const { page } = session;
  await page.evaluate(() => {
    const lines = [
      ['agent', 'Good morning, how can I help?', 2000],
      ['customer', 'I was charged twice.', 65_000],
      ['agent', 'Let me check.', 70_000],
      ['customer', 'Thank you.', 80_000],
    ];
    lines.forEach(([speaker, text, offsetMs], i) => window.cspBackend.pushTranscript({ id: `t${i}`, speaker, text, offsetMs, final: true }));
  });
  const transcript = panel(page, 'realtime-transfer');
  await transcript.locator('[part~=row]', { hasText: 'Thank you.' }).waitFor();
  assert.equal(await transcript.locator('[part~=row][data-speaker=agent]').count(), 2);
  await transcript.locator('.filter input').check();
  await until(async () => (await transcript.locator('[part~=row][data-speaker=agent]').count()) === 0, 'agent lines hidden');
  assert.equal(await transcript.locator('[part~=row][data-speaker=customer]').count(), 2);
  assert.equal((await eventsOf(page, 'avw-transcript-filter-changed')).length, 1);
  await transcript.locator('.copy-all').click();
  await transcript.locator('.copy-status', { hasText: 'Copied 2 lines.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '[1:05] Customer: I was charged twice.\n[1:20] Customer: Thank you.');
  assert.equal((await eventsOf(page, 'avw-transcript-copied')).length, 1);
  await assertClean(session, 'transcript filtered and copied');
  await page.close();
});

test('screen pop-up: a cross-origin page in a tab and one in its own window, each given the call', async () => {
  const session = await workbench();
  const { page } = session;
  const popups = panel(page, 'screen-popup');
  await popups.getByRole('tab', { name: 'Orders' }).click();
  const iframe = popups.locator('iframe[part=frame]');
  await iframe.waitFor({ state: 'attached' });
  assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-forms allow-same-origin');
  const frame = page.frameLocator('workbench-provider > screen-popup iframe[part=frame][title^="Orders"]');
  // The call as URL parameters, and the live call over the bridge.
  assert.equal(await text(frame.locator('#caller')), CALLER);
  await frame.locator('call-message dd', { hasText: CALLER }).first().waitFor({ timeout: 10000 });
  await assertClean(session, 'pop-up page opened');

  // A page granted sendNotification sends an SMS through the workbench's backend, across the frame.
  await popups.getByRole('tab', { name: 'Customer SMS' }).click();
  const smsFrame = page.frameLocator('workbench-provider > screen-popup iframe[part=frame][title^="Customer SMS"]');
  await smsFrame.locator('notify-sms #recipient').waitFor({ timeout: 10000 });
  await smsFrame.locator('notify-sms #body').pressSequentially('Sent from the tenant page.');
  await smsFrame.locator('notify-sms button.send').click();
  await smsFrame.locator('notify-sms [data-testid=sent]', { hasText: `Sent to ${CALLER}` }).waitFor();
  const [sms] = (await callsOf(page, 'sendNotification')).at(-1);
  assert.deepEqual([sms.channel, sms.recipient, sms.text], ['sms', CALLER, 'Sent from the tenant page.']);
  await assertClean(session, 'SMS sent from a pop-up page');

  // A window-mode page opens in its own window (CSP does not govern that navigation).
  await popups.getByRole('tab', { name: 'Tickets' }).click();
  const [opened] = await Promise.all([page.context().waitForEvent('page'), popups.getByRole('button', { name: 'Open Tickets' }).click()]);
  await opened.waitForLoadState();
  assert.equal(new URL(opened.url()).pathname, '/tickets');
  assert.equal(await text(opened.locator('#caller')), CALLER);
  assert.equal((await eventsOf(page, 'avw-screen-popup-opened')).length, 1);
  assert.deepEqual(await opened.evaluate(() => window.cspViolations), []);
  await assertClean(session, 'pop-up window opened');
  await page.close();
});

// Arabic is newer than this suite; a tree without it checks Chinese only.
const hasArabic = existsSync('src/localize/locales/ar/index.ts');

test('Chinese, the dark theme and Arabic (right to left), switched at run time', async () => {
  const session = await workbench();
  const { page, requests } = session;
  const chineseChunk = () => requests.filter((url) => /\/dist\/standalone\/chunks\/zh-CN-[\w-]+\.js$/.test(url));
  assert.deepEqual(chineseChunk(), [], 'Chinese is not loaded before it is asked for');
  const surface = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('workbench-provider > call-message')).getPropertyValue('--avw-color-surface').trim());
  const light = await surface();
  await page.evaluate(() => {
    window.cspProvider.locale = 'zh-CN';
  });
  await panel(page, 'call-reason').locator('h2', { hasText: '来电原因' }).waitFor();
  await panel(page, 'realtime-transfer').getByText('实时转写').first().waitFor();
  assert.equal(chineseChunk().length, 1, 'the Chinese strings load, once, as a chunk of their own');
  assert.equal(await page.evaluate(() => document.querySelector('workbench-provider').getAttribute('lang')), 'zh-CN');
  await page.evaluate(() => {
    window.cspProvider.theme = 'dark';
  });
  await until(async () => (await surface()) !== light, 'the dark surface applies');
  assert.equal(await surface(), '#171b22');
  await assertClean(session, 'zh-CN and dark');
  if (hasArabic) {
    await page.evaluate(() => {
      window.cspProvider.locale = 'ar';
    });
    await panel(page, 'call-reason').locator('h2', { hasText: /[\u0600-\u06ff]/ }).waitFor();
    assert.equal(requests.filter((url) => /\/dist\/standalone\/chunks\/ar-[\w-]+\.js$/.test(url)).length, 1, 'Arabic loads as a chunk');
    assert.equal(await page.evaluate(() => document.querySelector('workbench-provider').getAttribute('dir')), 'rtl');
    await assertClean(session, 'ar, right to left');
  }
  await page.close();
});

// The assembled workbench is newer than this suite; a tree without it skips this test.
const hasWorkbench = existsSync('src/components/av-workbench/av-workbench.ts');

const workbenchOnly = { skip: !hasWorkbench && 'no <av-workbench> in this tree' };

test('<av-workbench>: opens on the call; a reason, a WhatsApp from its tab, a pop-up, zh-CN and dark', workbenchOnly, async () => {
  const session = await open(`/test/fixtures/csp-page.html?workbench&popup=${encodeURIComponent(popup.url)}`);
  const { page } = session;
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  const workbench = page.locator('av-workbench');
  // The seeded call is connected: the workbench opens by itself.
  await page.locator('av-workbench[open]').waitFor({ state: 'attached' });

  const reason = workbench.locator('call-reason');
  for (const label of ['Account', 'Complaint', 'Staff behaviour']) {
    await reason.getByRole('treeitem', { name: label, exact: true }).click();
  }
  await reason.locator('[part=save]').click();
  await reason.locator('[part=status]', { hasText: /Saved at \d/ }).waitFor();
  assert.deepEqual((await callsOf(page, 'saveCallReason'))[0][1].reasonIds, ['billing-payment-refund', 'account-complaint-staff']);

  await workbench.getByRole('tab', { name: 'WhatsApp', exact: true }).click();
  const whatsapp = workbench.locator('notify-whatsapp');
  await whatsapp.locator('#template option[value=wa-followup]').waitFor({ state: 'attached' });
  await whatsapp.locator('#template').selectOption('wa-followup');
  await whatsapp.locator('button.send').click();
  await until(async () => (await callsOf(page, 'sendNotification')).length === 1, 'WhatsApp sent');
  assert.deepEqual(
    (await callsOf(page, 'sendNotification')).map(([m]) => [m.channel, m.recipient, m.templateId]),
    [['whatsapp', CALLER, 'wa-followup']],
  );

  await workbench.getByRole('tab', { name: 'Screen pop-ups', exact: true }).click();
  await workbench.locator('screen-popup').getByRole('tab', { name: 'Orders', exact: true }).click();
  const frame = page.frameLocator('av-workbench screen-popup iframe[part=frame][title^="Orders"]');
  assert.equal(await text(frame.locator('#caller')), CALLER);
  await frame.locator('call-message dd', { hasText: CALLER }).first().waitFor({ timeout: 10000 });

  await page.evaluate(() => {
    window.cspWorkbench.locale = 'zh-CN';
    window.cspWorkbench.theme = 'dark';
  });
  await reason.locator('h2', { hasText: '来电原因' }).waitFor();
  await until(
    async () => (await reason.evaluate((el) => getComputedStyle(el).getPropertyValue('--avw-color-surface').trim())) === '#171b22',
    'the dark surface reaches the panels',
  );
  await assertClean(session, '<av-workbench> worked');
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
  // Trusted Types are enforced too: a plain string into innerHTML is refused and reported.
  const refused = await page.evaluate(() => {
    try {
      // eslint-disable-next-line no-restricted-syntax -- the very sink the policy must refuse
      document.body.innerHTML = '<b>markup</b>';
      return false;
    } catch (e) {
      return e instanceof TypeError;
    }
  });
  assert.equal(refused, true, 'innerHTML with a string throws');
  await page.waitForFunction(() => window.cspViolations.some((v) => v.directive === 'require-trusted-types-for'), null, { timeout: 5000 });
  await page.close();
});
