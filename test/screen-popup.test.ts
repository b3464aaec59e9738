import { expect, fixture, html } from '@open-wc/testing';
import type { ScreenPopup } from '../src/components/screen-popup/screen-popup.js';
import type { ScreenPopupPage, WorkbenchConfig } from '../src/context/types.js';
import { FRAME_PROTOCOL, FRAME_PROTOCOL_VERSION } from '../src/internal/frame-protocol.js';
import { memoryBackend, shadow, text, until, withProvider } from './helpers/fixtures.js';
import { TENANT_ORIGIN, ask, clearReports, tenantUrl, untilStatus, waitForReport } from './fixtures/tenant-frame.js';

const TRUSTED = 'https://trusted.example';

function page(patch: Partial<ScreenPopupPage> & { id: string }): ScreenPopupPage {
  return { title: patch.id, url: `${TRUSTED}/${patch.id}`, open: 'embed', ...patch };
}

function config(pages: ScreenPopupPage[], patch: Partial<WorkbenchConfig> = {}): Partial<WorkbenchConfig> {
  return { trustedOrigins: [TRUSTED, TENANT_ORIGIN], screenPopups: pages, ...patch };
}

const tabs = (el: ScreenPopup) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')];
const selectedTab = (el: ScreenPopup) => el.shadowRoot!.querySelector<HTMLElement>('[role=tab][aria-selected=true]');
const visiblePanel = (el: ScreenPopup) => el.shadowRoot!.querySelector<HTMLElement>('[role=tabpanel]:not([hidden])');

