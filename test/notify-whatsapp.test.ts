import { expect } from '@open-wc/testing';
import { HOSTILE, memoryBackend, shadow, text, typeInto, until } from './helpers/fixtures.js';
import type { NotifyWhatsapp } from '../src/components/notify-whatsapp/notify-whatsapp.js';
import {
  chooseTemplate,
  composerFrame,
  composerInFrame,
  field,
  freshCall,
  reloadFrame,
  sendCalls,
  setup,
  submit,
} from './fixtures/notify-helpers.js';

describe('<notify-whatsapp>', () => {
  it('has no free text: an approved template is required', async () => {
    const { el, backend } = await setup('notify-whatsapp');
    expect(text(shadow(el, 'h2'))).to.equal('Send WhatsApp message');
    expect(shadow(el, 'textarea')).to.equal(null);
    await submit(el);
    expect(text(shadow(el, '#template-problem'))).to.equal('Choose an approved template.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'template'));
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('lists unapproved templates disabled, with the reason', async () => {
    const { el } = await setup('notify-whatsapp');
    const options = [...field<HTMLSelectElement>(el, 'template').options];
    const promo = options.find((o) => o.value === 'wa-promo')!;
    expect(promo.disabled).to.be.true;
    expect(text(promo)).to.equal('spring_promo (not approved)');
    expect(options.find((o) => o.value === 'wa-appointment')!.disabled).to.be.false;
    expect(text(shadow(el, '[data-testid=not-approved-hint]'))).to.contain('have not been approved by WhatsApp');
  });

  it('refuses an unapproved template even when it was chosen earlier', async () => {
    // The draft picked a template that was approved then; the list now says otherwise.
    const backend = memoryBackend();
    const { el } = await setup('notify-whatsapp', { backend });
    await chooseTemplate(el, 'wa-followup');
    backend.templates = backend.templates.map((t) => (t.id === 'wa-followup' ? { ...t, approved: false } : t));
    (el as unknown as { templates: { run(): Promise<void> } }).templates.run();
    await until(() => field<HTMLSelectElement>(el, 'template').selectedOptions[0]?.disabled === true, 'list reloaded');
    await submit(el);
    expect(text(shadow(el, '#template-problem'))).to.equal('The template “call_followup” is not approved by WhatsApp, so it cannot be sent.');
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('asks for every parameter and fills them into the preview', async () => {
    const { el, backend, sends, call } = await setup('notify-whatsapp');
    await chooseTemplate(el, 'wa-appointment');
    expect(text(shadow(el, 'label[for=param-1]'))).to.equal('Parameter {{1}}');
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal('Hi Zhang Min, your appointment is confirmed for {{1}} at {{2}}.');
    typeInto(field(el, 'param-1'), '3 December');
    await submit(el);
    expect(shadow(el, '#param-1-problem')).to.equal(null);
    expect(text(shadow(el, '#param-2-problem'))).to.equal('Fill in this parameter.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'param-2'));
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
    typeInto(field(el, 'param-2'), '10:30');
    await el.updateComplete;
    const expected = 'Hi Zhang Min, your appointment is confirmed for 3 December at 10:30.';
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal(expected);
    await submit(el);
    await until(() => sends.length === 1, 'sent');
    expect(sends[0]!.input).to.deep.include({
      channel: 'whatsapp',
      recipient: '+8613800138000',
      templateId: 'wa-appointment',
      text: expected,
      parameters: { 1: '3 December', 2: '10:30' },
      callId: call.id,
    });
  });

  it('sends a template without parameters to a national number with the country code', async () => {
    const { el, sends } = await setup('notify-whatsapp', { call: freshCall({ handledNumber: '13911112222' }) });
    expect(text(shadow(el, '[data-testid=recipient-hint]'))).to.equal('Sends to +8613911112222');
    await chooseTemplate(el, 'wa-followup');
    expect(shadow(el, '[part=parameters]')).to.equal(null);
    await submit(el);
    await until(() => sends.length === 1, 'sent');
    expect(sends[0]!.input.recipient).to.equal('+8613911112222');
  });

  it('refuses letters in the number', async () => {
    const { el, backend } = await setup('notify-whatsapp');
    typeInto(field(el, 'recipient'), '+86 138 abcd');
    await chooseTemplate(el, 'wa-followup');
    await submit(el);
    expect(text(shadow(el, '#recipient-problem'))).to.equal('Use digits only, with an optional + at the start.');
    expect(sendCalls(backend)).to.equal(0);
  });

  it('says when there are no templates, and nothing can be sent', async () => {
    const backend = memoryBackend();
    backend.templates = [];
    const { el } = await setup('notify-whatsapp', { backend });
    expect(text(shadow(el, '[part=templates]'))).to.contain('WhatsApp messages can only be sent from an approved template.');
    await submit(el);
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps parameter values inert text', async () => {
    const { el } = await setup('notify-whatsapp');
    await chooseTemplate(el, 'wa-appointment');
    typeInto(field(el, 'param-1'), HOSTILE);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.contain(HOSTILE);
  });

  it('renders in Simplified Chinese', async () => {
    const { el } = await setup('notify-whatsapp', { lang: 'zh-CN' });
    await until(() => text(shadow(el, 'h2')) === '发送 WhatsApp 消息', 'zh-CN strings load');
    const promo = [...field<HTMLSelectElement>(el, 'template').options].find((o) => o.value === 'wa-promo')!;
    expect(text(promo)).to.equal('spring_promo (未审批)');
    await expect(el).to.be.accessible();
  });

  it('keeps the chosen template and parameters across a reload', async () => {
    const iframe = await composerFrame('notify-whatsapp', `call-wa-${Date.now()}`);
    let el = await composerInFrame<NotifyWhatsapp>(iframe);
    await chooseTemplate(el, 'wa-appointment');
    typeInto(field(el, 'param-1'), 'Friday');
    await el.updateComplete;
    await reloadFrame(iframe);
    el = await composerInFrame<NotifyWhatsapp>(iframe);
    await until(() => el.shadowRoot!.getElementById('param-1') !== null, 'parameters restored');
    expect(field(el, 'param-1').value).to.equal('Friday');
    expect(field<HTMLSelectElement>(el, 'template').value).to.equal('wa-appointment');
  });
});
