import { expect, fixture, html } from '@open-wc/testing';
import { BackendError } from '../src/backend/errors.js';
import type { NotifySms } from '../src/components/notify-sms/notify-sms.js';
import { NotificationSentEvent } from '../src/internal/notify-composer.events.js';
import { HOSTILE, memoryBackend, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';
import {
  CUSTOMER,
  chooseTemplate,
  composerFrame,
  composerInFrame,
  field,
  freshCall,
  reloadFrame,
  sendCalls,
  setup,
  submit,
  templatesSettled,
} from './fixtures/notify-helpers.js';

const today = () => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(Date.now());

describe('<notify-sms>', () => {
  it('shows an empty state without a call, and is accessible', async () => {
    const { el } = await setup('notify-sms', { call: null });
    expect(text(shadow(el, '[part=empty]'))).to.equal('No call in progress.');
    expect(shadow(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('prefills the effective handled number and shows the number it will use', async () => {
    const { el } = await setup('notify-sms', { call: freshCall({ handledNumber: '+8613911112222' }) });
    expect(field(el, 'recipient').value).to.equal('+8613911112222');
    expect(text(shadow(el, '[data-testid=recipient-hint]'))).to.equal('Sends to +8613911112222');
    expect(shadow(el, 'h2')!.textContent).to.equal('Send SMS');
    await expect(el).to.be.accessible();
  });

  it('lets the recipient attribute win over the call', async () => {
    const { el } = await setup('notify-sms', { recipient: '+14155550123' });
    expect(field(el, 'recipient').value).to.equal('+14155550123');
  });

  it("gives a national number the tenant's country code and sends to E.164", async () => {
    const { el, backend, sends } = await setup('notify-sms');
    typeInto(field(el, 'recipient'), '0139 1111 2222');
    typeInto(field(el, 'body', ), 'Your refund is on its way.');
    await el.updateComplete;
    expect(text(shadow(el, '[data-testid=recipient-hint]'))).to.equal('Sends to +8613911112222');
    await submit(el);
    await until(() => backend.messageRecords.some((m) => m.text === 'Your refund is on its way.'), 'sent');
    expect(sends[0]!.input.recipient).to.equal('+8613911112222');
  });

  for (const [label, value, message] of [
    ['letters', '138abc0013', 'Use digits only, with an optional + at the start.'],
    ['a number too short', '1234', 'This is not a valid phone number.'],
    ['an empty number', '   ', 'Enter a number.'],
  ] as const) {
    it(`refuses ${label} with a clear message and sends nothing`, async () => {
      const { el, backend } = await setup('notify-sms');
      typeInto(field(el, 'recipient'), value);
      typeInto(field(el, 'body'), 'Hello');
      await submit(el);
      const input = field(el, 'recipient');
      expect(text(shadow(el, '#recipient-problem'))).to.equal(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('recipient-problem');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.value).to.equal(value);
      expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Hello');
      expect(sendCalls(backend)).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('says what is wrong with a number as soon as the agent leaves the field', async () => {
    const { el } = await setup('notify-sms');
    const input = field(el, 'recipient');
    typeInto(input, '12ab');
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(shadow(el, '#recipient-problem'))).to.equal('Use digits only, with an optional + at the start.');
    typeInto(input, '13911112222');
    await el.updateComplete;
    expect(shadow(el, '#recipient-problem')).to.equal(null);
  });

  it('fills template variables from the call, and the preview is exactly what is sent', async () => {
    const { el, backend, sends, call } = await setup('notify-sms');
    await chooseTemplate(el, 'sms-followup');
    const expected = `Dear Zhang Min, thank you for calling us today (${today()}). Your reference number is +8613800138000. Agent Lin Wei`;
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.contain('{{customerName}}');
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal(expected);
    await expect(el).to.be.accessible();
    await submit(el);
    await until(() => sends.length === 1 && backend.messageRecords.at(-1)?.callId === call.id, 'sent');
    expect(sends[0]!.input).to.include({ channel: 'sms', text: expected, templateId: 'sms-followup', callId: call.id });
  });

  it('keeps the text editable after choosing a template', async () => {
    const { el, sends } = await setup('notify-sms');
    await chooseTemplate(el, 'sms-payment-link');
    const body = field<HTMLTextAreaElement>(el, 'body');
    typeInto(body, body.value + ' Thanks, {{agentName}}.');
    await el.updateComplete;
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal(
      'Hello Zhang Min, you can settle your balance securely at https://pay.example.com/r/+8613800138000 Thanks, Lin Wei.',
    );
    await submit(el);
    await until(() => sends.length === 1, 'sent');
    expect(sends[0]!.input.text).to.match(/Thanks, Lin Wei\.$/);
  });

  it('asks before a template replaces text the agent wrote', async () => {
    const { el } = await setup('notify-sms');
    typeInto(field(el, 'body'), 'My own words');
    await chooseTemplate(el, 'sms-followup');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('My own words');
    expect(field<HTMLSelectElement>(el, 'template').value).to.equal('');
    expect(text(shadow(el, '.confirm'))).to.contain('Replace your text with the template “Call follow-up”?');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '.replace-confirm'));
    await expect(el).to.be.accessible();
    // "Keep my text" changes nothing.
    (shadow(el, '.confirm button:not(.replace-confirm)') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(shadow(el, '.confirm')).to.equal(null);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('My own words');
    await chooseTemplate(el, 'sms-followup');
    (shadow(el, '.replace-confirm') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.match(/^Dear \{\{customerName\}\}/);
    expect(field<HTMLSelectElement>(el, 'template').value).to.equal('sms-followup');
  });

  it('flags unknown variables and does not send them', async () => {
    const backend = memoryBackend();
    backend.templates.push({ id: 'sms-vip', channel: 'sms', name: 'VIP', body: 'Hi {{customerName}}, your tier is {{vipTier}}.' });
    const { el } = await setup('notify-sms', { backend });
    await chooseTemplate(el, 'sms-vip');
    expect(text(shadow(el, 'mark.unresolved'))).to.equal('{{vipTier}}');
    expect(text(shadow(el, '[data-testid=unresolved]'))).to.equal('Not filled in: {{vipTier}}');
    await submit(el);
    expect(text(shadow(el, '#body-problem'))).to.equal('Fill in or remove {{vipTier}} before sending.');
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('leaves a variable the call has no value for visible (no customer yet)', async () => {
    const { el } = await setup('notify-sms', { customer: null });
    await chooseTemplate(el, 'sms-zh');
    expect(text(shadow(el, 'mark.unresolved'))).to.equal('{{customerName}}');
  });

  describe('counter', () => {
    for (const [body, summary, encoding] of [
      ['a'.repeat(160), '1 of 5 SMS · 0 characters left in this part · standard characters', 'gsm-7'],
      ['a'.repeat(161), '2 of 5 SMS · 145 characters left in this part · standard characters', 'gsm-7'],
      ['{'.repeat(80), '1 of 5 SMS · 0 characters left in this part · standard characters', 'gsm-7'],
      ['短'.repeat(70), '1 of 5 SMS · 0 characters left in this part · Unicode (70 per SMS)', 'ucs-2'],
      ['a'.repeat(69) + '😀', '2 of 5 SMS · 63 characters left in this part · Unicode (70 per SMS)', 'ucs-2'],
    ] as const) {
      it(`counts ${body.length} units of ${encoding} live`, async () => {
        const { el } = await setup('notify-sms');
        typeInto(field(el, 'body'), body);
        await el.updateComplete;
        const counter = shadow(el, '[data-testid=counter]')!;
        expect(text(counter)).to.equal(summary);
        expect(counter.dataset.encoding).to.equal(encoding);
      });
    }

    it('refuses a message over the segment limit, and sends one at the limit', async () => {
      const { el, backend, sends } = await setup('notify-sms', { config: { limits: { smsMaxSegments: 2 } as never } });
      typeInto(field(el, 'body'), 'a'.repeat(307));
      await el.updateComplete;
      expect(shadow(el, '[data-testid=counter]')!.hasAttribute('data-over')).to.be.true;
      expect(text(shadow(el, '[data-testid=over-limit]'))).to.equal('This message needs 3 SMS; at most 2 are allowed. Shorten it.');
      await submit(el);
      expect(text(shadow(el, '#body-problem'))).to.equal('This message needs 3 SMS; at most 2 are allowed. Shorten it.');
      expect(sendCalls(backend)).to.equal(0);
      await expect(el).to.be.accessible();
      typeInto(field(el, 'body'), 'a'.repeat(306));
      await submit(el);
      await until(() => sends.length === 1, 'sent at the limit');
    });

    it('uses the default limit of 5 segments', async () => {
      const { el, backend } = await setup('notify-sms');
      typeInto(field(el, 'body'), 'a'.repeat(153 * 5 + 1));
      await submit(el);
      expect(text(shadow(el, '#body-problem'))).to.contain('needs 6 SMS; at most 5');
      expect(sendCalls(backend)).to.equal(0);
    });
  });

  it('shows a pending state while sending', async () => {
    const backend = memoryBackend().hang('sendNotification');
    const { el } = await setup('notify-sms', { backend });
    typeInto(field(el, 'body'), 'Hello');
    await submit(el);
    const button = shadow(el, 'button.send') as HTMLButtonElement;
    expect(button.disabled).to.be.true;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(text(button)).to.equal('Sending…');
    expect(shadow(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    // A second press while pending sends nothing more.
    (shadow(el, 'form') as HTMLFormElement).requestSubmit();
    expect(sendCalls(backend)).to.equal(1);
  });

  it('keeps the draft on failure and retries once with the same key, sending once', async () => {
    const backend = memoryBackend();
    const { el, sends } = await setup('notify-sms', { backend });
    // The first attempt reaches the server but its answer is lost.
    const reachServer = backend.sendNotification;
    let lost = true;
    backend.sendNotification = async (input, options) => {
      const record = await reachServer(input, options);
      if (lost) {
        lost = false;
        throw new BackendError('unavailable', 'Gateway timeout');
      }
      return record;
    };
    typeInto(field(el, 'body'), 'Your refund is approved.');
    await submit(el);
    await until(() => !!shadow(el, '[data-testid=send-error]'), 'error shown');
    expect(text(shadow(el, '[data-testid=send-error]'))).to.contain(
      'The message was not sent: The service is not reachable right now. Your draft is kept.',
    );
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Your refund is approved.');
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'button.retry'));
    await expect(el).to.be.accessible();
    (shadow(el, 'button.retry') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '.sent-box'), 'sent after retry');
    expect(sends).to.have.length(2);
    expect(sends[1]!.key).to.equal(sends[0]!.key);
    expect(sendCalls(backend)).to.equal(2);
    expect(backend.messageRecords.filter((m) => m.text === 'Your refund is approved.')).to.have.length(1);
  });

  it('uses a new key for a changed message after a failure', async () => {
    const backend = memoryBackend().failNext('sendNotification', 'unavailable');
    const { el, sends } = await setup('notify-sms', { backend });
    typeInto(field(el, 'body'), 'First');
    await submit(el);
    await until(() => !!shadow(el, '[data-testid=send-error]'), 'error shown');
    typeInto(field(el, 'body'), 'Second');
    await submit(el);
    await until(() => sends.length === 2 && !!shadow(el, '.sent-box'), 'sent');
    expect(sends[1]!.key).not.to.equal(sends[0]!.key);
  });

  it('lets the host veto the send: nothing is sent and the draft stays', async () => {
    const { el, backend } = await setup('notify-sms');
    const requests: Event[] = [];
    el.addEventListener('avw-notification-send-request', (e) => {
      requests.push(e);
      e.preventDefault();
    });
    typeInto(field(el, 'recipient'), '13911112222');
    typeInto(field(el, 'body'), 'Hello {{customerName}}');
    await submit(el);
    expect(requests).to.have.length(1);
    expect(requests[0]).to.include({ channel: 'sms', recipient: '+8613911112222', text: 'Hello Zhang Min', subject: undefined });
    expect(requests[0]!.cancelable && requests[0]!.bubbles && requests[0]!.composed).to.be.true;
    expect(sendCalls(backend)).to.equal(0);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Hello {{customerName}}');
  });

  it('confirms a send, resets the form, and the record is in the call and contact record', async () => {
    const { el, backend, call } = await setup('notify-sms', { contactRecordId: 'cr-001' });
    const sent = new Promise<NotificationSentEvent>((r) => el.addEventListener('avw-notification-sent', r, { once: true }));
    typeInto(field(el, 'recipient'), '+8613911112222');
    typeInto(field(el, 'body'), 'See you soon');
    await submit(el);
    const event = await sent;
    expect(event.record).to.include({ channel: 'sms', recipient: '+8613911112222', text: 'See you soon', contactRecordId: 'cr-001' });
    await el.updateComplete;
    expect(text(shadow(el, '[data-testid=sent]'))).to.match(/^Sent to \+8613911112222 at /);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
    expect(field(el, 'recipient').value).to.equal('+8613800138000');
    await expect(el).to.be.accessible();
    const byCall = await backend.listMessageRecords({ callId: call.id });
    expect(byCall.map((m) => m.id)).to.include(event.record.id);
    const byRecord = await backend.listMessageRecords({ contactRecordId: 'cr-001' });
    expect(byRecord.map((m) => m.id)).to.include(event.record.id);
  });

  it('sends with Ctrl+Enter from the message', async () => {
    const { el, sends } = await setup('notify-sms');
    const body = field<HTMLTextAreaElement>(el, 'body');
    typeInto(body, 'Quick note');
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(sends).to.have.length(0);
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await until(() => sends.length === 1, 'sent with Ctrl+Enter');
  });

  describe('templates', () => {
    it('shows loading while templates load', async () => {
      const backend = memoryBackend().hang('listTemplates');
      const { el } = await setup('notify-sms', { backend, waitForTemplates: false });
      const loading = shadow(el, '[part=templates]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(text(loading)).to.equal('Loading templates…');
      // Free text still works while the list loads.
      expect(field(el, 'body')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows a failure with Retry, and Retry loads them', async () => {
      const backend = memoryBackend().failNext('listTemplates', 'unavailable');
      const { el } = await setup('notify-sms', { backend });
      const error = shadow(el, '[part=templates][role=alert]')!;
      expect(text(error)).to.contain('Templates could not be loaded: The service is not reachable right now.');
      await expect(el).to.be.accessible();
      (shadow(el, '.templates-retry') as HTMLButtonElement).click();
      await until(() => !!el.shadowRoot!.getElementById('template'), 'templates after retry');
      const options = [...field<HTMLSelectElement>(el, 'template').options].map((o) => o.value);
      expect(options).to.deep.equal(['', 'sms-followup', 'sms-payment-link', 'sms-zh']);
    });

    it('says when there are none, and free text still sends', async () => {
      const backend = memoryBackend();
      backend.templates = [];
      const { el, sends } = await setup('notify-sms', { backend });
      expect(text(shadow(el, '[part=templates]'))).to.equal('There are no templates for this channel.');
      await expect(el).to.be.accessible();
      typeInto(field(el, 'body'), 'Plain text');
      await submit(el);
      await until(() => sends.length === 1, 'sent');
    });
  });

  it('renders markup from templates and the customer as inert text', async () => {
    const backend = memoryBackend();
    backend.templates.push({ id: 'sms-hostile', channel: 'sms', name: HOSTILE, body: `${HOSTILE} {{customerName}}` });
    const { el } = await setup('notify-sms', { backend, customer: { ...CUSTOMER, name: HOSTILE } });
    await chooseTemplate(el, 'sms-hostile');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal(`${HOSTILE} ${HOSTILE}`);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in Simplified Chinese', async () => {
    const { el } = await setup('notify-sms', { lang: 'zh-CN' });
    await until(() => text(shadow(el, 'h2')) === '发送短信', 'zh-CN strings load');
    typeInto(field(el, 'body'), '您好');
    await el.updateComplete;
    expect(text(shadow(el, '[data-testid=counter]'))).to.equal('1 / 5 条短信 · 本条还可输入 68 个字符 · Unicode（每条 70 个字符）');
    await submit(el);
    await until(() => text(shadow(el, '[data-testid=sent]')).startsWith('已于'), 'zh-CN confirmation');
    await expect(el).to.be.accessible();
  });

  it('follows the provider: recipient from the call, and a new call starts a clean form', async () => {
    const { el, backend } = await withProvider<NotifySms>(html`<notify-sms></notify-sms>`);
    await until(() => field(el, 'recipient').value === '+8613800138000', 'recipient from the provider call');
    await until(() => !!backend.agent && el.shadowRoot!.getElementById('template') !== null, 'templates');
    typeInto(field(el, 'body'), 'Draft for the first call');
    backend.ring('+14155550123');
    await until(() => field(el, 'recipient').value === '+14155550123', 'follows the new call');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
  });

  it('without a backend it says so and sends nothing', async () => {
    const el = await fixture<NotifySms>(html`<notify-sms .call=${freshCall()} .backend=${null}></notify-sms>`);
    expect(text(shadow(el, '[part=templates]'))).to.equal('Not connected to the contact center.');
    typeInto(field(el, 'body'), 'Hello');
    await submit(el);
    expect(text(shadow(el, '[data-testid=send-error]'))).to.contain('Not connected to the contact center; nothing was sent.');
    await expect(el).to.be.accessible();
  });
});

describe('<notify-sms> draft', () => {
  const frame = (callId: string) => composerFrame('notify-sms', callId);
  const composerIn = (iframe: HTMLIFrameElement) => composerInFrame<NotifySms>(iframe);

  it('survives a real reload during the same call', async () => {
    const callId = `call-reload-${Date.now()}`;
    const iframe = await frame(callId);
    let el = await composerIn(iframe);
    await chooseTemplate(el, 'sms-payment-link');
    const body = field<HTMLTextAreaElement>(el, 'body');
    typeInto(body, `${body.value} (kept)`);
    typeInto(field(el, 'recipient'), '0139 1111 2222');
    await el.updateComplete;

    await reloadFrame(iframe);
    el = await composerIn(iframe);
    await until(() => field<HTMLTextAreaElement>(el, 'body').value.endsWith('(kept)'), 'draft restored after reload', 5000);
    expect(field(el, 'recipient').value).to.equal('0139 1111 2222');
    expect(field<HTMLSelectElement>(el, 'template').value).to.equal('sms-payment-link');
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.match(/^Hello Zhang Min, .* \(kept\)$/);
  });

  it('is not offered to another call', async () => {
    const iframe = await frame(`call-a-${Date.now()}`);
    const el = await composerIn(iframe);
    typeInto(field(el, 'body'), 'Only for call A');
    await el.updateComplete;
    const other = await frame(`call-b-${Date.now()}`);
    const elB = await composerIn(other);
    expect(field<HTMLTextAreaElement>(elB, 'body').value).to.equal('');
  });

  it('is cleared once the message is sent', async () => {
    const callId = `call-sent-${Date.now()}`;
    const iframe = await frame(callId);
    let el = await composerIn(iframe);
    typeInto(field(el, 'body'), 'Sent then gone');
    await submit(el);
    await until(() => !!shadow(el, '.sent-box'), 'sent');
    await reloadFrame(iframe);
    el = await composerIn(iframe);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
  });

  it('ignores a stored draft that is not shaped like one', async () => {
    const callId = `call-bad-${Date.now()}`;
    sessionStorage.setItem(`avw:draft:notify-sms:tenant-t:agent-7:${callId}`, '{"body": 42, "recipient": {}}');
    const iframe = await frame(callId);
    const el = await composerIn(iframe);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
    await templatesSettled(el);
  });
});