async function key(el: ScreenPopup, keyName: string): Promise<void> {
  const target = el.shadowRoot!.activeElement ?? selectedTab(el)!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Builds a protocol message the way a bridge would. */
function bridgeMessage(body: Record<string, unknown>) {
  return { protocol: FRAME_PROTOCOL, version: FRAME_PROTOCOL_VERSION, ...body };
}

describe('<screen-popup>', () => {
  it('shows a pending state while the pages load, and is accessible', async () => {
    const backend = memoryBackend().hang('listScreenPopups');
    const el = await fixture<ScreenPopup>(html`<screen-popup .backend=${backend}></screen-popup>`);
    await until(() => !!shadow(el, '[aria-busy=true]'), 'pending state');
    expect(text(shadow(el, '[aria-busy=true]'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows a failure with Retry, and Retry loads the backend’s pages', async () => {
    const backend = memoryBackend().failNext('listScreenPopups', 'unavailable');
    const el = await fixture<ScreenPopup>(html`<screen-popup .backend=${backend}></screen-popup>`);
    await until(() => !!shadow(el, '[role=alert]'), 'error shown');
    expect(text(shadow(el, '[role=alert]'))).to.contain('The screen pop-up pages could not be loaded. The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (shadow(el, '[role=alert] button') as HTMLButtonElement).click();
    await until(() => tabs(el).length === 2, 'pages loaded on retry');
    expect(tabs(el).map((t) => text(t))).to.deep.equal(['Orders', 'Tickets']);
  });

  it('shows an empty state without pages', async () => {
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config([])}></screen-popup>`);
    await until(() => !!shadow(el, '[part=empty]'));
    expect(text(shadow(el, '[part=empty]'))).to.equal('No screen pop-up pages are configured.');
    await expect(el).to.be.accessible();
  });

  it('shows at most five pages and names the ones left out', async () => {
    const pages = Array.from({ length: 7 }, (_, i) => page({ id: `p${i + 1}`, title: `Page ${i + 1}` }));
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config(pages)}></screen-popup>`);
    await until(() => tabs(el).length > 0);
    expect(tabs(el)).to.have.length(5);
    expect(text(shadow(el, '.omitted'))).to.equal('Only 5 pages can be shown. Left out: Page 6 and Page 7.');
    await expect(el).to.be.accessible();
  });

  it('follows the configured limit', async () => {
    const pages = [page({ id: 'a' }), page({ id: 'b' })];
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config(pages, { limits: { screenPopupMax: 1 } as WorkbenchConfig['limits'] })}></screen-popup>`);
    await until(() => tabs(el).length > 0);
    expect(tabs(el)).to.have.length(1);
    expect(text(shadow(el, '.omitted'))).to.contain('Left out: b.');
  });

  it('is a WAI-ARIA tab list operated with arrows, Home and End', async () => {
    const pages = [page({ id: 'one', open: 'window' }), page({ id: 'two', open: 'window' }), page({ id: 'three', open: 'window' })];
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config(pages)}></screen-popup>`);
    await until(() => tabs(el).length === 3);
    const [first, second, third] = tabs(el);
    expect(shadow(el, '[role=tablist]')!.getAttribute('aria-label')).to.equal('Screen pop-ups');
    expect(first!.getAttribute('aria-selected')).to.equal('true');
    expect(first!.tabIndex).to.equal(0);
    expect(second!.tabIndex).to.equal(-1);
    expect(visiblePanel(el)!.getAttribute('aria-labelledby')).to.equal(first!.id);
    expect(first!.getAttribute('aria-controls')).to.equal(visiblePanel(el)!.id);
    first!.focus();
    await key(el, 'ArrowRight');
    expect(selectedTab(el)).to.equal(second);
    expect(el.shadowRoot!.activeElement).to.equal(second);
    expect(text(visiblePanel(el))).to.contain('“two” opens in its own window');
    await key(el, 'End');
    expect(selectedTab(el)).to.equal(third);
    await key(el, 'ArrowRight');
    expect(selectedTab(el)).to.equal(first);
    await key(el, 'ArrowLeft');
    expect(selectedTab(el)).to.equal(third);
    await key(el, 'Home');
    expect(selectedTab(el)).to.equal(first);
    third!.click();
    await el.updateComplete;
    expect(selectedTab(el)).to.equal(third);
    await expect(el).to.be.accessible();
  });

  it('swaps the arrow keys in right-to-left layouts', async () => {
    const pages = [page({ id: 'one', open: 'window' }), page({ id: 'two', open: 'window' })];
    const wrap = await fixture(html`<div dir="rtl"><screen-popup .config=${config(pages)}></screen-popup></div>`);
    const el = wrap.querySelector('screen-popup') as ScreenPopup;
    await until(() => tabs(el).length === 2);
    tabs(el)[0]!.focus();
    await key(el, 'ArrowLeft');
    expect(selectedTab(el)).to.equal(tabs(el)[1]);
  });

  it('embeds a trusted page sandboxed, without referrer, with the call in its URL', async () => {
    const { el } = await withProvider<ScreenPopup>(html`<screen-popup .config=${config([page({ id: 'orders', url: `${TRUSTED}/orders?tenant=acme` })])}></screen-popup>`);
    await until(() => !!shadow(el, 'iframe'));
    const frame = shadow(el, 'iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-same-origin');
    expect(frame.getAttribute('sandbox')).not.to.contain('top-navigation');
    expect(frame.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(frame.getAttribute('title')).to.equal('orders (third-party page)');
    const src = new URL(frame.src);
    expect(src.origin + src.pathname).to.equal(`${TRUSTED}/orders`);
    expect(src.searchParams.get('tenant')).to.equal('acme');
    expect(src.searchParams.get('callid')).to.equal('call-20261125-0001');
    expect(src.searchParams.get('callerNum')).to.equal('+8613800138000');
    expect(src.searchParams.get('calledNum')).to.equal('4008001234');
    expect(src.searchParams.get('mediaType')).to.equal('1');
    expect(src.searchParams.get('callType')).to.equal('0');
    expect(src.searchParams.get('workNo')).to.equal('1001');
    expect(src.searchParams.get('callskill')).to.equal('Billing Support');
    expect(src.searchParams.get('callskillid')).to.equal('skill-201');
    expect(src.searchParams.get('agentName')).to.equal('Lin Wei');
  });

  it('adds allow-popups only for a page configured with it', async () => {
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config([page({ id: 'maps', allowPopups: true })])}></screen-popup>`);
    await until(() => !!shadow(el, 'iframe'));
    expect(shadow(el, 'iframe')!.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-same-origin allow-popups');
  });

  for (const [url, reason] of [
    ['javascript:alert(1)', 'only https addresses can be loaded.'],
    ['data:text/html,<b>x</b>', 'only https addresses can be loaded.'],
    ['https://trusted.example@evil.example/', 'its address contains a user name or password.'],
    ['https://trusted.example.evil.example/', 'its origin https://trusted.example.evil.example is not on the list of trusted origins.'],
    ['https://trusted.ex\u0430mple/', `its origin ${new URL('https://trusted.ex\u0430mple/').origin} is not on the list of trusted origins.`],
    ['https://trusted.example./', 'its host name ends with a dot.'],
    ['http://trusted.example/', 'it does not use https.'],
  ] as const) {
    it(`refuses ${JSON.stringify(url)} with a message naming the page, and loads nothing`, async () => {
      const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config([page({ id: 'crm', title: 'Customer CRM', url })])}></screen-popup>`);
      await until(() => tabs(el).length === 1);
      expect(shadow(el, 'iframe')).to.equal(null);
      expect(text(shadow(el, '.refused'))).to.equal(`“Customer CRM” was not loaded: ${reason}`);
      await expect(el).to.be.accessible();
    });
  }

  it('refuses a page whose origin is not trusted, and in Simplified Chinese too', async () => {
    const el = await fixture<ScreenPopup>(
      html`<screen-popup lang="zh-CN" .config=${config([page({ id: 'x', title: '订单', url: 'https://eviltrusted.example/' })])}></screen-popup>`,
    );
    await until(() => text(shadow(el, '.refused')).startsWith('未加载'), 'zh-CN strings');
    expect(text(shadow(el, '.refused'))).to.equal('未加载“订单”：其来源 https://eviltrusted.example 不在可信来源列表中。');
    expect(shadow(el, '[role=tablist]')!.getAttribute('aria-label')).to.equal('弹屏页面');
    await expect(el).to.be.accessible();
  });

  it('opens a window-mode page in its own window, without opener or referrer', async () => {
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = ((...args: unknown[]) => (opened.push(args), null)) as typeof window.open;
    try {
      const { el } = await withProvider<ScreenPopup>(html`<screen-popup .config=${config([page({ id: 'tickets', title: 'Tickets', open: 'window' })])}></screen-popup>`);
      await until(() => !!shadow(el, 'button.open'));
      expect(shadow(el, 'iframe')).to.equal(null);
      expect(text(shadow(el, 'button.open'))).to.equal('Open Tickets');
      const event = new Promise<HTMLElementEventMap['avw-screen-popup-opened']>((r) => el.addEventListener('avw-screen-popup-opened', r, { once: true }));
      shadow(el, 'button.open')!.click();
      const { url } = await event;
      expect(opened).to.have.length(1);
      expect(opened[0]![1]).to.equal('_blank');
      expect(opened[0]![2]).to.equal('noopener,noreferrer');
      expect(opened[0]![0]).to.equal(url);
      expect(new URL(url).searchParams.get('callid')).to.equal('call-20261125-0001');
      await el.updateComplete;
      expect(text(shadow(el, '[role=status]'))).to.equal('“Tickets” opened in a new window.');
      await expect(el).to.be.accessible();
    } finally {
      window.open = original;
    }
  });

  it('renders page titles from configuration as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<ScreenPopup>(html`<screen-popup .config=${config([page({ id: 'h', title: hostile, url: 'javascript:1' })])}></screen-popup>`);
    await until(() => tabs(el).length === 1);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(tabs(el)[0])).to.equal(hostile);
  });
});

