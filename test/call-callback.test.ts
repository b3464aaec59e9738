import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallCallback } from '../src/components/call-callback/call-callback.js';
import type { CallSession } from '../src/context/types.js';
import type { CallStartedEvent } from '../src/events/context-events.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

type El = CallCallback;
type Backend = ReturnType<typeof memoryBackend>;

let serial = 0;

/** A backend whose current call has an id no earlier test used: callbacks are remembered per call id. */
function backendWithCall(patch: Partial<CallSession> = {}): Backend {
  const backend = memoryBackend();
  backend.setCall({ ...backend.call!, id: `call-cb-${Date.now()}-${++serial}`, ...patch });
  return backend;
}

const callbacks = (backend: Backend) => backend.calls.filter((c) => c.method === 'callback');
const button = (el: El) => shadow(el, 'button[part=button]') as HTMLButtonElement | null;

function spyKeys(backend: Backend): string[] {
  const keys: string[] = [];
  const original = backend.callback.bind(backend);
  backend.callback = (callId, options) => (keys.push(options.idempotencyKey), original(callId, options));
  return keys;
}

describe('<call-callback>', () => {
  beforeEach(() => sessionStorage.clear());

  it('renders nothing while the call is connected, and offers Callback once it ends abnormally', async () => {
    const backend = backendWithCall();
    const { el } = await withProvider<El>(html`<call-callback></call-callback>`, backend);
    expect(el.shadowRoot!.children).to.have.length(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
    backend.endCall(true);
    await until(() => !!button(el), 'offered after the abnormal end');
    expect(text(button(el))).to.equal('Callback');
    expect(text(shadow(el, '[part=message]'))).to.equal('The call was disconnected abnormally. Call back +8613800138000');
    await expect(el).to.be.accessible();
  });

  it('offers nothing after a normal end', async () => {
    const backend = backendWithCall();
    const { el, provider } = await withProvider<El>(html`<call-callback></call-callback>`, backend);
    backend.endCall(false);
    await until(() => provider.call?.state === 'ended');
    await el.updateComplete;
    expect(button(el)).to.equal(null);
  });

  it('offers nothing with the customer center feature on', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const el = await fixture<El>(
      html`<call-callback .call=${backend.call} .backend=${backend} .config=${{ customerCenter: true }}></call-callback>`,
    );
    expect(button(el)).to.equal(null);
    expect(el.shadowRoot!.children).to.have.length(0);
  });

  it('offers nothing without a call', async () => {
    const el = await fixture<El>(html`<call-callback .call=${null}></call-callback>`);
    expect(button(el)).to.equal(null);
  });

  it('calls back the handled number, and the new outbound call reaches the provider', async () => {
    const backend = backendWithCall({ handledNumber: '+14155550123' });
    const { el, provider } = await withProvider<El>(html`<call-callback></call-callback>`, backend);
    const ended = backend.call!.id;
    backend.endCall(true);
    await until(() => !!button(el));
    expect(text(shadow(el, '.number'))).to.equal('+14155550123');
    const started = new Promise<CallStartedEvent>((r) => el.addEventListener('avw-call-started', r, { once: true }));
    button(el)!.click();
    const event = await started;
    expect(event.call.direction).to.equal('outbound');
    expect(event.call.customerNumber).to.equal('+14155550123');
    expect(callbacks(backend)[0]!.args).to.deep.equal([ended]);
    await until(() => provider.call?.id === event.call.id, 'provider has the new call');
    expect(provider.call!.state).to.equal('connected');
    // The new call is connected: nothing to call back any more.
    await el.updateComplete;
    expect(button(el)).to.equal(null);
  });

  it('never calls back twice: a double click places one call', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const el = await fixture<El>(html`<call-callback .call=${backend.call} .backend=${backend}></call-callback>`);
    const before = backend.calls.length;
    button(el)!.click();
    button(el)!.click();
    await el.updateComplete;
    expect(button(el)!.disabled).to.be.true;
    expect(text(button(el))).to.equal('Calling back…');
    expect(button(el)!.getAttribute('aria-busy')).to.equal('true');
    await until(() => text(button(el)) === 'Callback placed', 'placed');
    expect(button(el)!.disabled).to.be.true;
    expect(text(shadow(el, '.placed'))).to.equal('Calling back +8613800138000.');
    button(el)!.click();
    await el.updateComplete;
    expect(callbacks(backend)).to.have.length(1);
    // One outbound call: the backend dialled once.
    expect(backend.calls.slice(before).filter((c) => c.method === 'callback')).to.have.length(1);
    expect(backend.call!.direction).to.equal('outbound');
    await expect(el).to.be.accessible();
  });

  it('remembers a placed callback for the session: a new panel for the same call does not offer it again', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const call = backend.call!;
    const first = await fixture<El>(html`<call-callback .call=${call} .backend=${backend}></call-callback>`);
    button(first)!.click();
    await until(() => text(button(first)) === 'Callback placed');
    first.remove();
    const second = await fixture<El>(html`<call-callback .call=${call} .backend=${backend}></call-callback>`);
    expect(button(second)!.disabled).to.be.true;
    expect(text(button(second))).to.equal('Callback placed');
    button(second)!.click();
    await second.updateComplete;
    expect(callbacks(backend)).to.have.length(1);
  });

  it('shows a failure with Retry; the retry reuses the key and places one call', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' }).failNext('callback', 'unavailable');
    const keys = spyKeys(backend);
    const el = await fixture<El>(html`<call-callback .call=${backend.call} .backend=${backend}></call-callback>`);
    button(el)!.click();
    await until(() => !!shadow(el, '.error-box[role=alert]'), 'error shown');
    expect(text(shadow(el, '.error-box'))).to.contain('The callback could not be placed.').and.contain('not reachable');
    expect(button(el)!.disabled).to.be.false;
    await expect(el).to.be.accessible();
    (shadow(el, '.error-box .retry') as HTMLButtonElement).click();
    await until(() => text(button(el)) === 'Callback placed', 'retry placed');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(shadow(el, '.error-box')).to.equal(null);
  });

  it('keeps the key across panels when the answer was lost, so the backend places one call', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const keys = spyKeys(backend);
    const call = backend.call!;
    backend.hang('callback');
    const first = await fixture<El>(html`<call-callback .call=${call} .backend=${backend}></call-callback>`);
    button(first)!.click();
    await until(() => keys.length === 1);
    // The page is left before the answer came back.
    first.remove();
    backend.clearFaults();
    const second = await fixture<El>(html`<call-callback .call=${call} .backend=${backend}></call-callback>`);
    button(second)!.click();
    await until(() => text(button(second)) === 'Callback placed');
    expect(keys[1]).to.equal(keys[0]);
  });

  it('lets the host veto the callback', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const el = await fixture<El>(html`<call-callback .call=${backend.call} .backend=${backend}></call-callback>`);
    el.addEventListener('avw-callback-request', (e) => {
      expect(e.callId).to.equal(backend.call!.id);
      expect(e.number).to.equal('+8613800138000');
      e.preventDefault();
    });
    button(el)!.click();
    await el.updateComplete;
    expect(callbacks(backend)).to.have.length(0);
    expect(button(el)!.disabled).to.be.false;
  });

  it('works from the keyboard', async () => {
    const backend = backendWithCall({ state: 'ended-abnormally' });
    const el = await fixture<El>(html`<call-callback .call=${backend.call} .backend=${backend}></call-callback>`);
    button(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => callbacks(backend).length === 1, 'Enter calls back');
  });

  it('renders a hostile number as inert text', async () => {
    const el = await fixture<El>(
      html`<call-callback .call=${sampleCall({ id: `call-hostile-${Date.now()}`, state: 'ended-abnormally', customerNumber: HOSTILE })}></call-callback>`,
    );
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, '.number'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says it is not connected when there is no backend', async () => {
    const el = await fixture<El>(
      html`<call-callback .call=${sampleCall({ id: `call-nb-${Date.now()}`, state: 'ended-abnormally' })}></call-callback>`,
    );
    button(el)!.click();
    await el.updateComplete;
    expect(text(shadow(el, '.error-box'))).to.contain('Not connected to the contact center.');
  });

  it('renders in Simplified Chinese', async () => {
    const backend = backendWithCall();
    const { el, provider } = await withProvider<El>(html`<call-callback></call-callback>`, backend);
    provider.locale = 'zh-CN';
    backend.endCall(true);
    await until(() => text(button(el)) === '回呼', 'zh-CN strings load');
    expect(text(shadow(el, '[part=message]'))).to.contain('通话异常断开');
    await expect(el).to.be.accessible();
  });
});
