import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HarassmentRecordPanel } from '../src/components/harassment-record/harassment-record.js';
import type { HarassmentRecordCreatedEvent } from '../src/components/harassment-record/harassment-record.events.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';

type El = HarassmentRecordPanel;

const textarea = (el: El) => shadow(el, 'textarea') as HTMLTextAreaElement;
const creates = (backend: ReturnType<typeof memoryBackend>) => backend.calls.filter((c) => c.method === 'createHarassmentRecord');

async function review(el: El): Promise<void> {
  (shadow(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

async function confirm(el: El): Promise<void> {
  (shadow(el, '.confirm-button') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** Pastes as a browser does: the whole clipboard lands in the field, then `input` fires. */
function paste(field: HTMLTextAreaElement, value: string): void {
  field.focus();
  field.setRangeText(value, field.selectionStart, field.selectionEnd, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }));
}

describe('<harassment-record>', () => {
  it('lists the number’s existing records with their review status, type, date and reason', async () => {
    const backend = memoryBackend();
    backend.setCall({ ...backend.call!, callingNumber: '+14155550123', customerNumber: '+14155550123' });
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    await until(() => el.shadowRoot!.querySelectorAll('.record').length === 2, 'records load');
    const items = [...el.shadowRoot!.querySelectorAll('.record')].map((r) => text(r));
    // Newest first.
    expect(items[0]).to.contain('Red List').and.contain('To be approved').and.contain('Threatened staff.');
    expect(items[1]).to.contain('Black List').and.contain('Approved').and.contain('Repeated abusive language');
    expect(shadow(el, '.record time')!.getAttribute('datetime')).to.match(/^2026-11-23T/);
    expect(text(shadow(el, 'header .number'))).to.equal('+14155550123');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state for a number without records', async () => {
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    await until(() => !!shadow(el, '[part=empty]'), 'empty state');
    expect(text(shadow(el, '[part=empty]'))).to.equal('No harassment records for this number.');
    await expect(el).to.be.accessible();
  });

  it('uses the handled number, not the calling number', async () => {
    const backend = memoryBackend();
    backend.setCall({ ...backend.call!, handledNumber: '+14155550123' });
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    await until(() => el.shadowRoot!.querySelectorAll('.record').length === 2, 'records of the handled number');
    expect(backend.calls.find((c) => c.method === 'listHarassmentRecords')!.args[0]).to.equal('+14155550123');
  });

  it('shows loading with aria-busy, then a load failure with Retry that recovers', async () => {
    const backend = memoryBackend().setDelay('listHarassmentRecords', 200).failNext('listHarassmentRecords');
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    expect(shadow(el, '[aria-busy=true]')).to.not.equal(null);
    expect(text(shadow(el, '[aria-busy=true]'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
    await until(() => !!shadow(el, '.error-box[role=alert]'), 'error shown');
    expect(text(shadow(el, '.error-box'))).to.contain('The records could not be loaded.').and.contain('not reachable');
    await expect(el).to.be.accessible();
    backend.setDelay('listHarassmentRecords', 0);
    (shadow(el, '.error-box button') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '[part=empty]'), 'retry loads');
  });

  it('accepts a reason of exactly 1024 characters and creates a record that appears as "To be approved"', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    await until(() => !!shadow(el, '[part=empty]'));
    const reason = 'a'.repeat(1023) + 'z';
    typeInto(textarea(el), reason);
    await el.updateComplete;
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('false');
    expect(text(shadow(el, '#reason-counter'))).to.equal('1024 / 1024');
    (el.shadowRoot!.querySelector('input[value=red]') as HTMLInputElement).click();
    await review(el);
    expect(shadow(el, '[part=confirm]')).to.not.equal(null);
    expect(text(shadow(el, '.confirm-title'))).to.contain('Red List').and.contain('+8613800138000');
    await expect(el).to.be.accessible();
    const created = new Promise<HarassmentRecordCreatedEvent>((r) => el.addEventListener('avw-harassment-record-created', r, { once: true }));
    await confirm(el);
    const event = await created;
    expect(event.record.reason).to.equal(reason);
    expect(event.record.reason).to.have.length(1024);
    expect(event.record.listType).to.equal('red');
    expect(creates(backend)).to.have.length(1);
    expect(creates(backend)[0]!.args[0]).to.deep.equal({ number: '+8613800138000', listType: 'red', reason, callId: backend.call!.id });
    await until(() => el.shadowRoot!.querySelectorAll('.record').length === 1, 'new record listed');
    expect(text(shadow(el, '.record'))).to.contain('To be approved').and.contain('Red List');
    expect(text(shadow(el, '[part=submitted]'))).to.contain('Submitted for review');
    // The form is ready for another record.
    expect(textarea(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses a typed reason of 1025 characters with a message, keeps the text, and sends nothing', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    const reason = 'b'.repeat(1025);
    typeInto(textarea(el), reason);
    await el.updateComplete;
    // Said at once, while typing.
    expect(text(shadow(el, '#reason-problem'))).to.equal('The reason is 1025 characters long; at most 1024 are allowed. Shorten it to continue.');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el).hasAttribute('maxlength')).to.be.false;
    await review(el);
    expect(shadow(el, '[part=confirm]')).to.equal(null);
    expect(textarea(el).value).to.equal(reason);
    expect(creates(backend)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses a pasted reason of 1025 characters without cutting it', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    typeInto(textarea(el), 'Abuse: ');
    paste(textarea(el), 'c'.repeat(1018));
    await el.updateComplete;
    expect(textarea(el).value).to.have.length(1025);
    expect(text(shadow(el, '#reason-problem'))).to.contain('1025 characters');
    await review(el);
    expect(creates(backend)).to.have.length(0);
  });

  it('follows a tenant limit from config', async () => {
    const el = await fixture<El>(
      html`<harassment-record .call=${sampleCall()} .backend=${memoryBackend()} .config=${{ limits: { harassmentReasonMaxLength: 10 } }}></harassment-record>`,
    );
    typeInto(textarea(el), 'x'.repeat(11));
    await el.updateComplete;
    expect(text(shadow(el, '#reason-problem'))).to.contain('at most 10');
  });

  it('requires a reason', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    typeInto(textarea(el), '   ');
    await review(el);
    expect(text(shadow(el, '#reason-problem'))).to.equal('Enter the reason for joining.');
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    expect(creates(backend)).to.have.length(0);
  });

  for (const [label, patch, message] of [
    ['not a two-party call', { twoParty: false }, 'Harassment records can only be created during a two-party call.'],
    ['an ended call', { state: 'ended' as const }, 'The call has ended. Harassment records can only be created during a call.'],
    ['an abnormally ended call', { state: 'ended-abnormally' as const }, 'The call has ended. Harassment records can only be created during a call.'],
  ] as const) {
    it(`is disabled, with the reason shown, for ${label}`, async () => {
      const backend = memoryBackend();
      const el = await fixture<El>(html`<harassment-record .call=${sampleCall(patch)} .backend=${backend}></harassment-record>`);
      expect(text(shadow(el, '[part=unavailable]'))).to.equal(message);
      const fieldset = shadow(el, 'fieldset.plain') as HTMLFieldSetElement;
      expect(fieldset.disabled).to.be.true;
      expect(fieldset.getAttribute('aria-describedby')).to.equal('unavailable');
      typeInto(textarea(el), 'reason');
      await review(el);
      expect(shadow(el, '[part=confirm]')).to.equal(null);
      expect(creates(backend)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('says there is no call when there is none', async () => {
    const el = await fixture<El>(html`<harassment-record .call=${null}></harassment-record>`);
    expect(text(shadow(el, '[part=unavailable]'))).to.equal('No call in progress.');
    expect(shadow(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('becomes disabled when the provider’s call turns into a conference', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    expect(shadow(el, '[part=unavailable]')).to.equal(null);
    backend.setCall({ ...backend.call!, twoParty: false });
    await until(() => !!shadow(el, '[part=unavailable]'), 'disabled after the change');
  });

  it('is operable from the keyboard: Escape leaves the confirmation, focus lands where work continues', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    typeInto(textarea(el), 'Shouted insults.');
    await review(el);
    await el.updateComplete;
    const confirmButton = shadow(el, '.confirm-button')!;
    expect(el.shadowRoot!.activeElement).to.equal(confirmButton);
    confirmButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el, '[part=confirm]')).to.equal(null);
    expect(textarea(el).value).to.equal('Shouted insults.');
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    expect(creates(backend)).to.have.length(0);
  });

  it('works from the keyboard alone: list type, reason, review, confirm', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    (el.shadowRoot!.querySelector('input[value=black]') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect((el.shadowRoot!.querySelector('input[value=red]') as HTMLInputElement).checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    await sendKeys({ type: 'Threats.' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '.confirm-button'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el, '[part=confirm]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el, '[part=submitted]'), 'submitted from the keyboard');
    expect(creates(backend)).to.have.length(1);
    expect((creates(backend)[0]!.args[0] as { listType: string; reason: string }).listType).to.equal('red');
    expect((creates(backend)[0]!.args[0] as { reason: string }).reason).to.equal('Threats.');
  });

  it('submits once when Confirm is clicked twice', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    typeInto(textarea(el), 'Double click.');
    await review(el);
    const button = shadow(el, '.confirm-button') as HTMLButtonElement;
    button.click();
    button.click();
    await until(() => !!shadow(el, '[part=submitted]'));
    expect(creates(backend)).to.have.length(1);
    expect(backend.harassmentRecords.filter((r) => r.reason === 'Double click.')).to.have.length(1);
  });

  it('lets the host veto the submission', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    el.addEventListener('avw-harassment-record-create-request', (e) => {
      expect(e.input.reason).to.equal('Spam calls.');
      e.preventDefault();
    });
    typeInto(textarea(el), 'Spam calls.');
    await review(el);
    await confirm(el);
    expect(creates(backend)).to.have.length(0);
    expect(textarea(el).value).to.equal('Spam calls.');
  });

  it('shows a submission failure with Retry; the retry uses the same idempotency key and creates once', async () => {
    const backend = memoryBackend().failNext('createHarassmentRecord', 'unavailable');
    const keys: string[] = [];
    const original = backend.createHarassmentRecord.bind(backend);
    backend.createHarassmentRecord = (input, options) => (keys.push(options.idempotencyKey), original(input, options));
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    typeInto(textarea(el), 'Abusive caller.');
    await review(el);
    await confirm(el);
    await until(() => !!shadow(el, '[part=confirm] .error-box'), 'error shown');
    expect(text(shadow(el, '.error-box'))).to.contain('The service is not reachable right now.');
    expect(textarea(el)).to.equal(null);
    await expect(el).to.be.accessible();
    (shadow(el, '.error-box .retry') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '[part=submitted]'), 'retry submitted');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(backend.harassmentRecords.filter((r) => r.reason === 'Abusive caller.')).to.have.length(1);
  });

  it('uses a new key once the reason was edited after a failure', async () => {
    const backend = memoryBackend().failNext('createHarassmentRecord', 'unavailable');
    const keys: string[] = [];
    const original = backend.createHarassmentRecord.bind(backend);
    backend.createHarassmentRecord = (input, options) => (keys.push(options.idempotencyKey), original(input, options));
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    typeInto(textarea(el), 'First wording.');
    await review(el);
    await confirm(el);
    await until(() => !!shadow(el, '.error-box'));
    (shadow(el, '[part=confirm] button:not(.primary):not(.retry)') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(textarea(el), 'Second wording.');
    await review(el);
    await confirm(el);
    await until(() => !!shadow(el, '[part=submitted]'));
    expect(keys[0]).to.not.equal(keys[1]);
  });

  it('renders markup from the backend as inert text', async () => {
    const backend = memoryBackend();
    backend.harassmentRecords.push({ ...backend.harassmentRecords[0]!, id: 'har-x', number: '+8613800138000', reason: HOSTILE });
    const { el } = await withProvider<El>(html`<harassment-record></harassment-record>`, backend);
    await until(() => !!shadow(el, '.record'));
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, '.record .reason'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('forgets the draft when the next call comes in', async () => {
    const { el, backend } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    typeInto(textarea(el), 'About the previous caller.');
    await el.updateComplete;
    backend.ring('+14155550123');
    backend.setCall({ ...backend.call!, state: 'connected' });
    await until(() => text(shadow(el, 'header .number')) === '+14155550123');
    expect(textarea(el).value).to.equal('');
  });

  it('renders in Simplified Chinese', async () => {
    const { el, provider } = await withProvider<El>(html`<harassment-record></harassment-record>`);
    provider.locale = 'zh-CN';
    await until(() => text(shadow(el, 'h2')) === '骚扰记录', 'zh-CN strings load');
    expect(text(shadow(el, 'legend'))).to.equal('特殊名单类型');
    expect(text(shadow(el, 'label.choice'))).to.equal('黑名单');
    typeInto(textarea(el), 'd'.repeat(1025));
    await el.updateComplete;
    expect(text(shadow(el, '#reason-problem'))).to.contain('最多允许 1024 个');
    await expect(el).to.be.accessible();
  });
  it('lets a typed reason take its own direction in a right-to-left page, line by line', async () => {
    const backend = memoryBackend();
    const el = await fixture<El>(html`<div dir="rtl" lang="ar"><harassment-record .call=${sampleCall()} .backend=${backend}></harassment-record></div>`);
    const panel = el.querySelector('harassment-record') as El;
    await panel.updateComplete;
    const box = textarea(panel);
    // A Latin reason typed in an Arabic workbench keeps its own order; an empty box keeps the page's side.
    expect(getComputedStyle(box).unicodeBidi).to.equal('plaintext');
    expect(getComputedStyle(box).direction).to.equal('rtl');
  });
});
