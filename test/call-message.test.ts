import { expect, fixture, html } from '@open-wc/testing';
import type { CallMessage } from '../src/components/call-message/call-message.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';

async function openEditor(el: CallMessage): Promise<HTMLInputElement> {
  shadow(el, 'button.edit')!.click();
  await el.updateComplete;
  return shadow(el, '#handled-input') as HTMLInputElement;
}

async function submit(el: CallMessage): Promise<void> {
  (shadow(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

describe('<call-message>', () => {
  it('shows an empty state without a call, and is accessible', async () => {
    const el = await fixture<CallMessage>(html`<call-message .call=${null}></call-message>`);
    expect(text(shadow(el, '[part=empty]'))).to.equal('No call in progress.');
    await expect(el).to.be.accessible();
  });

  it('works standalone with properties only', async () => {
    const el = await fixture<CallMessage>(html`<call-message .call=${sampleCall({ handledNumber: '+8613911112222' })}></call-message>`);
    const dds = [...el.shadowRoot!.querySelectorAll('dd')].map((d) => text(d));
    expect(dds[0]).to.equal('+8613800138000');
    expect(dds[1]).to.equal('4008001234');
    expect(text(shadow(el, '[data-testid=handled-number]'))).to.equal('+8613911112222');
    expect(dds[3]).to.equal('Billing Support');
    expect(dds[4]).to.contain('Recording');
    expect(text(shadow(el, '[data-testid=duration]'))).to.match(/^1:0[5-9]$/);
    await expect(el).to.be.accessible();
  });

  it('shows the customer number as the handled number when none is set', async () => {
    const el = await fixture<CallMessage>(html`<call-message .call=${sampleCall()}></call-message>`);
    expect(text(shadow(el, '[data-testid=handled-number]'))).to.equal('+8613800138000');
    expect(text(shadow(el, '[part=handled-number]'))).to.contain('Same as the customer number');
  });

  it('follows the provider context and its changes', async () => {
    const { el, backend } = await withProvider<CallMessage>(html`<div><call-message></call-message></div>`, undefined, 'call-message');
    expect(text(shadow(el, 'dd'))).to.equal('+8613800138000');
    backend.ring('+14155550123');
    await until(() => text(shadow(el, 'dd')) === '+14155550123', 'call-message follows the new call');
    expect(text(shadow(el, '.state-pill'))).to.contain('Ringing');
  });

  it('lets an explicit property win over context', async () => {
    const { el } = await withProvider<CallMessage>(html`<call-message .call=${sampleCall({ callingNumber: '+100000000' })}></call-message>`);
    expect(text(shadow(el, 'dd'))).to.equal('+100000000');
  });

  it('saves a handled number of exactly 24 characters through the backend', async () => {
    const { el, backend, provider } = await withProvider<CallMessage>(html`<call-message></call-message>`);
    const input = await openEditor(el);
    const value = '+' + '1'.repeat(23);
    typeInto(input, value);
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    const changed = new Promise<Event>((r) => el.addEventListener('avw-handled-number-changed', r, { once: true }));
    await submit(el);
    await changed;
    expect(backend.call!.handledNumber).to.equal(value);
    await until(() => provider.call?.handledNumber === value, 'provider publishes the handled number');
    await el.updateComplete;
    expect(text(shadow(el, '[data-testid=handled-number]'))).to.equal(value);
  });

  for (const [label, value, message] of [
    ['25 characters', '1'.repeat(25), 'At most 24 characters.'],
    ['letters', '138abc', 'Use digits only, with an optional + at the start.'],
    ['whitespace only', '   ', 'Enter a number.'],
  ] as const) {
    it(`refuses ${label} with a clear message and saves nothing`, async () => {
      const { el, backend } = await withProvider<CallMessage>(html`<call-message></call-message>`);
      const input = await openEditor(el);
      typeInto(input, value);
      await submit(el);
      expect(text(shadow(el, '#handled-problem'))).to.equal(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal(value);
      expect(backend.calls.some((c) => c.method === 'setHandledNumber')).to.be.false;
      await expect(el).to.be.accessible();
    });
  }

  it('lets the host veto the save', async () => {
    const { el, backend } = await withProvider<CallMessage>(html`<call-message></call-message>`);
    el.addEventListener('avw-handled-number-change-request', (e) => e.preventDefault());
    typeInto(await openEditor(el), '+8613911112222');
    await submit(el);
    expect(backend.calls.some((c) => c.method === 'setHandledNumber')).to.be.false;
  });

  it('shows a backend failure with retry, and the retry saves once with the same key', async () => {
    const backend = memoryBackend().failNext('setHandledNumber', 'unavailable');
    const { el } = await withProvider<CallMessage>(html`<call-message></call-message>`, backend);
    typeInto(await openEditor(el), '+8613911112222');
    await submit(el);
    await until(() => !!shadow(el, '.error-box'), 'error shown');
    expect(text(shadow(el, '.error-box'))).to.contain('The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (shadow(el, '.error-box button') as HTMLButtonElement).click();
    await until(() => backend.call!.handledNumber === '+8613911112222', 'retry saved');
    const keys = backend.calls.filter((c) => c.method === 'setHandledNumber');
    expect(keys).to.have.length(2);
  });

  it('cancels editing with Escape', async () => {
    const { el } = await withProvider<CallMessage>(html`<call-message></call-message>`);
    const input = await openEditor(el);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el, 'form')).to.equal(null);
  });

  it('renders markup from the backend as inert text', async () => {
    const el = await fixture<CallMessage>(
      html`<call-message .call=${sampleCall({ callingNumber: HOSTILE, skillQueue: HOSTILE })}></call-message>`,
    );
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, 'dd'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in Simplified Chinese', async () => {
    const { el, provider } = await withProvider<CallMessage>(html`<call-message></call-message>`);
    provider.locale = 'zh-CN';
    await until(() => text(shadow(el, 'h2')) === '通话信息', 'zh-CN strings load');
    expect(text(shadow(el, 'dt'))).to.equal('主叫号码');
    await expect(el).to.be.accessible();
  });
  it('in Arabic, keeps numbers at the start (right) edge with their digits in order, and joins recording states with an Arabic comma', async () => {
    const el = await fixture<CallMessage>(html`<div style="inline-size: 600px"><call-message lang="ar" .call=${sampleCall()}></call-message></div>`).then(
      (d) => d.firstElementChild as CallMessage,
    );
    await until(() => text(shadow(el, 'h2')) === 'بيانات المكالمة', 'ar strings load');
    await el.updateComplete;
    const dds = [...el.shadowRoot!.querySelectorAll('dd')];
    for (const dd of [dds[0], dds[1], dds[5]]) {
      const range = document.createRange();
      range.selectNodeContents(dd);
      const content = range.getBoundingClientRect();
      const cell = dd.getBoundingClientRect();
      expect(Math.abs(cell.right - content.right), `${text(dd)} hugs the right edge`).to.be.below(2);
      expect(cell.right - cell.left - content.width, `${text(dd)} leaves room on the left`).to.be.above(20);
    }
    const number = shadow(el, '[data-testid=calling-number]')!;
    expect(getComputedStyle(number).direction).to.equal('ltr');
    expect(getComputedStyle(number).unicodeBidi).to.equal('isolate');
    expect(text(shadow(el, '[data-testid=recording]'))).to.equal('جارٍ التسجيل، التحليل الذكي مفعّل');
    await expect(el).to.be.accessible();
  });

  it('joins recording states with the Chinese comma in Simplified Chinese', async () => {
    const el = await fixture<CallMessage>(html`<call-message lang="zh-CN" .call=${sampleCall()}></call-message>`);
    await until(() => text(shadow(el, 'h2')) === '通话信息', 'zh-CN strings load');
    expect(text(shadow(el, '[data-testid=recording]'))).to.equal('录音中，智能分析已开启');
  });
});
