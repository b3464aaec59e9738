import { expect, fixture, html } from '@open-wc/testing';
import type { WorkbenchFrameBridge } from '../src/components/workbench-frame-bridge/workbench-frame-bridge.js';
import { resolveConfig } from '../src/context/types.js';
import { FRAME_PROTOCOL, FRAME_PROTOCOL_VERSION, READ_ONLY_METHODS, type FrameContextSnapshot } from '../src/internal/frame-protocol.js';
import { sampleCall, shadow, text, until } from './helpers/fixtures.js';
import { TENANT_ORIGIN, ask, clearReports, tenantUrl, untilStatus, waitForReport } from './fixtures/tenant-frame.js';

interface Seen {
  readonly data: Record<string, unknown>;
  readonly origin: string;
  readonly source: MessageEventSource | null;
}

const seen: Seen[] = [];
window.addEventListener('message', (e) => {
  if (e.data && e.data.protocol === FRAME_PROTOCOL) seen.push({ data: e.data, origin: e.origin, source: e.source });
});

function snapshot(patch: Partial<FrameContextSnapshot> = {}): FrameContextSnapshot {
  return {
    call: sampleCall(),
    agent: { id: 'agent-1001', tenantId: 't', workNo: '1001', name: 'Lin Wei', state: 'talking' },
    customer: null,
    identityAuth: null,
    config: resolveConfig({}),
    locale: 'en',
    theme: 'light',
    allowed: [...READ_ONLY_METHODS],
    ...patch,
  };
}

const message = (body: Record<string, unknown>) => ({ protocol: FRAME_PROTOCOL, version: FRAME_PROTOCOL_VERSION, ...body });

async function tenantFrame(query: Record<string, string>): Promise<{ frame: HTMLIFrameElement; win: Window }> {
  const frame = document.createElement('iframe');
  frame.src = tenantUrl(query);
  frame.title = 'tenant page';
  document.body.append(frame);
  await waitForReport((r) => r.kind === 'ready' && r.name === query.name, `${query.name} ready`, 8000);
  return { frame, win: frame.contentWindow! };
}

describe('<workbench-frame-bridge> on its own', () => {
  it('says so when the page is not inside a workbench, and provides no backend', async () => {
    const el = await fixture<WorkbenchFrameBridge>(
      html`<workbench-frame-bridge parent-origin="https://workbench.example"><call-message></call-message></workbench-frame-bridge>`,
    );
    expect(el.status).to.equal('not-framed');
    expect(shadow(el, '[role=alert]')!.textContent).to.contain('Open this page from the workbench’s screen pop-ups');
    const panel = el.querySelector('call-message')!;
    await panel.updateComplete;
    expect(text(panel.shadowRoot!.querySelector('[part=empty]'))).to.equal('No call in progress.');
    await expect(el).to.be.accessible();
  });

  for (const origin of ['', 'not a url', 'javascript:alert(1)']) {
    it(`refuses to start with parent-origin ${JSON.stringify(origin)}`, async () => {
      const el = await fixture<WorkbenchFrameBridge>(html`<workbench-frame-bridge parent-origin=${origin}></workbench-frame-bridge>`);
      expect(el.status).to.equal('no-origin');
      expect(text(shadow(el, '[role=alert]'))).to.equal('This page is not set up: its parent-origin attribute is missing or is not an origin.');
      await expect(el).to.be.accessible();
    });
  }

  it('speaks Simplified Chinese when the page does', async () => {
    const el = await fixture<WorkbenchFrameBridge>(html`<workbench-frame-bridge lang="zh-CN" parent-origin=""></workbench-frame-bridge>`);
    await until(() => text(shadow(el, '[role=alert]')).startsWith('此页面'), 'zh-CN strings');
  });
});

