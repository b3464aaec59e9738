import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import type { AvWorkbench } from '../src/components/av-workbench/av-workbench.js';
import type { ConnectionBar } from '../src/components/connection-bar/connection-bar.js';
import { memoryBackend, text, until } from './helpers/fixtures.js';

const AREA_TAGS = [
  'call-message',
  'call-callback',
  'customer-info',
  'history-contacts',
  'contact-records',
  'basic-information',
  'call-reason',
  'notify-sms',
  'realtime-transfer',
] as const;

function sr(el: AvWorkbench): ShadowRoot {
  return el.shadowRoot!;
}

/** The default panels the workbench renders, by tag. */
function shownAreas(el: AvWorkbench): string[] {
  return AREA_TAGS.filter((tag) => {
    const found = sr(el).querySelector(tag);
    return found !== null && found.closest('[hidden]') === null;
  });
}

function isVisible(node: Element | null): boolean {
  if (!node) return false;
  const rect = node.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

function record<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K): GlobalEventHandlersEventMap[K][] {
  const events: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(type, (e) => events.push(e as GlobalEventHandlersEventMap[K]));
  return events;
}

function signedOutBackend(): MemoryBackend {
  const backend = memoryBackend({ connectedCall: false });
  backend.agent = Object.freeze({ ...backend.agent, state: 'signed-out' as const });
  return backend;
}

async function ready(el: AvWorkbench): Promise<void> {
  await until(() => sr(el).querySelector('.loading') === null && !!sr(el).querySelector('[part~=header]'), 'workbench ready');
  await el.updateComplete;
}

async function workbench(backend: MemoryBackend = memoryBackend(), attrs: { open?: boolean } = {}) {
  const el = await fixture<AvWorkbench>(html`<av-workbench .backend=${backend} ?open=${attrs.open ?? true}></av-workbench>`);
  await ready(el);
  if (backend.call) await until(() => shownAreas(el).length > 0, 'areas shown');
  return el;
}

const tabsOf = (el: AvWorkbench, group: 'live' | 'actions') =>
  [...sr(el).querySelectorAll<HTMLButtonElement>(`[part~=section][part~=${group}] [role=tab]`)];

