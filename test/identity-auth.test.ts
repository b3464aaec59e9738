import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IdentityAuth } from '../src/components/identity-auth/identity-auth.js';
import type { IdentityAuthResult, IdentityAuthStatus } from '../src/context/types.js';
import type { IdentityAuthChangedEvent } from '../src/events/context-events.js';
import { FIXED_NOW, HOSTILE, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

type El = IdentityAuth;

const starts = (backend: ReturnType<typeof memoryBackend>) => backend.calls.filter((c) => c.method === 'startIdentityAuth');
const badge = (el: El) => text(shadow(el, '[part=status]'));

async function modesLoaded(el: El): Promise<void> {
  await until(() => !!shadow(el, 'select'), 'modes load');
}

async function start(el: El, modeId?: string): Promise<void> {
  await modesLoaded(el);
  if (modeId) {
    const select = shadow(el, 'select') as HTMLSelectElement;
    select.value = modeId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
  (shadow(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

function result(status: IdentityAuthStatus, patch: Partial<IdentityAuthResult> = {}): IdentityAuthResult {
  return {
    id: 'auth-1',
    callId: 'call-test-1',
    modeId: 'auth-pin',
    status,
    startedAt: FIXED_NOW - 60_000,
    completedAt: status === 'in-progress' || status === 'not-returned' ? undefined : FIXED_NOW - 30_000,
    ...patch,
  };
}

describe('<identity-auth>', () => {
  it('lists the tenant’s modes by name and code', async () => {
    const { el } = await withProvider<El>(html`<identity-auth></identity-auth>`);
    await modesLoaded(el);
    const options = [...el.shadowRoot!.querySelectorAll('option')].map((o) => text(o));
    expect(options).to.deep.equal(['Name and ID number (NAME_ID)', 'Service PIN (PIN)', 'One-time code by SMS (OTP)']);
    expect(text(shadow(el, '[part=result]'))).to.equal('No identity check in this call yet.');
    await expect(el).to.be.accessible();
  });

  it('starts a check and follows it to pass through the provider’s context, shared with a second panel', async () => {
    const { provider, backend } = await withProvider<El>(
      html`<div><identity-auth id="a"></identity-auth><identity-auth id="b"></identity-auth></div>`,
    );
    const a = provider.querySelector<El>('#a')!;
    const b = provider.querySelector<El>('#b')!;
    const changed: IdentityAuthChangedEvent[] = [];
    a.addEventListener('avw-identity-auth-changed', (e) => changed.push(e));
    await start(a, 'auth-pin');
    await until(() => provider.identityAuth?.status === 'in-progress', 'provider publishes in progress');
    expect(changed[0]!.result.status).to.equal('in-progress');
    expect(changed[0]!.result.modeId).to.equal('auth-pin');
    await a.updateComplete;
    expect(badge(a)).to.equal('In progress');
    expect(shadow(a, '[part=result]')!.getAttribute('aria-busy')).to.equal('true');
    expect((shadow(a, 'button.start') as HTMLButtonElement).disabled).to.be.true;
    await expect(a).to.be.accessible();
    await until(() => provider.identityAuth?.status === 'pass', 'provider publishes pass');
    await b.updateComplete;
    await a.updateComplete;
    expect(badge(a)).to.equal('Pass');
    expect(badge(b)).to.equal('Pass');
    expect(text(shadow(b, '.mode'))).to.equal('Service PIN (PIN)');
    expect(text(shadow(a, '.times'))).to.contain('Started').and.contain('Completed');
    expect(shadow(a, '.times time')!.getAttribute('datetime')).to.equal(new Date(FIXED_NOW).toISOString());
    expect(starts(backend)).to.have.length(1);
    await expect(a).to.be.accessible();
  });

  it('shows fail, and Retry starts a new check with a new key', async () => {
    const backend = memoryBackend();
    backend.authOutcome.set('auth-name-id', 'fail');
    const keys: string[] = [];
    const original = backend.startIdentityAuth.bind(backend);
    backend.startIdentityAuth = (callId, modeId, options) => (keys.push(options.idempotencyKey), original(callId, modeId, options));
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await start(el);
    await until(() => provider.identityAuth?.status === 'fail', 'fail published');
    await el.updateComplete;
    expect(badge(el)).to.equal('Fail');
    expect(text(shadow(el, '[part=result]'))).to.contain('did not pass');
    const retry = shadow(el, 'button.start') as HTMLButtonElement;
    expect(text(retry)).to.equal('Retry');
    await expect(el).to.be.accessible();
    backend.authOutcome.set('auth-name-id', 'pass');
    retry.click();
    await until(() => provider.identityAuth?.status === 'pass', 'the retry passes');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.not.equal(keys[1]);
    expect(backend.authResults.size).to.equal(2);
  });

  it('never turns a final result back to "in progress" when the stream was faster than the start answer', async () => {
    const backend = memoryBackend();
    const original = backend.startIdentityAuth.bind(backend);
    // As over HTTP: the outcome arrives on the event stream before the start request answers.
    backend.startIdentityAuth = async (callId, modeId, options) => {
      const started = await original(callId, modeId, options);
      await new Promise((r) => setTimeout(r, 120));
      return started;
    };
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await start(el);
    await until(() => provider.identityAuth?.status === 'pass', 'stream delivers pass');
    await until(() => !(shadow(el, 'button.start') as HTMLButtonElement).disabled || false, 'start answered', 2000);
    await new Promise((r) => setTimeout(r, 50));
    expect(provider.identityAuth!.status).to.equal('pass');
    await el.updateComplete;
    expect(badge(el)).to.equal('Pass');
  });

  it('shows error and allows a retry', async () => {
    const backend = memoryBackend();
    backend.authOutcome.set('auth-otp', 'error');
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await start(el, 'auth-otp');
    await until(() => provider.identityAuth?.status === 'error');
    await el.updateComplete;
    expect(badge(el)).to.equal('Error');
    expect(text(shadow(el, 'button.start'))).to.equal('Retry');
    expect((shadow(el, 'button.start') as HTMLButtonElement).disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  for (const [status, label, detail] of [
    ['not-returned', 'Not returned', 'has not returned a result'],
    ['in-progress', 'In progress', 'going through the IVR flow'],
    ['pass', 'Pass', 'passed the identity check'],
    ['fail', 'Fail', 'did not pass'],
    ['error', 'Error', 'could not be completed'],
  ] as const) {
    it(`renders the "${status}" result set as a property, with its time`, async () => {
      const el = await fixture<El>(
        html`<identity-auth .call=${sampleCall()} .backend=${memoryBackend()} .identityAuth=${result(status)}></identity-auth>`,
      );
      await modesLoaded(el);
      expect(badge(el)).to.equal(label);
      expect(text(shadow(el, '[part=result]'))).to.contain(detail).and.contain('Service PIN (PIN)');
      const times = el.shadowRoot!.querySelectorAll('.times time');
      expect(times).to.have.length(status === 'in-progress' || status === 'not-returned' ? 1 : 2);
      expect(times[0]!.textContent).to.equal(
        new Intl.DateTimeFormat('en', { timeStyle: 'medium' }).format(FIXED_NOW - 60_000),
      );
      await expect(el).to.be.accessible();
    });
  }

  it('lets an explicit result win over the provider’s', async () => {
    const { el, provider } = await withProvider<El>(html`<identity-auth .identityAuth=${result('fail')}></identity-auth>`);
    provider.identityAuth = result('pass', { callId: provider.call!.id });
    await el.updateComplete;
    expect(badge(el)).to.equal('Fail');
  });

  it('standalone, polls the backend until the result is final, and reports each change', async () => {
    const backend = memoryBackend();
    backend.authOutcome.set('auth-pin', 'fail');
    const el = await fixture<El>(
      html`<identity-auth .call=${backend.call} .backend=${backend} poll-interval="50"></identity-auth>`,
    );
    const seen: string[] = [];
    el.addEventListener('avw-identity-auth-changed', (e) => seen.push(e.result.status));
    await start(el, 'auth-pin');
    await until(() => badge(el) === 'Fail', 'polled to fail');
    expect(seen).to.deep.equal(['in-progress', 'fail']);
    const polls = backend.calls.filter((c) => c.method === 'getIdentityAuth').length;
    expect(polls).to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    // Final: no more polling.
    expect(backend.calls.filter((c) => c.method === 'getIdentityAuth').length).to.equal(polls);
  });

  it('standalone, stops polling at the bound and offers to check again', async () => {
    const backend = memoryBackend();
    const el = await fixture<El>(
      html`<identity-auth .call=${backend.call} .backend=${backend} poll-interval="50" poll-timeout="120"></identity-auth>`,
    );
    // The IVR never answers.
    const original = backend.getIdentityAuth.bind(backend);
    backend.getIdentityAuth = async (id, options) => {
      const r = await original(id, options);
      return r && { ...r, status: 'in-progress', completedAt: undefined };
    };
    await start(el);
    await until(() => !!shadow(el, '.poll-error'), 'gives up', 2000);
    expect(text(shadow(el, '.poll-error'))).to.contain('No final result arrived in time.');
    const count = backend.calls.filter((c) => c.method === 'getIdentityAuth').length;
    expect(count).to.be.within(1, 4);
    await expect(el).to.be.accessible();
    backend.getIdentityAuth = original;
    (shadow(el, '.poll-error button') as HTMLButtonElement).click();
    await until(() => badge(el) === 'Pass', 'checked again');
  });

  it('stops polling when removed from the page', async () => {
    const backend = memoryBackend().hang('getIdentityAuth');
    const el = await fixture<El>(html`<identity-auth .call=${backend.call} .backend=${backend} poll-interval="50"></identity-auth>`);
    await start(el);
    await until(() => backend.calls.some((c) => c.method === 'getIdentityAuth'));
    el.remove();
    const count = backend.calls.filter((c) => c.method === 'getIdentityAuth').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.calls.filter((c) => c.method === 'getIdentityAuth').length).to.equal(count);
  });

  it('shows loading, then a failure to load the modes with Retry', async () => {
    const backend = memoryBackend().setDelay('listAuthModes', 150).failNext('listAuthModes');
    const { el } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    expect(text(shadow(el, '[aria-busy=true]'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
    await until(() => !!shadow(el, '.error-box[role=alert]'));
    expect(text(shadow(el, '.error-box'))).to.contain('The authentication modes could not be loaded.');
    await expect(el).to.be.accessible();
    (shadow(el, '.error-box button') as HTMLButtonElement).click();
    await modesLoaded(el);
  });

  it('says so when the tenant has no modes', async () => {
    const backend = memoryBackend();
    backend.authModes = [];
    const { el } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await until(() => !!shadow(el, '[part=empty]'));
    expect(text(shadow(el, '[part=empty]'))).to.equal('No authentication modes are configured for this tenant.');
    await expect(el).to.be.accessible();
  });

  it('shows a failed start with Retry, which reuses the key', async () => {
    const backend = memoryBackend().failNext('startIdentityAuth', 'unavailable');
    const keys: string[] = [];
    const original = backend.startIdentityAuth.bind(backend);
    backend.startIdentityAuth = (callId, modeId, options) => (keys.push(options.idempotencyKey), original(callId, modeId, options));
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await start(el);
    await until(() => !!shadow(el, '.start-error'));
    expect(text(shadow(el, '.start-error'))).to.contain('not reachable');
    await expect(el).to.be.accessible();
    (shadow(el, '.start-error button') as HTMLButtonElement).click();
    await until(() => provider.identityAuth?.status === 'pass');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('lets the host veto the start', async () => {
    const { el, backend } = await withProvider<El>(html`<identity-auth></identity-auth>`);
    el.addEventListener('avw-identity-auth-start-request', (e) => {
      expect(e.modeId).to.equal('auth-name-id');
      e.preventDefault();
    });
    await start(el);
    expect(starts(backend)).to.have.length(0);
  });

  it('cannot start without a live call, and says why', async () => {
    const el = await fixture<El>(
      html`<identity-auth .call=${sampleCall({ state: 'ended' })} .backend=${memoryBackend()}></identity-auth>`,
    );
    await modesLoaded(el);
    expect(text(shadow(el, '#unavailable'))).to.contain('The call has ended');
    expect((shadow(el, 'button.start') as HTMLButtonElement).disabled).to.be.true;
    await expect(el).to.be.accessible();
    const none = await fixture<El>(html`<identity-auth .call=${null}></identity-auth>`);
    expect(text(shadow(none, '[part=empty]'))).to.equal('No call in progress.');
  });

  it('works from the keyboard: arrows pick the mode, Tab reaches Start, Enter starts', async () => {
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`);
    await modesLoaded(el);
    const select = shadow(el, 'select') as HTMLSelectElement;
    select.focus();
    expect(el.shadowRoot!.activeElement).to.equal(select);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select.value).to.equal('auth-pin');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'button.start'));
    await sendKeys({ press: 'Enter' });
    await until(() => provider.identityAuth !== null, 'Enter started the check');
    expect(provider.identityAuth!.modeId).to.equal('auth-pin');
  });

  it('starts fresh when the next call comes in', async () => {
    const { el, provider, backend } = await withProvider<El>(html`<identity-auth></identity-auth>`);
    await start(el);
    await until(() => provider.identityAuth?.status === 'pass');
    backend.ring('+14155550123');
    backend.setCall({ ...backend.call!, state: 'connected' });
    await until(() => provider.call?.customerNumber === '+14155550123');
    await el.updateComplete;
    expect(text(shadow(el, '[part=result]'))).to.equal('No identity check in this call yet.');
  });

  it('renders mode names from the backend as inert text', async () => {
    const backend = memoryBackend();
    backend.authModes = [{ id: 'm', name: HOSTILE, code: HOSTILE, ivrFlowId: 'x' }];
    const { el } = await withProvider<El>(html`<identity-auth></identity-auth>`, backend);
    await modesLoaded(el);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, 'option'))).to.equal(`${HOSTILE} (${HOSTILE})`);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in Simplified Chinese', async () => {
    const { el, provider } = await withProvider<El>(html`<identity-auth></identity-auth>`);
    provider.locale = 'zh-CN';
    await until(() => text(shadow(el, 'h2')) === '身份认证', 'zh-CN strings load');
    await start(el);
    await until(() => provider.identityAuth?.status === 'pass');
    await el.updateComplete;
    expect(badge(el)).to.equal('通过');
    expect(text(shadow(el, 'label'))).to.equal('认证方式');
    await expect(el).to.be.accessible();
  });
});
