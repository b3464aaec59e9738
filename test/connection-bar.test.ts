import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConnectionBar } from '../src/components/connection-bar/connection-bar.js';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import { memoryBackend, sampleCall, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';


const button = (el: ConnectionBar, action: string) => shadow(el, `button[data-action=${action}]`) as HTMLButtonElement | null;
const select = (el: ConnectionBar) => shadow(el, 'select') as HTMLSelectElement;
const dialInput = (el: ConnectionBar) => shadow(el, '#dial-input') as HTMLInputElement;

function record<K extends keyof HTMLElementEventMap>(el: Element, type: K): HTMLElementEventMap[K][] {
  const events: HTMLElementEventMap[K][] = [];
  el.addEventListener(type, (e) => events.push(e as HTMLElementEventMap[K]));
  return events;
}

/** A seeded backend with no call and the agent signed out. */
function signedOutBackend(): MemoryBackend {
  const backend = memoryBackend({ connectedCall: false });
  backend.agent = Object.freeze({ ...backend.agent, state: 'signed-out' as const });
  return backend;
}

async function bar(backend: MemoryBackend) {
  const setup = await withProvider<ConnectionBar>(html`<connection-bar></connection-bar>`, backend);
  await until(() => setup.provider.agent !== null, 'provider has the agent');
  await setup.el.updateComplete;
  return setup;
}

describe('<connection-bar>', () => {
  it('signs in: pending, then ready, asking for the workbench to open', async () => {
    const backend = signedOutBackend().setDelay('signIn', 50);
    const { el } = await bar(backend);
    expect(text(shadow(el, '.agent-state'))).to.equal('Signed out');
    expect(text(shadow(el, '.hint'))).to.equal('Sign in to take and make calls.');
    expect(shadow(el, '[part=call]')).to.equal(null);
    await expect(el).to.be.accessible();
    const opens = record(el, 'avw-workbench-open-request');
    const changes = record(el, 'avw-agent-state-changed');
    button(el, 'sign-in')!.click();
    await el.updateComplete;
    expect(button(el, 'sign-in')!.getAttribute('aria-busy')).to.equal('true');
    expect(button(el, 'sign-in')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await until(() => !!shadow(el, 'select'), 'signed in');
    expect(select(el).value).to.equal('ready');
    expect(opens.map((e) => e.reason)).to.deep.equal(['sign-in']);
    expect(opens[0]!.cancelable).to.equal(true);
    expect(changes.map((e) => [e.previousState, e.state])).to.deep.equal([['signed-out', 'ready']]);
    expect(button(el, 'hang-up')!.disabled, 'no hang-up without a call').to.equal(true);
    expect(button(el, 'hold')!.disabled).to.equal(true);
    expect(button(el, 'mute')!.disabled).to.equal(true);
    expect(button(el, 'answer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sets rest with a reason from the backend, then busy, then signs out', async () => {
    const { el, backend } = await bar(memoryBackend({ connectedCall: false }));
    await until(() => [...select(el).options].some((o) => o.value === 'rest:rest-lunch'), 'rest reasons loaded');
    expect([...select(el).options].map((o) => o.textContent!.trim())).to.deep.equal(['Ready', 'Busy', 'Rest: Lunch', 'Rest: Training', 'Rest: Meeting']);
    const changes = record(el, 'avw-agent-state-changed');
    select(el).value = 'rest:rest-lunch';
    select(el).dispatchEvent(new Event('change'));
    await until(() => backend.agent.state === 'rest');
    expect(backend.calls.filter((c) => c.method === 'setAgentState').map((c) => c.args)).to.deep.equal([['rest', 'rest-lunch']]);
    await until(() => select(el).value === 'rest:rest-lunch' && shadow(el, '.dot')!.dataset.state === 'rest', 'rest shown');
    expect(changes.map((e) => e.state)).to.deep.equal(['rest']);
    expect(changes[0]!.agent.restReasonId).to.equal('rest-lunch');
    await expect(el).to.be.accessible();
    select(el).value = 'busy';
    select(el).dispatchEvent(new Event('change'));
    await until(() => backend.agent.state === 'busy' && select(el).value === 'busy');
    expect(backend.agent.restReasonId).to.equal(undefined);
    button(el, 'sign-out')!.click();
    await until(() => text(shadow(el, '.agent-state')) === 'Signed out', 'signed out');
    expect(changes.map((e) => e.state)).to.deep.equal(['rest', 'busy', 'signed-out']);
  });

  it('shows a failure to load rest reasons with Retry', async () => {
    const backend = memoryBackend({ connectedCall: false }).failNext('listRestReasons', 'unavailable');
    const { el } = await bar(backend);
    await until(() => !!shadow(el, '.inline-error'), 'reasons error');
    expect(text(shadow(el, '.inline-error'))).to.contain('Rest reasons could not be loaded.');
    await expect(el).to.be.accessible();
    (shadow(el, '.inline-error button') as HTMLButtonElement).click();
    await until(() => [...select(el).options].some((o) => o.value === 'rest:rest-training'), 'reasons after retry');
  });

  for (const [typed, message] of [
    ['', 'Enter a number.'],
    ['138-abc-0000', 'Use digits only, with an optional + at the start.'],
    ['12', 'This is not a valid phone number.'],
  ] as const) {
    it(`refuses to dial ${JSON.stringify(typed)}: “${message}” and nothing is dialled`, async () => {
      const { el, backend } = await bar(memoryBackend({ connectedCall: false }));
      typeInto(dialInput(el), typed);
      (shadow(el, 'form') as HTMLFormElement).requestSubmit();
      await el.updateComplete;
      expect(text(shadow(el, '#dial-problem'))).to.equal(message);
      expect(dialInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(dialInput(el).value).to.equal(typed);
      expect(backend.calls.some((c) => c.method === 'dial')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('dials a national number from the keyboard in E.164 with the tenant’s country code', async () => {
    const { el, backend, provider } = await bar(memoryBackend({ connectedCall: false }));
    provider.config = { defaultCountryCode: '86' };
    await el.updateComplete;
    const started = record(el, 'avw-call-started');
    const opens = record(el, 'avw-workbench-open-request');
    dialInput(el).focus();
    await sendKeys({ type: '138 0013 8000' });
    await sendKeys({ press: 'Enter' });
    await until(() => provider.call?.direction === 'outbound', 'the provider follows the dialled call');
    expect(backend.calls.filter((c) => c.method === 'dial').map((c) => c.args)).to.deep.equal([['+8613800138000']]);
    expect(started).to.have.length(1);
    expect(started[0]!.call.calledNumber).to.equal('+8613800138000');
    await until(() => opens.length === 1);
    expect(opens[0]!.reason).to.equal('call-connected');
    expect(opens[0]!.callId).to.equal(provider.call!.id);
    expect(dialInput(el).value).to.equal('');
    expect(dialInput(el).disabled, 'no second dial during a call').to.equal(true);
    expect(text(shadow(el, '.summary'))).to.contain('+8613800138000');
  });

  it('answers, holds, resumes, mutes, unmutes and hangs up, through the provider', async () => {
    const { el, backend, provider } = await bar(memoryBackend({ connectedCall: false, now: () => Date.now() }));
    const opens = record(el, 'avw-workbench-open-request');
    backend.ring('+14155550123');
    await until(() => !!button(el, 'answer'), 'answer offered while ringing');
    expect(text(shadow(el, '.summary'))).to.equal('+14155550123 Ringing');
    expect(button(el, 'hold')!.disabled).to.equal(true);
    expect(button(el, 'hang-up')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    expect(opens).to.have.length(0);

    button(el, 'answer')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => provider.call?.state === 'connected' && !button(el, 'answer'), 'answered');
    await until(() => opens.length === 1);
    expect(opens[0]!.reason).to.equal('call-connected');
    expect(select(el).disabled, 'state is not changed mid-call').to.equal(true);
    expect(button(el, 'sign-out')!.disabled).to.equal(true);
    expect(text(shadow(el, '[part=timer]'))).to.match(/^0:0\d$/);
    await expect(el).to.be.accessible();

    button(el, 'hold')!.click();
    await until(() => !!button(el, 'resume'), 'held');
    expect(text(shadow(el, '.summary'))).to.contain('On hold');
    await expect(el).to.be.accessible();
    button(el, 'resume')!.click();
    await until(() => !!button(el, 'hold') && provider.call?.state === 'connected', 'resumed');
    expect(opens, 'resuming is not a new connection').to.have.length(1);

    button(el, 'mute')!.click();
    await until(() => !!button(el, 'unmute'), 'muted');
    expect(text(shadow(el, '.muted-flag'))).to.equal('Muted');
    expect(text(button(el, 'unmute'))).to.equal('Unmute');
    button(el, 'unmute')!.click();
    await until(() => !!button(el, 'mute') && provider.call?.muted === false, 'unmuted');

    button(el, 'hang-up')!.click();
    await until(() => provider.call?.state === 'ended', 'hung up');
    await el.updateComplete;
    expect(text(shadow(el, '.summary'))).to.contain('Call ended');
    expect(button(el, 'hang-up')!.disabled).to.equal(true);
    expect(select(el).value).to.equal('wrap-up');
    expect(backend.calls.map((c) => c.method).filter((m) => ['answer', 'hold', 'resume', 'setMuted', 'hangUp'].includes(m))).to.deep.equal([
      'answer',
      'hold',
      'resume',
      'setMuted',
      'setMuted',
      'hangUp',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a failed action with Retry, and the retry carries it out', async () => {
    const backend = memoryBackend().failNext('hold', 'unavailable');
    const { el, provider } = await bar(backend);
    button(el, 'hold')!.click();
    await until(() => !!shadow(el, '[part=error]'), 'error shown');
    expect(text(shadow(el, '[part=error]'))).to.contain('The call was not put on hold. The service is not reachable right now.');
    expect(shadow(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    (shadow(el, '[part=error] .retry') as HTMLButtonElement).click();
    await until(() => provider.call?.state === 'held', 'held on retry');
    await until(() => !shadow(el, '[part=error]'), 'error cleared');
  });

  it('retries a failed dial with the same idempotency key', async () => {
    const backend = memoryBackend({ connectedCall: false }).failNext('dial', 'unavailable');
    const { el } = await bar(backend);
    typeInto(dialInput(el), '+14155550123');
    (shadow(el, 'form') as HTMLFormElement).requestSubmit();
    await until(() => !!shadow(el, '[part=error]'));
    expect(text(shadow(el, '[part=error]'))).to.contain('The call was not placed.');
    (shadow(el, '[part=error] .retry') as HTMLButtonElement).click();
    await until(() => backend.call?.direction === 'outbound');
    const dials = backend.calls.filter((c) => c.method === 'dial');
    expect(dials).to.have.length(2);
  });

  it('shows the call timer from the call’s start, standalone', async () => {
    const el = await fixture<ConnectionBar>(
      html`<connection-bar .call=${sampleCall()} .agent=${{ id: 'a', tenantId: 't', workNo: '1', name: 'A', state: 'talking' }}></connection-bar>`,
    );
    expect(text(shadow(el, '[part=timer]'))).to.match(/^1:0[5-9]$/);
    expect(shadow(el, '[part=timer]')!.getAttribute('aria-label')).to.match(/^Call duration 1:0[5-9]$/);
    expect(button(el, 'sign-out')!.disabled).to.equal(true);
    expect(button(el, 'hang-up')!.disabled, 'without a backend the action says so').to.equal(false);
    button(el, 'hang-up')!.click();
    await el.updateComplete;
    expect(text(shadow(el, '[part=error]'))).to.contain('Not connected to the contact center.');
  });

  it('renders numbers from the backend as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<ConnectionBar>(
      html`<connection-bar .call=${sampleCall({ customerNumber: hostile })} .agent=${{ id: 'a', tenantId: 't', workNo: '1', name: 'A', state: 'talking' }}></connection-bar>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(shadow(el, '.number'))).to.equal(hostile);
  });

  it('speaks Simplified Chinese', async () => {
    const { el, provider } = await bar(memoryBackend());
    provider.locale = 'zh-CN';
    await until(() => text(button(el, 'hang-up')) === '挂断', 'zh-CN strings');
    expect(text(button(el, 'hold'))).to.equal('保持');
    expect(select(el).getAttribute('aria-label')).to.equal('座席状态');
    expect(text(shadow(el, '.summary'))).to.contain('通话中');
    await expect(el).to.be.accessible();
  });
});
