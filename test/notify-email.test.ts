import { expect } from '@open-wc/testing';
import { HOSTILE, memoryBackend, shadow, text, typeInto, until } from './helpers/fixtures.js';
import { CUSTOMER, chooseTemplate, field, sendCalls, setup, submit } from './fixtures/notify-helpers.js';

const today = () => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(Date.now());

describe('<notify-email>', () => {
  it('prefills the customer email and is accessible', async () => {
    const { el } = await setup('notify-email');
    expect(text(shadow(el, 'h2'))).to.equal('Send email');
    const input = field(el, 'recipient');
    expect(input.value).to.equal('zhang.min@example.com');
    expect(input.type).to.equal('email');
    expect(text(shadow(el, '[data-testid=recipient-hint]'))).to.equal('From the call. You can change it.');
    await expect(el).to.be.accessible();
  });

  it('starts empty when the customer has no email, and says so on send', async () => {
    const { el, backend } = await setup('notify-email', { customer: { ...CUSTOMER, email: undefined } });
    expect(field(el, 'recipient').value).to.equal('');
    typeInto(field(el, 'subject'), 'Hello');
    typeInto(field(el, 'body'), 'Body');
    await submit(el);
    expect(text(shadow(el, '#recipient-problem'))).to.equal('Enter an email address.');
    expect(sendCalls(backend)).to.equal(0);
  });

  for (const bad of ['zhang.min@', 'zhang min@example.com', 'zhang@example', '13800138000']) {
    it(`refuses the address "${bad}" and sends nothing`, async () => {
      const { el, backend } = await setup('notify-email');
      typeInto(field(el, 'recipient'), bad);
      typeInto(field(el, 'subject'), 'Hello');
      typeInto(field(el, 'body'), 'Body');
      await submit(el);
      expect(text(shadow(el, '#recipient-problem'))).to.equal('This is not a valid email address.');
      expect(field(el, 'recipient').getAttribute('aria-invalid')).to.equal('true');
      expect(sendCalls(backend)).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('fills subject and body from a template and sends exactly the preview', async () => {
    const { el, sends, call } = await setup('notify-email');
    await chooseTemplate(el, 'email-summary');
    expect(field(el, 'subject').value).to.equal('Your call with us on {{date}}');
    const subject = `Your call with us on ${today()}`;
    const body =
      'Dear Zhang Min,\n\nThank you for speaking with Lin Wei today. We have noted your request and will follow up within two working days.\n\nKind regards,\nCustomer Care';
    expect(shadow(el, '[data-testid=preview-subject]')!.textContent).to.equal(subject);
    expect(shadow(el, '[data-testid=preview-text]')!.textContent).to.equal(body);
    await expect(el).to.be.accessible();
    const requested = new Promise<Event>((r) => el.addEventListener('avw-notification-send-request', r, { once: true }));
    await submit(el);
    expect(await requested).to.include({ channel: 'email', recipient: 'zhang.min@example.com', subject, text: body });
    await until(() => sends.length === 1, 'sent');
    expect(sends[0]!.input).to.include({ channel: 'email', subject, text: body, templateId: 'email-summary', callId: call.id });
    await until(() => !!shadow(el, '.sent-box'), 'confirmed');
    expect(field(el, 'subject').value).to.equal('');
  });

  it('needs a subject and a body', async () => {
    const { el, backend } = await setup('notify-email');
    await submit(el);
    expect(text(shadow(el, '#subject-problem'))).to.equal('Enter a subject.');
    expect(text(shadow(el, '#body-problem'))).to.equal('Write a message or choose a template.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'subject'));
    expect(sendCalls(backend)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('flags an unknown variable in the subject', async () => {
    const { el, backend } = await setup('notify-email');
    typeInto(field(el, 'subject'), 'Order {{orderNo}}');
    typeInto(field(el, 'body'), 'Hi');
    await submit(el);
    expect(text(shadow(el, '#subject-problem'))).to.equal('Fill in or remove {{orderNo}} before sending.');
    expect(sendCalls(backend)).to.equal(0);
  });

  it('retries a failed send with the same key and sends once', async () => {
    const backend = memoryBackend().failNext('sendNotification', 'unavailable');
    const { el, sends } = await setup('notify-email', { backend });
    typeInto(field(el, 'subject'), 'Refund');
    typeInto(field(el, 'body'), 'Approved.');
    await submit(el);
    await until(() => !!shadow(el, '[data-testid=send-error]'), 'error');
    expect(field(el, 'subject').value).to.equal('Refund');
    (shadow(el, 'button.retry') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '.sent-box'), 'sent');
    expect(sends.map((s) => s.key)).to.deep.equal([sends[0]!.key, sends[0]!.key]);
    expect(backend.messageRecords.filter((m) => m.subject === 'Refund')).to.have.length(1);
  });

  it('renders markup in templates as inert text', async () => {
    const backend = memoryBackend();
    backend.templates.push({ id: 'email-hostile', channel: 'email', name: HOSTILE, subject: HOSTILE, body: HOSTILE });
    const { el } = await setup('notify-email', { backend });
    await chooseTemplate(el, 'email-hostile');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(shadow(el, '[data-testid=preview-subject]')!.textContent).to.equal(HOSTILE);
  });

  it('renders in Simplified Chinese', async () => {
    const { el } = await setup('notify-email', { lang: 'zh-CN' });
    await until(() => text(shadow(el, 'h2')) === '发送邮件', 'zh-CN strings load');
    expect(text(shadow(el, 'label[for=subject]'))).to.equal('主题');
    await submit(el);
    expect(text(shadow(el, '#subject-problem'))).to.equal('请输入主题。');
    await expect(el).to.be.accessible();
  });
});