describe('<av-workbench>', () => {
  afterEach(() => {
    // A vetoing listener from one test must not leak into the next.
    document.removeEventListener('avw-workbench-open-request', veto);
  });

  it('shows the areas of the customer center feature off: call message, customer info, history contacts, callback', async () => {
    const el = await workbench();
    expect(shownAreas(el)).to.deep.equal(['call-message', 'call-callback', 'customer-info', 'history-contacts', 'call-reason', 'notify-sms', 'realtime-transfer']);
    expect(text(sr(el).querySelector('[part~=summary]'))).to.equal('+8613800138000 · Connected');
    // The panels follow the workbench's own provider.
    const message = sr(el).querySelector('call-message')!;
    await until(() => text(message.shadowRoot!.querySelector('[part=details]')).includes('+8613800138000'), 'call message shows the call');
    await expect(el).to.be.accessible();
  });

  it('shows contact records and basic information when the customer center is on, by config or attribute, and switches at run time', async () => {
    const backend = memoryBackend();
    const el = await fixture<AvWorkbench>(html`<av-workbench open .backend=${backend} .config=${{ customerCenter: true }}></av-workbench>`);
    await ready(el);
    await until(() => shownAreas(el).includes('contact-records'), 'customer center areas');
    expect(shownAreas(el)).to.deep.equal(['contact-records', 'basic-information', 'call-reason', 'notify-sms', 'realtime-transfer']);
    await expect(el).to.be.accessible();

    el.setAttribute('customer-center', 'false');
    await until(() => shownAreas(el).includes('customer-info'), 'attribute turns it off');
    expect(shownAreas(el)).to.not.include('contact-records');
    expect(shownAreas(el)).to.not.include('basic-information');

    el.removeAttribute('customer-center');
    await until(() => shownAreas(el).includes('basic-information'), 'back to the configuration');

    el.config = { customerCenter: false };
    await until(() => shownAreas(el).includes('call-message'), 'config turns it off');
    el.setAttribute('customer-center', '');
    await until(() => shownAreas(el).includes('contact-records'), 'attribute turns it on');
    expect(shownAreas(el)).to.not.include('customer-info');
  });

  it('opens by itself when the agent signs in, with no connection bar', async () => {
    const backend = signedOutBackend();
    const el = await fixture<AvWorkbench>(html`<av-workbench .backend=${backend}></av-workbench>`);
    await ready(el);
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    const opened = record(el, 'avw-workbench-opened');
    await backend.signIn();
    await until(() => el.open, 'opened on sign-in');
    expect(el.hasAttribute('open')).to.equal(true);
    expect(opened.map((e) => e.reason)).to.deep.equal(['sign-in']);
    // Idle: signed in, no call.
    await until(() => !!sr(el).querySelector('[part=idle]'), 'idle state');
    expect(text(sr(el).querySelector('[part=idle]'))).to.contain('You are signed in.');
    await expect(el).to.be.accessible();
  });

  it('opens by itself when a call connects, with no connection bar, once per call', async () => {
    const backend = memoryBackend({ connectedCall: false });
    const el = await fixture<AvWorkbench>(html`<av-workbench .backend=${backend}></av-workbench>`);
    await ready(el);
    await until(() => el.open, 'signed-in agent opens it');
    el.hide();
    await el.updateComplete;
    const opened = record(el, 'avw-workbench-opened');
    const call = backend.ring('+14155550123');
    await new Promise((r) => setTimeout(r, 50));
    expect(el.open, 'ringing does not open it').to.equal(false);
    await backend.answer(call.id);
    await until(() => el.open, 'opened on connect');
    expect(opened.map((e) => e.reason)).to.deep.equal(['call-connected']);
    el.hide();
    await backend.hold(call.id);
    await backend.resume(call.id);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.open, 'resuming the same call does not reopen it').to.equal(false);
  });

  it('opens through a connection bar in the host toolbar, outside the workbench, on sign-in and on answer', async () => {
    const backend = signedOutBackend();
    const page = await fixture<HTMLElement>(html`<workbench-provider .backend=${backend}>
      <header><connection-bar></connection-bar></header>
      <main><av-workbench></av-workbench></main>
    </workbench-provider>`);
    const bar = page.querySelector<ConnectionBar>('connection-bar')!;
    const el = page.querySelector<AvWorkbench>('av-workbench')!;
    await ready(el);
    expect(sr(el).querySelector('workbench-provider'), 'uses the provider above').to.equal(null);
    const requests = record(document, 'avw-workbench-open-request');
    const opened = record(el, 'avw-workbench-opened');
    await until(() => !!bar.shadowRoot!.querySelector('button[data-action=sign-in]'), 'sign-in button');
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=sign-in]')!.click();
    await until(() => el.open, 'opened on sign-in');
    expect(opened.map((e) => e.reason)).to.deep.equal(['sign-in']);
    expect(requests.some((e) => e.target === bar && e.reason === 'sign-in'), 'the connection bar asked').to.equal(true);

    el.hide();
    const call = backend.ring('+8613800138000');
    await until(() => !!bar.shadowRoot!.querySelector('button[data-action=answer]'), 'answer button');
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=answer]')!.click();
    await until(() => el.open, 'opened on answer');
    expect(opened.map((e) => e.reason)).to.deep.equal(['sign-in', 'call-connected']);
    await new Promise((r) => setTimeout(r, 50));
    expect(opened.map((e) => e.reason), 'one sign-in, one call: opened once each').to.deep.equal(['sign-in', 'call-connected']);
    expect(requests.some((e) => e.target === bar && e.reason === 'call-connected' && e.callId === call.id)).to.equal(true);
    await until(() => shownAreas(el).includes('call-message'), 'areas from the outer provider');
    await expect(el).to.be.accessible();
  });

  it('honours a connection bar’s request from anywhere on the page, even one that shares nothing with it', async () => {
    const backend = signedOutBackend();
    const page = await fixture<HTMLElement>(html`<div>
      <workbench-provider .backend=${backend}><connection-bar></connection-bar></workbench-provider>
      <av-workbench></av-workbench>
    </div>`);
    const bar = page.querySelector<ConnectionBar>('connection-bar')!;
    const el = page.querySelector<AvWorkbench>('av-workbench')!;
    await el.updateComplete;
    expect(el.open).to.equal(false);
    const opened = record(el, 'avw-workbench-opened');
    await until(() => !!bar.shadowRoot!.querySelector('button[data-action=sign-in]'), 'sign-in button');
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=sign-in]')!.click();
    await until(() => el.open, 'opened by the bar’s request alone');
    expect(opened.map((e) => e.reason)).to.deep.equal(['sign-in']);
  });

  it('stays closed when the host vetoes the open request, from a connection bar or from context', async () => {
    document.addEventListener('avw-workbench-open-request', veto);
    const backend = signedOutBackend();
    const page = await fixture<HTMLElement>(html`<div>
      <workbench-provider .backend=${backend}><connection-bar></connection-bar></workbench-provider>
      <av-workbench .backend=${backend}></av-workbench>
    </div>`);
    const bar = page.querySelector<ConnectionBar>('connection-bar')!;
    const el = page.querySelector<AvWorkbench>('av-workbench')!;
    await ready(el);
    const requests = record(document, 'avw-workbench-open-request');
    await until(() => !!bar.shadowRoot!.querySelector('button[data-action=sign-in]'), 'sign-in button');
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=sign-in]')!.click();
    await until(() => requests.length > 0 && el.shadowRoot!.querySelector('[part~=summary]') !== null, 'asked');
    const call = backend.ring();
    await backend.answer(call.id);
    await until(() => requests.some((e) => e.reason === 'call-connected'), 'asked for the call');
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.every((e) => e.defaultPrevented)).to.equal(true);
    expect(el.open).to.equal(false);
    // The compact bar still offers the call and the Open button.
    expect(text(sr(el).querySelector('[part~=summary]'))).to.equal('+8613800138000 · Connected');
    await expect(el).to.be.accessible();

    document.removeEventListener('avw-workbench-open-request', veto);
    el.show();
    await el.updateComplete;
    expect(el.open, 'the host itself can still open it').to.equal(true);
  });

  it('opens and closes for the host (show, hide, the open attribute) and for the agent by keyboard', async () => {
    const el = await workbench(memoryBackend(), { open: false });
    await until(() => el.open, 'auto-opened for the signed-in agent');
    const opened = record(el, 'avw-workbench-opened');
    const closed = record(el, 'avw-workbench-closed');
    el.hide();
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(false);
    expect(sr(el).querySelector('[part=body]')!.hasAttribute('hidden')).to.equal(true);
    const toggle = sr(el).querySelector<HTMLButtonElement>('[part=toggle]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(isVisible(toggle)).to.equal(true);
    await expect(el).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.open).to.equal(false);

    el.setAttribute('open', '');
    await el.updateComplete;
    el.show();
    await el.updateComplete;
    expect(opened.map((e) => e.reason)).to.deep.equal(['agent', 'host']);
    expect(closed.map((e) => e.reason)).to.deep.equal(['host', 'agent']);
    expect(opened[0]!.bubbles && opened[0]!.composed).to.equal(true);
  });

  it('lets the host replace an area through its slot and add areas', async () => {
    const backend = memoryBackend();
    const el = await fixture<AvWorkbench>(html`<av-workbench open .backend=${backend}>
      <section slot="customer-info" id="crm-card">The CRM’s own customer card</section>
      <customer-info slot="extra" id="extra-info"></customer-info>
      <button slot="actions" id="escalate">Escalate</button>
    </av-workbench>`);
    await ready(el);
    await until(() => shownAreas(el).includes('call-message'), 'areas');
    expect(shownAreas(el), 'the default customer-info is gone').to.not.include('customer-info');
    const card = el.querySelector('#crm-card')!;
    expect(isVisible(card)).to.equal(true);
    expect(card.assignedSlot?.name).to.equal('customer-info');
    expect(isVisible(el.querySelector('#escalate'))).to.equal(true);
    // A slotted panel shares the workbench's call and customer.
    const extra = el.querySelector('#extra-info')!;
    await until(() => text(extra.shadowRoot!.querySelector('[part=base]')).includes('Zhang Min'), 'slotted panel has the customer');
    expect(isVisible(extra)).to.equal(true);
    await expect(el).to.be.accessible();

    card.remove();
    await until(() => shownAreas(el).includes('customer-info'), 'the default comes back when the host takes its card away');
  });

  it('operates its tabs with arrows, Home and End, following the text direction', async () => {
    const el = await workbench();
    const tabs = tabsOf(el, 'actions');
    expect(tabs.map((t) => text(t))).to.deep.equal(['SMS', 'Email', 'WhatsApp', 'Harassment record', 'Identity authentication']);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(sr(el).activeElement).to.equal(tabs[1]);
    const panel = sr(el).getElementById(tabs[1]!.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(false);
    expect(isVisible(panel.querySelector('notify-email'))).to.equal(true);
    expect(sr(el).getElementById('panel-notify-sms')!.hidden).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(sr(el).activeElement).to.equal(tabs[4]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(sr(el).activeElement, 'wraps to the first').to.equal(tabs[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(sr(el).activeElement, 'wraps to the last').to.equal(tabs[4]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(sr(el).activeElement).to.equal(tabs[0]);
    await expect(el).to.be.accessible();

    el.setAttribute('dir', 'rtl');
    await el.updateComplete;
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(sr(el).activeElement, 'in RTL the left arrow goes forward').to.equal(tabs[1]);

    const live = tabsOf(el, 'live');
    live[0]!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live[1]!.getAttribute('aria-selected')).to.equal('true');
    await until(() => !!sr(el).querySelector('#panel-screen-popup screen-popup'), 'screen pop-ups rendered');
  });

  it('lays out in two columns when wide and one column of collapsible sections at 320px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 1200px">
      <av-workbench open .backend=${memoryBackend()}></av-workbench>
    </div>`);
    const el = wrapper.querySelector('av-workbench')!;
    await ready(el);
    await until(() => shownAreas(el).length > 0, 'areas');
    const section = (name: string) => sr(el).querySelector(`[part~=section][part~=${name}]`)!;
    let call = section('call').getBoundingClientRect();
    let live = section('live').getBoundingClientRect();
    expect(Math.abs(call.top - live.top), 'side by side').to.be.lessThan(2);
    expect(live.left).to.be.greaterThan(call.right - 1);

    wrapper.style.inlineSize = '320px';
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    call = section('call').getBoundingClientRect();
    live = section('live').getBoundingClientRect();
    expect(live.top, 'stacked').to.be.greaterThan(call.bottom - 1);
    const base = sr(el).querySelector<HTMLElement>('[part~=base]')!;
    expect(base.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth, 'nothing sticks out sideways').to.be.at.most(base.clientWidth + 1);
    for (const tab of tabsOf(el, 'actions')) {
      const rect = tab.getBoundingClientRect();
      expect(rect.right, text(tab)).to.be.at.most(base.getBoundingClientRect().right + 0.5);
    }
    await expect(el).to.be.accessible();

    const toggle = section('customer').querySelector<HTMLButtonElement>('.section-toggle')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(isVisible(sr(el).querySelector('customer-info'))).to.equal(false);
    expect(isVisible(sr(el).querySelector('call-message')), 'other sections stay').to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(isVisible(sr(el).querySelector('customer-info'))).to.equal(true);
  });

  it('shows loading, then an error with Retry when the contact center cannot be reached', async () => {
    const hanging = memoryBackend().hang('getAgent');
    const loading = await fixture<AvWorkbench>(html`<av-workbench open .backend=${hanging}></av-workbench>`);
    await until(() => !!sr(loading).querySelector('.loading'), 'loading');
    expect(sr(loading).querySelector('.loading')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(sr(loading).querySelector('.loading'))).to.equal('Connecting to the contact center…');
    await expect(loading).to.be.accessible();

    const backend = memoryBackend().failNext('getAgent', 'unavailable', 2).failNext('getCurrentCall', 'unavailable', 1);
    const el = await fixture<AvWorkbench>(html`<av-workbench open .backend=${backend}></av-workbench>`);
    await until(() => !!sr(el).querySelector('[part=error]'), 'error');
    const alert = sr(el).querySelector('[part=error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('The workbench cannot reach the contact center. The service is not reachable right now.');
    expect(shownAreas(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    backend.clearFaults();
    alert.querySelector('button')!.click();
    await until(() => shownAreas(el).includes('call-message'), 'recovered after Retry');
    expect(sr(el).querySelector('[part=error]')).to.equal(null);
  });

  it('leaves the error state by itself when the stream brings news', async () => {
    const backend = memoryBackend({ connectedCall: false }).failNext('getAgent', 'unavailable', 2);
    const el = await fixture<AvWorkbench>(html`<av-workbench open .backend=${backend}></av-workbench>`);
    await until(() => !!sr(el).querySelector('[part=error]'), 'error');
    backend.ring('+14155550123');
    await until(() => shownAreas(el).includes('call-message'), 'recovered without Retry');
    expect(text(sr(el).querySelector('[part~=summary]'))).to.equal('+14155550123 · Ringing');
  });

  it('shows a calm idle state without a call, telling a signed-out agent to sign in', async () => {
    const el = await workbench(signedOutBackend(), { open: true });
    await until(() => !!sr(el).querySelector('[part=idle]'), 'idle');
    expect(text(sr(el).querySelector('[part=idle]'))).to.contain('Sign in from the connection bar');
    expect(text(sr(el).querySelector('[part~=summary]'))).to.equal('No call');
    expect(shownAreas(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('passes theme and locale to every panel through its provider', async () => {
    const el = await fixture<AvWorkbench>(html`<av-workbench open theme="dark" locale="zh-CN" .backend=${memoryBackend()}></av-workbench>`);
    await ready(el);
    const provider = sr(el).querySelector('workbench-provider')!;
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(provider.locale).to.equal('zh-CN');
    await until(() => text(sr(el).querySelector('.title')) === '音视频工作台', 'own strings in Chinese');
    const message = sr(el).querySelector('call-message')!;
    await until(() => text(message.shadowRoot!.querySelector('h2')) === '通话信息', 'panels in Chinese');
    const bg = getComputedStyle(sr(el).querySelector('[part~=base]')!).backgroundColor;
    expect(bg, 'dark surface').to.equal('rgb(18, 21, 27)');
    await expect(el).to.be.accessible();

    // Without a theme it takes the page's tokens rather than resetting them.
    const page = await fixture<HTMLElement>(html`<div style="--avw-color-surface-sunken: rgb(1, 2, 3)">
      <av-workbench open .backend=${memoryBackend()}></av-workbench>
    </div>`);
    const inherited = page.querySelector('av-workbench')!;
    await ready(inherited);
    expect(getComputedStyle(sr(inherited).querySelector('[part~=base]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('follows the call again after the host moves it', async () => {
    const backend = memoryBackend({ connectedCall: false });
    const el = await workbench(backend);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await el.updateComplete;
    backend.ring('+14155550123');
    await until(() => text(sr(el).querySelector('[part~=summary]')) === '+14155550123 · Ringing', 'summary follows the new call');
    elsewhere.remove();
  });

  it('renders backend strings as text', async () => {
    const backend = memoryBackend({ connectedCall: false });
    const el = await workbench(backend);
    backend.ring('<img src=x onerror="window.__pwned=1">');
    await until(() => text(sr(el).querySelector('[part~=summary]')).startsWith('<img'), 'summary shows the number');
    expect(sr(el).querySelector('[part~=summary] img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

function veto(event: Event): void {
  event.preventDefault();
}
