import { expect, fixture, html } from '@open-wc/testing';
import { BackendError } from '../src/backend/errors.js';
import type { BasicInformation } from '../src/components/basic-information/basic-information.js';
import type { Customer } from '../src/context/types.js';
import '../src/define/basic-information.js';
import '../src/define/customer-info.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';

const input = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${id}`)!;


async function submit(el: BasicInformation): Promise<void> {
  (shadow(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

/** Visible text without the invisible marks that keep numbers left-to-right. */
const plain = (el: Element | null) => text(el).replace(/[\u2066-\u2069]/g, '');

describe('<basic-information>', () => {
  it('shows the customer center’s record of the caller', async () => {
    const { el } = await withProvider<BasicInformation>(html`<basic-information></basic-information>`);
    await until(() => text(shadow(el, '[data-field=name]')) === 'Zhang Min', 'customer');
    expect(text(shadow(el, '[part=details]'))).to.contain('zhang.min@example.com').and.contain('Female').and.contain('VIP');
    expect(shadow(el, 'button.edit')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('creates the customer when absent; the provider publishes it and <customer-info> shows it', async () => {
    const backend = memoryBackend();
    const { el, provider } = await withProvider<BasicInformation>(
      html`<basic-information></basic-information><customer-info></customer-info>`,
      backend,
      'basic-information',
    );
    const info = provider.querySelector('customer-info')!;
    provider.config = { defaultCountryCode: '86' };
    backend.ring('+8613012345678');
    await until(() => !!shadow(el, 'button.create'), 'create offered');
    expect(plain(shadow(el, '[part=empty]'))).to.equal('The customer center has no record for +8613012345678.');
    await until(() => plain(shadow(info, '[part=empty]')).includes('+8613012345678'), 'customer-info says unknown');
    await expect(el).to.be.accessible();
    (shadow(el, 'button.create') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'name'));
    expect(input(el, 'phone-0').value).to.equal('+8613012345678');
    await expect(el).to.be.accessible();
    typeInto(input(el, 'name'), '  Li Na ');
    (shadow(el, 'button.add-phone') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'phone-1'), '021 8888 9999');
    typeInto(input(el, 'email'), 'li.na@example.com');
    const saved = new Promise<Event & { customer: Customer; created: boolean }>((r) =>
      el.addEventListener('avw-customer-saved', r as EventListener, { once: true }),
    );
    await submit(el);
    const event = await saved;
    expect(event.created).to.be.true;
    const created = backend.calls.find((c) => c.method === 'createCustomer')!.args[0];
    expect(created).to.deep.include({ name: 'Li Na', phoneNumbers: ['+8613012345678', '+862188889999'], email: 'li.na@example.com' });
    await until(() => provider.customer?.name === 'Li Na', 'provider publishes');
    await until(() => text(shadow(info, 'dd')) === 'Li Na', 'customer-info shows the new customer');
    await until(() => text(shadow(el, '[data-field=name]')) === 'Li Na', 'basic information shows it');
    expect(text(shadow(el, '[role=status]'))).to.equal('Customer created.');
    await until(() => el.shadowRoot!.activeElement === shadow(el, 'button.edit'), 'focus on Edit');
  });

  it('uses the tenant’s country code for national numbers', async () => {
    const backend = memoryBackend();
    const el = await fixture<BasicInformation>(
      html`<basic-information .backend=${backend} .call=${sampleCall({ customerNumber: '5550100', callingNumber: '5550100' })} .customer=${null} .config=${{ defaultCountryCode: '44' }}></basic-information>`,
    );
    (shadow(el, 'button.create') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'name'), 'Sam');
    typeInto(input(el, 'phone-0'), '020 7946 0000');
    await submit(el);
    await until(() => backend.calls.some((c) => c.method === 'createCustomer'), 'saved');
    expect((backend.calls.find((c) => c.method === 'createCustomer')!.args[0] as Customer).phoneNumbers).to.deep.equal(['+442079460000']);
  });

  it('validates every field, marks each with its message and focuses the first; nothing is sent', async () => {
    const backend = memoryBackend();
    const el = await fixture<BasicInformation>(html`<basic-information .backend=${backend} .call=${sampleCall()} .customer=${null}></basic-information>`);
    (shadow(el, 'button.create') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'name'), '   ');
    typeInto(input(el, 'phone-0'), '138abc');
    typeInto(input(el, 'email'), 'not-an-email');
    await submit(el);
    for (const [id, message] of [
      ['name', 'Enter the customer’s name.'],
      ['phone-0', 'Use digits only, with an optional + at the start.'],
      ['email', 'This is not a valid email address.'],
    ]) {
      expect(input(el, id).getAttribute('aria-invalid'), id).to.equal('true');
      const described = input(el, id).getAttribute('aria-describedby')!.split(' ')[0]!;
      expect(text(shadow(el, `#${described}`))).to.equal(message);
    }
    expect(text(shadow(el, '.summary'))).to.equal('Please correct the highlighted fields.');
    await until(() => el.shadowRoot!.activeElement === input(el, 'name'), 'first invalid focused');
    expect(backend.calls.some((c) => c.method === 'createCustomer')).to.be.false;
    expect(input(el, 'email').value).to.equal('not-an-email');
    await expect(el).to.be.accessible();
    // Fixing a field clears its message.
    typeInto(input(el, 'email'), 'ok@example.com');
    await el.updateComplete;
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
  });

  it('refuses a duplicate number and a missing number', async () => {
    const el = await fixture<BasicInformation>(html`<basic-information .backend=${memoryBackend()} .call=${sampleCall()} .customer=${null}></basic-information>`);
    (shadow(el, 'button.create') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'name'), 'A');
    (shadow(el, 'button.add-phone') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'phone-1'), '+86 138 0013 8000');
    await submit(el);
    expect(text(shadow(el, '#f-phone-1-error'))).to.equal('This number is already in the list.');
    typeInto(input(el, 'phone-0'), '');
    typeInto(input(el, 'phone-1'), '');
    await submit(el);
    expect(text(shadow(el, '#f-phone-0-error'))).to.equal('Add at least one phone number.');
  });

  it('shows a backend validation error on its field, and other failures with Retry using the same key', async () => {
    const backend = memoryBackend().failNext('createCustomer', new BackendError('validation', 'Invalid email.', { field: 'email', code: 'invalid-email' }));
    const el = await fixture<BasicInformation>(html`<basic-information .backend=${backend} .call=${sampleCall()} .customer=${null}></basic-information>`);
    (shadow(el, 'button.create') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'name'), 'A');
    typeInto(input(el, 'email'), 'a@b.co');
    await submit(el);
    await until(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 'server error on the field');
    expect(text(shadow(el, '#f-email-error'))).to.equal('This is not a valid email address.');
    await until(() => el.shadowRoot!.activeElement === input(el, 'email'), 'focused');
    backend.failNext('createCustomer', 'unavailable');
    await submit(el);
    await until(() => !!shadow(el, '.save-error'), 'save error');
    expect(text(shadow(el, '.save-error'))).to.contain('The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (shadow(el, '.save-error button') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '[part=details]'), 'saved on retry');
    const keys = (backend.calls.filter((c) => c.method === 'createCustomer') as unknown as { args: unknown[] }[]).length;
    expect(keys).to.equal(3);
    expect(backend.customers.filter((c) => c.name === 'A')).to.have.length(1);
  });

  it('edits an existing customer with updateCustomer; Escape cancels', async () => {
    const { el, backend, provider } = await withProvider<BasicInformation>(html`<basic-information></basic-information>`);
    await until(() => !!shadow(el, 'button.edit'), 'edit offered');
    (shadow(el, 'button.edit') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(input(el, 'name').value).to.equal('Zhang Min');
    expect(text(shadow(el, '#form-title'))).to.equal('Edit customer');
    await expect(el).to.be.accessible();
    input(el, 'name').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el, 'form')).to.equal(null);
    (shadow(el, 'button.edit') as HTMLButtonElement).click();
    await el.updateComplete;
    typeInto(input(el, 'address'), '1 Nanjing Road, Shanghai');
    await submit(el);
    await until(() => provider.customer?.address === '1 Nanjing Road, Shanghai', 'provider updated');
    const call = backend.calls.find((c) => c.method === 'updateCustomer')!;
    expect(call.args[0]).to.equal('cust-1');
    expect(text(shadow(el, '[role=status]'))).to.equal('Customer saved.');
  });

  it('requires a passed identity check to edit when the tenant says so', async () => {
    const customer: Customer = { id: 'c', name: 'A', phoneNumbers: ['+8613800138000'] };
    const { el, provider } = await withProvider<BasicInformation>(html`<basic-information .customer=${customer}></basic-information>`);
    provider.config = { requireAuthForEdit: true };
    await until(() => !!shadow(el, '[part=locked]'), 'locked');
    expect(text(shadow(el, '[part=locked]'))).to.equal('Verify the customer’s identity before editing their information.');
    expect((shadow(el, 'button.edit') as HTMLButtonElement).disabled).to.be.true;
    await expect(el).to.be.accessible();
    provider.identityAuth = { id: 'a', callId: provider.call!.id, modeId: 'auth-pin', status: 'pass', startedAt: 0 };
    await until(() => !shadow(el, '[part=locked]'), 'unlocked');
    expect((shadow(el, 'button.edit') as HTMLButtonElement).disabled).to.be.false;
  });

  it('never shows the previous caller while the next one loads', async () => {
    const backend = memoryBackend().setDelay('findCustomerByNumber', 300);
    const el = await fixture<BasicInformation>(html`<basic-information .backend=${backend} .call=${sampleCall()}></basic-information>`);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await new Promise((r) => setTimeout(r, 30));
    backend.setDelay('findCustomerByNumber', 0);
    el.call = sampleCall({ id: 'call-2', customerNumber: '+14155550123', callingNumber: '+14155550123' });
    await until(() => text(shadow(el, '[data-field=name]')) === 'Maria Garcia', 'second caller');
    await new Promise((r) => setTimeout(r, 400));
    observer.disconnect();
    expect(seen.some((s) => s.includes('Zhang'))).to.be.false;
  });

  it('renders markup as inert text', async () => {
    const el = await fixture<BasicInformation>(html`<basic-information .customer=${{ id: 'x', name: HOSTILE, phoneNumbers: [HOSTILE], notes: HOSTILE }}></basic-information>`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, '[data-field=name]'))).to.equal(HOSTILE);
  });

  it('renders in Simplified Chinese', async () => {
    const el = await fixture<BasicInformation>(html`<basic-information lang="zh-CN" .call=${sampleCall()} .customer=${null}></basic-information>`);
    await until(() => text(shadow(el, 'h2')) === '基本信息', 'zh-CN loads');
    expect(text(shadow(el, 'button.create'))).to.equal('创建客户');
    await expect(el).to.be.accessible();
  });
  it('in Arabic, shows and edits free text in its own direction: an address starts with its house number', async () => {
    const customer: Customer = {
      id: 'c-rtl',
      name: 'Zhang Min',
      phoneNumbers: ['+8613800138000'],
      email: 'zhang.min@example.com',
      address: '88 Century Avenue, Pudong',
      notes: 'Prefers calls after 6 pm',
    };
    const el = await fixture<BasicInformation>(
      html`<div style="inline-size: 600px"><basic-information lang="ar" .customer=${customer} .backend=${memoryBackend()}></basic-information></div>`,
    ).then((d) => d.firstElementChild as BasicInformation);
    await until(() => text(shadow(el, 'h2')) === 'المعلومات الأساسية', 'ar strings load');
    await el.updateComplete;
    const cell = [...el.shadowRoot!.querySelectorAll('dt')].find((dt) => text(dt) === 'العنوان')!.nextElementSibling!;
    const textNode = [...cell.querySelectorAll('*'), cell].flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('88'))!;
    const box = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(textNode, start);
      range.setEnd(textNode, end);
      return range.getBoundingClientRect();
    };
    const offset = textNode.textContent!.indexOf('88');
    const houseNumber = box(offset, offset + 2);
    const pudong = box(offset + 19, offset + 25);
    expect(houseNumber.left, '"88" is drawn before "Century … Pudong", on the left').to.be.below(pudong.left);
    // The cell itself still follows the page: its text hugs the right (start) edge.
    expect(Math.abs(cell.getBoundingClientRect().right - pudong.right)).to.be.below(2);
    shadow(el, 'button.edit')!.click();
    await el.updateComplete;
    // Each typed line takes its own text's direction; the box itself (and an empty one) keeps the page's.
    for (const id of ['name', 'email', 'address', 'level', 'notes']) {
      const field = shadow(el, `#f-${id}`)!;
      expect(getComputedStyle(field).unicodeBidi, id).to.equal('plaintext');
      expect(field.matches(':dir(rtl)'), id).to.be.true;
    }
    expect(getComputedStyle(shadow(el, '#f-phone-0')!).direction, 'phone numbers are edited left-to-right').to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});