describe('<screen-popup> and a real tenant page on another origin', function () {
  // Each test loads a real page that builds the sources in the runner: seconds, not milliseconds.
  this.timeout(30000);
  beforeEach(() => clearReports());

  async function embed(pages: ScreenPopupPage[]) {
    const setup = await withProvider<ScreenPopup>(html`<screen-popup allow-insecure-localhost .config=${config(pages)}></screen-popup>`);
    await until(() => !!shadow(setup.el, 'iframe'), 'iframe rendered');
    const frame = shadow(setup.el, 'iframe') as HTMLIFrameElement;
    await waitForReport((r) => r.kind === 'context', 'first context in the tenant page', 8000);
    return { ...setup, frame, win: frame.contentWindow! };
  }

  it('loads a trusted loopback page over http only because the workbench itself runs on loopback', async () => {
    // The runner serves this page from http://localhost: a development machine (popup-url.test.ts covers production hosts).
    const pages = [page({ id: 'local', url: tenantUrl({ name: 'local' }) }), page({ id: 'lan', url: 'http://192.168.1.5:8000/p' })];
    const { el } = await withProvider<ScreenPopup>(html`<screen-popup .config=${config(pages, { trustedOrigins: [TENANT_ORIGIN, 'http://192.168.1.5:8000'] })}></screen-popup>`);
    await until(() => !!shadow(el, 'iframe'), 'the loopback page loads');
    await waitForReport((r) => r.kind === 'context' && r.name === 'local', 'the loopback page connected', 8000);
    tabs(el)[1]!.click();
    await until(() => !!shadow(el, '.refused'), 'the LAN page refused');
    expect(text(shadow(el, '.refused'))).to.contain('it does not use https.');
  });

  it('hands the page the call, agent, locale and theme, and pushes every change', async () => {
    const { win, backend, provider, frame } = await embed([page({ id: 'orders', url: tenantUrl({ name: 'orders' }) })]);
    const first = await untilStatus(win, (s) => s.callingNumber === '+8613800138000', 'tenant page shows the call');
    expect(first.status).to.equal('connected');
    expect(first.callId).to.equal('call-20261125-0001');
    expect((first.query as Record<string, string>).callid).to.equal('call-20261125-0001');
    expect(first.allowed).to.include('getCustomer');
    expect(first.allowed).not.to.include('sendNotification');
    backend.ring('+14155550123');
    // A new call is a new address (pages without the bridge read only their URL), so the page reloads.
    await until(() => new URL(frame.src).searchParams.get('callerNum') === '+14155550123', 'new call parameters');
    await untilStatus(
      win,
      (s) => s.callingNumber === '+14155550123' && (s.query as Record<string, string>).callerNum === '+14155550123',
      'the reloaded page shows the new call',
    );
    provider.locale = 'zh-CN';
    await untilStatus(win, (s) => s.lang === 'zh-CN' && s.title === '通话信息', 'tenant page follows the locale');
    provider.theme = 'dark';
    const dark = await untilStatus(win, (s) => s.theme === 'dark', 'tenant page follows the theme');
    expect(dark.surface).to.equal('#171b22');
  });

  it('carries out a granted write and refuses one that is not granted, with the message shown', async () => {
    const { win, backend } = await embed([page({ id: 'sms', url: tenantUrl({ name: 'sms' }), grants: ['sendNotification'] })]);
    const sent = await ask(win, 'backend', {
      method: 'sendNotification',
      args: [{ channel: 'sms', recipient: '+8613800138000', text: 'Your refund is on its way.', callId: 'call-20261125-0001' }],
    });
    expect(sent.ok, JSON.stringify(sent)).to.equal(true);
    const sendCalls = backend.calls.filter((c) => c.method === 'sendNotification');
    expect(sendCalls).to.have.length(1);
    expect(backend.messageRecords.at(-1)!.text).to.equal('Your refund is on its way.');

    const refused = await ask(win, 'save-handled-number', { value: '+8613911112222' });
    expect(refused.error).to.contain('You are not allowed to do this.');
    expect(backend.calls.some((c) => c.method === 'setHandledNumber')).to.equal(false);
    expect(backend.call!.handledNumber).to.equal(undefined);
  });

  it('keeps writes read-only by default and never forwards unknown or inherited method names', async () => {
    const { win, backend } = await embed([page({ id: 'ro', url: tenantUrl({ name: 'ro' }) })]);
    const read = await ask(win, 'backend', { method: 'getCustomer', args: ['cust-1'] });
    expect(read.ok).to.equal(true);
    const write = await ask(win, 'backend', { method: 'sendNotification', args: [{ channel: 'sms', recipient: '+8613800138000', text: 'x' }] });
    expect(write.ok).to.equal(false);
    expect((write.error as { kind: string; name: string }).kind).to.equal('forbidden');
    expect((write.error as { kind: string; name: string }).name).to.equal('BackendError');
    for (const method of ['hangUp', 'getRecordingUrl', 'listScreenPopups']) {
      const r = await ask(win, 'backend', { method, args: ['x'].slice(0, method === 'listScreenPopups' ? 0 : 1) });
      expect((r.error as { kind: string }).kind, method).to.equal('forbidden');
    }
    expect(backend.calls.map((c) => c.method)).not.to.include.members(['sendNotification', 'hangUp', 'getRecordingUrl', 'listScreenPopups']);
    // Straight at the protocol: names that are not contract methods are refused too.
    const before = backend.calls.length;
    for (const method of ['constructor', '__proto__', 'subscribe', 'emit', 'failNext']) {
      win.postMessage(bridgeMessage({ type: 'request', id: `raw-${method}`, method, args: [] }), TENANT_ORIGIN);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.calls.length).to.equal(before);
  });

  it('relays the current call’s transcript, backlog and live lines, to a page granted it', async () => {
    // The page opens (second tab) after a line was spoken: it must get that line too.
    const pages = [page({ id: 'tickets', open: 'window' }), page({ id: 'live', url: tenantUrl({ name: 'live' }), grants: ['transcript'] })];
    const setup = await withProvider<ScreenPopup>(html`<screen-popup .config=${config(pages)}></screen-popup>`);
    const backend = setup.backend;
    backend.pushTranscript({ id: 'seg-1', speaker: 'customer', text: 'I was charged twice.', offsetMs: 1000, final: true });
    await until(() => setup.provider.querySelector('screen-popup') !== null);
    tabs(setup.el)[1]!.click();
    await until(() => !!shadow(setup.el, 'iframe'), 'iframe rendered');
    const win = (shadow(setup.el, 'iframe') as HTMLIFrameElement).contentWindow!;
    const first = await waitForReport((r) => r.kind === 'context', 'first context', 8000);
    expect((first.snapshot as { transcript?: unknown[] }).transcript).to.have.length(1);
    await untilStatus(win, (s) => (s.transcript as string[]).includes('I was charged twice.'), 'the backlog in <realtime-transfer>');
    backend.pushTranscript({ id: 'seg-2', speaker: 'agent', text: 'Let me look at that.', offsetMs: 2000, final: false });
    await untilStatus(win, (s) => (s.transcript as string[]).some((t) => t.startsWith('Let me look at that.')), 'a live line');
    // A partial replaced by its final is one line, not two.
    backend.pushTranscript({ id: 'seg-2', speaker: 'agent', text: 'Let me look at that for you.', offsetMs: 2000, final: true });
    const s = await untilStatus(win, (r) => (r.transcript as string[]).includes('Let me look at that for you.'), 'the final line');
    expect(s.transcript).to.deep.equal(['I was charged twice.', 'Let me look at that for you.']);
    expect(s.streamStatus).to.equal('open');
  });

  it('sends no transcript to a page without the grant', async () => {
    const backend = memoryBackend();
    backend.pushTranscript({ id: 'seg-1', speaker: 'customer', text: 'My card number is secret.', offsetMs: 1000, final: true });
    const setup = await withProvider<ScreenPopup>(
      html`<screen-popup .config=${config([page({ id: 'plain', url: tenantUrl({ name: 'plain' }), grants: ['sendNotification'] })])}></screen-popup>`,
      backend,
    );
    await until(() => !!shadow(setup.el, 'iframe'), 'iframe rendered');
    const win = (shadow(setup.el, 'iframe') as HTMLIFrameElement).contentWindow!;
    const first = await waitForReport((r) => r.kind === 'context', 'first context', 8000);
    expect(first.snapshot).not.to.have.property('transcript');
    backend.pushTranscript({ id: 'seg-2', speaker: 'customer', text: 'And my PIN too.', offsetMs: 2000, final: true });
    // The call still reaches the page (it answers), so a relayed line would have arrived by now.
    await untilStatus(win, (s) => s.status === 'connected', 'connected');
    await new Promise((r) => setTimeout(r, 300));
    expect((await ask(win, 'status')).transcript).to.deep.equal([]);
  });

  it('cancels a forwarded request when the page aborts it', async () => {
    const { win, backend } = await embed([page({ id: 'slow', url: tenantUrl({ name: 'slow' }) })]);
    backend.hang('listTemplates');
    const r = await ask(win, 'backend', { method: 'listTemplates', args: ['sms'], abortAfter: 50 });
    expect((r.error as { kind: string }).kind).to.equal('aborted');
    expect(backend.calls.filter((c) => c.method === 'listTemplates')).to.have.length(1);
  });

  it('ignores protocol messages from the wrong origin or from a window that is not its page', async () => {
    const { el, win, backend } = await embed([page({ id: 'orders', url: tenantUrl({ name: 'orders' }) })]);
    const request = (id: string) => bridgeMessage({ type: 'request', id, method: 'listAuthModes', args: [] });
    // The right window, a wrong origin.
    window.dispatchEvent(new MessageEvent('message', { data: request('w1'), origin: 'https://evil.example', source: win }));
    // The right origin, a wrong window: the test page itself, and another real frame on the tenant origin.
    window.dispatchEvent(new MessageEvent('message', { data: request('w2'), origin: TENANT_ORIGIN, source: window }));
    const stranger = document.createElement('iframe');
    stranger.src = tenantUrl({ name: 'stranger' });
    document.body.append(stranger);
    try {
      await waitForReport((r) => r.kind === 'ready' && r.name === 'stranger', 'stranger frame ready', 8000);
      const strangerAnswer = await ask(stranger.contentWindow!, 'status');
      // Its bridge greets the test page, which is not a <screen-popup> frame of it: nobody answers.
      await new Promise((r) => setTimeout(r, 600));
      const later = await ask(stranger.contentWindow!, 'status');
      expect(strangerAnswer.status).to.equal('connecting');
      expect(later.status).to.equal('connecting');
      expect(backend.calls.some((c) => c.method === 'listAuthModes')).to.equal(false);
      // The same request from the real page and origin is carried out.
      const ok = await ask(win, 'backend', { method: 'listAuthModes', args: [] });
      expect(ok.ok).to.equal(true);
      expect(backend.calls.filter((c) => c.method === 'listAuthModes')).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      stranger.remove();
    }
  });
});