describe('<workbench-frame-bridge> in a real frame on another origin', function () {
  this.timeout(30000);
  const frames: HTMLIFrameElement[] = [];
  beforeEach(() => {
    clearReports();
    seen.length = 0;
  });
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  async function open(query: Record<string, string>) {
    const t = await tenantFrame(query);
    frames.push(t.frame);
    return t;
  }

  it('greets only its parent, at the parent’s origin, and takes the context the parent sends', async () => {
    const { win } = await open({ name: 'a' });
    await until(() => seen.some((m) => m.data.type === 'hello' && m.source === win), 'hello from the page');
    const hello = seen.find((m) => m.data.type === 'hello')!;
    expect(hello.origin).to.equal(TENANT_ORIGIN);
    expect(hello.data.version).to.equal(FRAME_PROTOCOL_VERSION);
    expect((await ask(win, 'status')).status).to.equal('connecting');

    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    const s = await untilStatus(win, (r) => r.callingNumber === '+8613800138000', 'the page shows the call');
    expect(s.status).to.equal('connected');

    win.postMessage(message({ type: 'context', snapshot: snapshot({ call: sampleCall({ callingNumber: '+14155550123' }), locale: 'zh-CN', theme: 'dark' }) }), TENANT_ORIGIN);
    const next = await untilStatus(win, (r) => r.callingNumber === '+14155550123' && r.title === '通话信息', 'the page follows the update');
    expect(next.theme).to.equal('dark');
    expect(next.lang).to.equal('zh-CN');
    expect(next.surface).to.equal('#171b22');
  });

  it('ignores context from its parent window when the origin is not its parent-origin', async () => {
    const { win } = await open({ name: 'b', parent: 'http://localhost:9' });
    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    await new Promise((r) => setTimeout(r, 300));
    const s = await ask(win, 'status');
    expect(s.status).to.equal('connecting');
    expect(s.callId).to.equal(null);
    // Its hellos went to the configured origin only, so this page never saw one.
    expect(seen.some((m) => m.data.type === 'hello' && m.source === win)).to.equal(false);
  });

  it('ignores context from another window, even one on its parent’s origin', async () => {
    const { win } = await open({ name: 'c' });
    const sibling = document.createElement('iframe');
    sibling.title = 'sibling';
    sibling.srcdoc = '<!doctype html><title>sibling</title>';
    document.body.append(sibling);
    frames.push(sibling);
    await until(() => sibling.contentDocument?.readyState === 'complete');
    // Posted from the sibling's own realm, so the sibling is the message's source.
    const post = new (sibling.contentWindow as unknown as { Function: FunctionConstructor }).Function('target', 'data', 'origin', 'target.postMessage(data, origin)');
    post(win, message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    await new Promise((r) => setTimeout(r, 300));
    expect((await ask(win, 'status')).status).to.equal('connecting');
    // The same message from the parent is taken.
    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    await untilStatus(win, (r) => r.status === 'connected', 'connected once the parent speaks');
  });

  it('ignores malformed and other-version messages', async () => {
    const { win } = await open({ name: 'd' });
    for (const data of [
      'hello',
      null,
      { protocol: FRAME_PROTOCOL, version: 99, type: 'context', snapshot: snapshot() },
      message({ type: 'context', snapshot: { ...snapshot(), theme: 'neon' } }),
      message({ type: 'context' }),
      message({ type: 'response', id: 'x', ok: false, error: { kind: 'nope', message: 1 } }),
    ]) {
      win.postMessage(data, TENANT_ORIGIN);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await ask(win, 'status')).status).to.equal('connecting');
  });

  it('forwards backend calls as requests with the idempotency key, and settles them with the parent’s answer', async () => {
    const { win } = await open({ name: 'e' });
    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    await untilStatus(win, (r) => r.status === 'connected', 'connected');

    const answer = ask(win, 'backend', { method: 'getCustomer', args: ['cust-1'] });
    await until(() => seen.some((m) => m.data.type === 'request'), 'request reaches the parent');
    const request = seen.find((m) => m.data.type === 'request')!;
    expect(request.source).to.equal(win);
    expect(request.data.method).to.equal('getCustomer');
    expect(request.data.args).to.deep.equal(['cust-1']);
    expect(request.data.idempotencyKey).to.equal('fixture-key-1');
    // An answer from another window is not taken for the parent's.
    const sibling = document.createElement('iframe');
    sibling.srcdoc = '<!doctype html><title>sibling</title>';
    sibling.title = 'sibling';
    document.body.append(sibling);
    frames.push(sibling);
    await until(() => sibling.contentDocument?.readyState === 'complete');
    const post = new (sibling.contentWindow as unknown as { Function: FunctionConstructor }).Function('target', 'data', 'origin', 'target.postMessage(data, origin)');
    post(win, message({ type: 'response', id: request.data.id, ok: true, value: { id: 'forged' } }), TENANT_ORIGIN);
    await new Promise((r) => setTimeout(r, 200));
    win.postMessage(message({ type: 'response', id: request.data.id, ok: true, value: { id: 'cust-1', name: 'Zhang Wei' } }), TENANT_ORIGIN);
    const r = await answer;
    expect(r.ok).to.equal(true);
    expect(r.value).to.deep.equal({ id: 'cust-1', name: 'Zhang Wei' });

    const refused = ask(win, 'backend', { method: 'sendNotification', args: [{ channel: 'sms' }] });
    await until(() => seen.filter((m) => m.data.type === 'request').length === 2);
    const second = seen.filter((m) => m.data.type === 'request')[1]!;
    win.postMessage(message({ type: 'response', id: second.data.id, ok: false, error: { kind: 'forbidden', message: 'not granted', code: 'not-granted' } }), TENANT_ORIGIN);
    const e = await refused;
    expect(e.ok).to.equal(false);
    expect(e.error).to.deep.equal({ name: 'BackendError', kind: 'forbidden', code: 'not-granted' });
  });

  it('provides the transcript the parent relays, and ignores lines from another window, origin or call', async () => {
    const { win } = await open({ name: 'g' });
    const segment = (id: string, text: string) => ({ id, speaker: 'customer', text, offsetMs: 1000, final: true });
    const line = (id: string, text: string, callId = 'call-test-1') => message({ type: 'event', event: { type: 'transcript', callId, segment: segment(id, text) } });
    win.postMessage(message({ type: 'context', snapshot: snapshot({ transcript: [segment('s1', 'Hello, I need help.')] as never }) }), TENANT_ORIGIN);
    await untilStatus(win, (r) => (r.transcript as string[]).includes('Hello, I need help.'), 'the backlog shown');

    // Before the page speaks to its parent's lines: a sibling on the parent's origin, a line for another call, a malformed line.
    const sibling = document.createElement('iframe');
    sibling.title = 'sibling';
    sibling.srcdoc = '<!doctype html><title>sibling</title>';
    document.body.append(sibling);
    frames.push(sibling);
    await until(() => sibling.contentDocument?.readyState === 'complete');
    const post = new (sibling.contentWindow as unknown as { Function: FunctionConstructor }).Function('target', 'data', 'origin', 'target.postMessage(data, origin)');
    post(win, line('s2', 'Forged by a sibling.'), TENANT_ORIGIN);
    win.postMessage(line('s3', 'From another call.', 'call-other'), TENANT_ORIGIN);
    win.postMessage(message({ type: 'event', event: { type: 'transcript', callId: 'call-test-1', segment: { id: 's4', text: 'No speaker.' } } }), TENANT_ORIGIN);
    win.postMessage(line('s5', 'The real next line.'), TENANT_ORIGIN);
    const s = await untilStatus(win, (r) => (r.transcript as string[]).includes('The real next line.'), 'the parent’s line shown');
    expect(s.transcript).to.deep.equal(['Hello, I need help.', 'The real next line.']);
    expect(s.streamStatus).to.equal('open');
  });

  it('ignores a transcript line from the wrong origin', async () => {
    const { win } = await open({ name: 'h', parent: 'http://localhost:9' });
    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    win.postMessage(message({ type: 'event', event: { type: 'transcript', callId: 'call-test-1', segment: { id: 's1', speaker: 'customer', text: 'x', offsetMs: 0, final: true } } }), TENANT_ORIGIN);
    await new Promise((r) => setTimeout(r, 300));
    const s = await ask(win, 'status');
    expect(s.status).to.equal('connecting');
    expect(s.transcript).to.deep.equal([]);
  });

  it('turns an aborted call into a cancel message', async () => {
    const { win } = await open({ name: 'f' });
    win.postMessage(message({ type: 'context', snapshot: snapshot() }), TENANT_ORIGIN);
    await untilStatus(win, (r) => r.status === 'connected', 'connected');
    const r = await ask(win, 'backend', { method: 'listTemplates', args: ['sms'], abortAfter: 20 });
    expect((r.error as { kind: string }).kind).to.equal('aborted');
    const request = seen.find((m) => m.data.type === 'request')!;
    await until(() => seen.some((m) => m.data.type === 'cancel'), 'cancel sent');
    expect(seen.find((m) => m.data.type === 'cancel')!.data.id).to.equal(request.data.id);
  });
});
