import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactRecord } from '../src/backend/types.js';
import type { ContactRecordDetail } from '../src/components/contact-record-detail/contact-record-detail.js';
import '../src/define/contact-record-detail.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';

async function loaded(el: ContactRecordDetail): Promise<void> {
  await until(() => !!shadow(el, '[role=tablist]') || !!shadow(el, '[part=empty]') || !!shadow(el, '[role=alert]'), 'detail settles');
}

async function messagesTab(el: ContactRecordDetail): Promise<void> {
  (shadow(el, '#tab-messages') as HTMLButtonElement).click();
  await until(() => !!shadow(el, '[part=messages]') || !!shadow(el, '#panel-messages [part=empty]'), 'messages load');
}

const facts = (el: Element) => {
  const dts = [...el.shadowRoot!.querySelectorAll('[part=details] > dt')].map((d) => text(d));
  const dds = [...el.shadowRoot!.querySelectorAll('[part=details] > dd')].map((d) => text(d));
  return Object.fromEntries(dts.map((k, i) => [k, dds[i]]));
};

describe('<contact-record-detail>', () => {
  it('fetches the record by record-id and shows its details and recording', async () => {
    const backend = memoryBackend();
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail record-id="cr-001" .backend=${backend}></contact-record-detail>`);
    await loaded(el);
    const f = facts(el);
    expect(f).to.include({
      Channel: 'Voice',
      Direction: 'Inbound',
      'Handled number': '+8613800138000',
      Agent: 'Lin Wei (work no. 1001)',
      'Skill queue': 'Billing Support',
      'Call reason': 'Billing › Payment › Refund request',
      Remarks: 'Customer asked for a refund of the duplicate charge; promised a call-back.',
      Duration: '3:00',
    });
    expect(shadow(el, 'recording-player')!.getAttribute('recording-id')).to.equal('rec-cr-1');
    expect(backend.calls.filter((c) => c.method === 'getContactRecord').map((c) => c.args[0])).to.deep.equal(['cr-001']);
    await expect(el).to.be.accessible();
  });

  it('shows a record given as a property without fetching, with "None" for missing parts', async () => {
    const backend = memoryBackend();
    const record: ContactRecord = { ...backend.contactRecords[2]!, remarks: '', reasonPath: [], skillQueue: undefined };
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail .record=${record} .backend=${backend}></contact-record-detail>`);
    expect(facts(el)).to.include({ Remarks: 'None', 'Call reason': 'None', 'Skill queue': 'None', Recording: 'None' });
    expect(backend.calls.some((c) => c.method === 'getContactRecord')).to.be.false;
  });

  it('shows loading, not-found, and an error with Retry', async () => {
    const backend = memoryBackend().setDelay('getContactRecord', 60);
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail record-id="nope" .backend=${backend}></contact-record-detail>`);
    expect(shadow(el, '[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(text(shadow(el, '[part=empty]'))).to.equal('This contact record could not be found.');
    backend.setDelay('getContactRecord', 0).failNext('getContactRecord', 'unavailable');
    el.recordId = 'cr-001';
    await until(() => !!shadow(el, '[role=alert]'), 'error');
    expect(text(shadow(el, '[role=alert]'))).to.contain('The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (shadow(el, '[role=alert] button') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '[role=tablist]'), 'retry loads');
  });

  it('shows an empty state without a record', async () => {
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail></contact-record-detail>`);
    expect(text(shadow(el, '[part=empty]'))).to.equal('No contact record selected.');
    await expect(el).to.be.accessible();
  });

  it('follows the WAI-ARIA tabs pattern from the keyboard', async () => {
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail record-id="cr-001" .backend=${memoryBackend()}></contact-record-detail>`);
    await loaded(el);
    const details = shadow(el, '#tab-details')!;
    expect(details.getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el, '#tab-messages')!.getAttribute('tabindex')).to.equal('-1');
    details.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(shadow(el, '#tab-messages')!.getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-messages');
    expect(shadow(el, '#panel-details')!.hidden).to.be.true;
    expect(shadow(el, '#panel-messages')!.hidden).to.be.false;
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-details');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-messages');
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-details');
  });

  it('lists the message sending record of the contact', async () => {
    const backend = memoryBackend();
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail record-id="cr-001" .backend=${backend}></contact-record-detail>`);
    await loaded(el);
    await messagesTab(el);
    const items = el.shadowRoot!.querySelectorAll('[part=messages] li');
    expect(items).to.have.length(1);
    const item = text(items[0]);
    expect(item).to.contain('SMS').and.contain('Delivered').and.contain('+8613800138000').and.contain('Call follow-up');
    expect(item).to.contain('Dear customer, thank you for calling us today.');
    expect(backend.calls.find((c) => c.method === 'listMessageRecords')!.args[0]).to.deep.equal({ contactRecordId: 'cr-001' });
    await expect(el).to.be.accessible();
  });

  it('shows an empty message list and a message list error with Retry', async () => {
    const backend = memoryBackend().failNext('listMessageRecords', 'unavailable');
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail record-id="cr-002" .backend=${backend}></contact-record-detail>`);
    await loaded(el);
    (shadow(el, '#tab-messages') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '#panel-messages [role=alert]'), 'error');
    await expect(el).to.be.accessible();
    (shadow(el, '#panel-messages [role=alert] button') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '#panel-messages [part=empty]'), 'empty');
    expect(text(shadow(el, '#panel-messages [part=empty]'))).to.equal('No messages have been sent for this contact.');
    await expect(el).to.be.accessible();
  });

  it('sends an SMS for the record through <notify-sms>, and the new message appears in the list', async () => {
    const { provider, backend } = await withProvider<HTMLElement>(
      html`<contact-record-detail record-id="cr-002" active-tab="messages"></contact-record-detail>`,
    );
    const el = provider.querySelector('contact-record-detail')!;
    await loaded(el);
    await until(() => !!shadow(el, '#panel-messages [part=empty]'), 'no messages yet');
    (shadow(el, '[part=send] button[data-channel=sms]') as HTMLButtonElement).click();
    await el.updateComplete;
    const composer = shadow(el, 'notify-sms') as HTMLElementTagNameMap['notify-sms'];
    expect(composer.getAttribute('contact-record-id')).to.equal('cr-002');
    await composer.updateComplete;
    await until(() => !!composer.shadowRoot!.querySelector('#body'), 'composer form');
    expect((composer.shadowRoot!.querySelector('#recipient') as HTMLInputElement).value).to.equal('+8613800138000');
    const sent = new Promise<Event>((r) => el.addEventListener('avw-notification-sent', r, { once: true }));
    typeInto(composer.shadowRoot!.querySelector('#body') as HTMLTextAreaElement, 'Your refund is on its way.');
    await composer.updateComplete;
    (composer.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await sent;
    await until(() => el.shadowRoot!.querySelectorAll('[part=messages] li').length === 1, 'message listed');
    const message = backend.messageRecords.at(-1)!;
    expect(message).to.include({ contactRecordId: 'cr-002', channel: 'sms', text: 'Your refund is on its way.' });
    expect(text(shadow(el, '[part=messages] li'))).to.contain('Your refund is on its way.');
    expect(shadow(el, 'notify-sms')).to.equal(null);
    expect(text(shadow(el, '[role=status]'))).to.equal('Message sent.');
    await until(() => backend.calls.filter((c) => c.method === 'listMessageRecords').length === 2, 'list refreshed');
    await expect(el).to.be.accessible();
  });

  it('offers email and WhatsApp composers attached to the record', async () => {
    const { provider } = await withProvider<HTMLElement>(html`<contact-record-detail record-id="cr-001" active-tab="messages"></contact-record-detail>`);
    const el = provider.querySelector('contact-record-detail')!;
    await loaded(el);
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=send] button');
    expect([...buttons].map((b) => text(b))).to.deep.equal(['SMS', 'Email', 'WhatsApp']);
    buttons[1]!.click();
    await el.updateComplete;
    expect(shadow(el, 'notify-email')!.getAttribute('contact-record-id')).to.equal('cr-001');
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
    buttons[2]!.click();
    await el.updateComplete;
    expect(shadow(el, 'notify-email')).to.equal(null);
    expect(shadow(el, 'notify-whatsapp')!.getAttribute('contact-record-id')).to.equal('cr-001');
  });

  it('renders markup from the backend as inert text', async () => {
    const backend = memoryBackend();
    const record: ContactRecord = { ...backend.contactRecords[0]!, remarks: HOSTILE, agentName: HOSTILE, reasonPath: [HOSTILE] };
    backend.messageRecords = [{ id: 'm', channel: 'sms', recipient: HOSTILE, text: HOSTILE, templateName: HOSTILE, sentAt: 0, status: 'sent', contactRecordId: record.id }];
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail .record=${record} .backend=${backend} .call=${sampleCall()}></contact-record-detail>`);
    await messagesTab(el);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, '[part=messages] .text'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in Simplified Chinese', async () => {
    const el = await fixture<ContactRecordDetail>(html`<contact-record-detail lang="zh-CN" record-id="cr-001" .backend=${memoryBackend()}></contact-record-detail>`);
    await loaded(el);
    await until(() => text(shadow(el, '#tab-messages')) === '消息发送记录', 'zh-CN loads');
    expect(facts(el)['渠道']).to.equal('语音');
    await expect(el).to.be.accessible();
  });
  it('in Arabic, keeps numbers and typed remarks in their own direction while cells align to the right', async () => {
    const el = await fixture<ContactRecordDetail>(
      html`<div style="inline-size: 640px"><contact-record-detail lang="ar" record-id="cr-001" .backend=${memoryBackend()}></contact-record-detail></div>`,
    ).then((d) => d.firstElementChild as ContactRecordDetail);
    await loaded(el);
    await until(() => text(shadow(el, 'dt')).length > 0 && /[\u0600-\u06ff]/.test(text(shadow(el, 'dt'))), 'ar strings load');
    await el.updateComplete;
    const cell = (label: string) => [...el.shadowRoot!.querySelectorAll('[part=details] > dt')].find((dt) => text(dt) === label)!.nextElementSibling!;
    const contentBox = (node: Node, start?: number, end?: number) => {
      const range = document.createRange();
      if (start === undefined) range.selectNodeContents(node);
      else {
        range.setStart(node, start);
        range.setEnd(node, end!);
      }
      return range.getBoundingClientRect();
    };
    const number = cell('الرقم المُعالَج');
    expect(Math.abs(number.getBoundingClientRect().right - contentBox(number).right), 'the number sits at the right (start) edge').to.be.below(2);
    const remarks = cell('ملاحظات');
    const textNode = [...remarks.querySelectorAll('*'), remarks].flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('refund'))!;
    const value = textNode.textContent!;
    const first = contentBox(textNode, value.indexOf('C'), value.indexOf('C') + 1);
    const stop = contentBox(textNode, value.length - 1, value.length);
    expect(stop.left, 'the full stop ends the English remark, on its right').to.be.above(first.left);
    await expect(el).to.be.accessible();
  });
});
