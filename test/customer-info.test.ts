import { expect, fixture, html } from '@open-wc/testing';
import type { CustomerInfo } from '../src/components/customer-info/customer-info.js';
import type { Customer, WorkbenchConfig } from '../src/context/types.js';
import '../src/define/customer-info.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

const ZHANG: Customer = {
  id: 'cust-1',
  name: 'Zhang Min',
  gender: 'female',
  phoneNumbers: ['+8613800138000'],
  email: 'zhang.min@example.com',
  level: 'VIP',
  fields: { level: 'VIP', balance: -42.5, memberSince: '2019-03-14', idNumber: '310101199001011234', city: 'Shanghai' },
};

const CONFIG: Partial<WorkbenchConfig> = {
  customerFields: [
    { key: 'name', label: { en: 'Customer', 'zh-CN': '客户' } },
    { key: 'level' },
    { key: 'balance', label: 'Balance', format: 'currency', currency: 'CNY' },
    { key: 'memberSince', label: { en: 'Member since' }, format: 'date' },
    { key: 'idNumber', label: 'ID number' },
    { key: 'phoneNumbers', format: 'phone' },
  ],
  fieldStyleRules: [
    { name: 'VIP', field: 'level', when: { equals: 'VIP' }, presentation: 'badge', tone: 'accent' },
    { name: 'Owes money', field: 'balance', when: { lt: 0 }, tone: 'danger' },
    { name: 'ID', field: 'idNumber', when: { notEmpty: true }, presentation: 'masked' },
  ],
};

function dts(el: Element): string[] {
  return [...el.shadowRoot!.querySelectorAll('dt')].map((d) => text(d));
}

function value(el: Element, field: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`.value[data-field="${field}"]`)!;
}

/** Visible text without the invisible marks that keep numbers left-to-right. */
const plain = (el: Element | null) => text(el).replace(/[\u2066-\u2069]/g, '');

describe('<customer-info>', () => {
  it('shows the tenant’s fields in their order with their labels and formats', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info .customer=${ZHANG} .config=${CONFIG}></customer-info>`);
    expect(dts(el)).to.deep.equal(['Customer', 'Level', 'Balance', 'Member since', 'ID number', 'Phone numbers']);
    expect(text(value(el, 'name'))).to.equal('Zhang Min');
    expect(text(value(el, 'balance'))).to.equal('-CN¥42.50');
    expect(text(value(el, 'memberSince'))).to.equal('Mar 14, 2019');
    expect(text(value(el, 'phoneNumbers'))).to.equal('+8613800138000');
    await expect(el).to.be.accessible();
  });

  it('applies style rules: VIP as an accent badge, a negative balance in danger, the ID masked', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info .customer=${ZHANG} .config=${CONFIG}></customer-info>`);
    const level = value(el, 'level');
    expect(level.dataset.presentation).to.equal('badge');
    expect(level.dataset.tone).to.equal('accent');
    expect(getComputedStyle(level).backgroundColor).to.equal('rgb(242, 232, 251)');
    expect(getComputedStyle(level).color).to.equal('rgb(122, 47, 184)');
    const balance = value(el, 'balance');
    expect(balance.dataset.tone).to.equal('danger');
    expect(getComputedStyle(balance).color).to.equal('rgb(179, 38, 30)');
    const id = value(el, 'idNumber');
    expect(id.dataset.presentation).to.equal('masked');
    expect(id.textContent).to.contain('1234');
    expect(el.shadowRoot!.textContent).not.to.contain('3101011990');
    expect(JSON.stringify([...el.shadowRoot!.querySelectorAll('*')].map((n) => [...n.attributes].map((a) => a.value)))).not.to.contain('3101011990');
    // A positive balance and another level stay plain.
    const gold: Customer = { ...ZHANG, fields: { ...ZHANG.fields, level: 'Gold', balance: 10 } };
    el.customer = gold;
    await el.updateComplete;
    expect(value(el, 'level').dataset.presentation).to.equal('plain');
    expect(value(el, 'balance').dataset.tone).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('reports a bad rule in the console and on screen, naming it, and still shows every field', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const config = {
        ...CONFIG,
        fieldStyleRules: [...CONFIG.fieldStyleRules!, { name: 'Red city', field: 'city', when: { equals: 'Shanghai' }, style: 'color: red' }],
      } as Partial<WorkbenchConfig>;
      const el = await fixture<CustomerInfo>(html`<customer-info .customer=${ZHANG} .config=${config}></customer-info>`);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"Red city"').and.to.contain('"style"');
      const alert = shadow(el, '[part=config-error]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain('Rule “Red city” has an unknown setting “style”.');
      expect(dts(el)).to.have.length(6);
      expect(value(el, 'level').dataset.tone).to.equal('accent');
      // Re-rendering does not warn again.
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = original;
    }
  });

  it('shows the built-in fields by default, and "Not set" for missing ones', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info .customer=${{ id: 'c', name: 'A', phoneNumbers: [] }}></customer-info>`);
    expect(dts(el)).to.deep.equal(['Name', 'Gender', 'Phone numbers', 'Email', 'Level', 'Address', 'Notes']);
    expect(text(el.shadowRoot!.querySelectorAll('dd')[3]!)).to.equal('Not set');
  });

  it('shows a clear empty state for an unknown customer', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info .customer=${null} .call=${sampleCall()}></customer-info>`);
    expect(plain(shadow(el, '[part=empty]'))).to.contain('No customer record matches +8613800138000.');
    await expect(el).to.be.accessible();
  });

  it('follows the provider: the customer of the handled number, then of the next call', async () => {
    const { el, backend } = await withProvider<CustomerInfo>(html`<customer-info></customer-info>`);
    await until(() => text(shadow(el, 'dd')) === 'Zhang Min', 'first customer');
    backend.ring('+14155550123');
    await until(() => text(shadow(el, 'dd')) === 'Maria Garcia', 'next customer');
    backend.ring('+8613000000000');
    await until(() => plain(shadow(el, '[part=empty]')).includes('+8613000000000'), 'unknown caller');
    await expect(el).to.be.accessible();
  });

  it('looks up the handled number, not the calling number', async () => {
    const backend = memoryBackend();
    const el = await fixture<CustomerInfo>(
      html`<customer-info .backend=${backend} .call=${sampleCall({ handledNumber: '+14155550123' })}></customer-info>`,
    );
    await until(() => text(shadow(el, 'dd')) === 'Maria Garcia', 'customer of the handled number');
    expect(backend.calls.filter((c) => c.method === 'findCustomerByNumber').map((c) => c.args[0])).to.deep.equal(['+14155550123']);
  });

  it('says it is not connected when it has a call but no backend to look the customer up in', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info .backend=${null} .call=${sampleCall()}></customer-info>`);
    await until(() => !!el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.contain('Not connected to the contact center.');
  });

  it('shows loading, then an error with Retry that works', async () => {
    const backend = memoryBackend().setDelay('findCustomerByNumber', 100).failNext('findCustomerByNumber', 'unavailable');
    const el = await fixture<CustomerInfo>(html`<customer-info .backend=${backend} .call=${sampleCall()}></customer-info>`);
    expect(shadow(el, '[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(shadow(el, '.state'))).to.equal('Looking up the customer…');
    await expect(el).to.be.accessible();
    await until(() => !!shadow(el, '.error-box'), 'error');
    expect(text(shadow(el, '.error-box'))).to.contain('The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (shadow(el, '.error-box button') as HTMLButtonElement).click();
    await until(() => text(shadow(el, 'dd')) === 'Zhang Min', 'retry loads');
  });

  it('never shows the previous call’s customer when its answer comes late', async () => {
    const backend = memoryBackend().setDelay('findCustomerByNumber', 300);
    const el = await fixture<CustomerInfo>(html`<customer-info .backend=${backend} .call=${sampleCall()}></customer-info>`);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await new Promise((r) => setTimeout(r, 50));
    backend.setDelay('findCustomerByNumber', 0);
    el.call = sampleCall({ id: 'call-2', callingNumber: '+14155550123', customerNumber: '+14155550123' });
    await until(() => text(shadow(el, 'dd')) === 'Maria Garcia', 'second customer');
    await new Promise((r) => setTimeout(r, 400));
    observer.disconnect();
    expect(seen.some((s) => s.includes('Zhang'))).to.be.false;
    expect(text(shadow(el, 'dd'))).to.equal('Maria Garcia');
  });

  it('renders markup from the backend and the tenant as inert text', async () => {
    const hostile: Customer = { id: 'x', name: HOSTILE, phoneNumbers: [HOSTILE], fields: { city: HOSTILE } };
    const config = { customerFields: [{ key: 'name' }, { key: 'city', label: HOSTILE }, { key: 'phoneNumbers' }] };
    const el = await fixture<CustomerInfo>(html`<customer-info .customer=${hostile} .config=${config}></customer-info>`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(value(el, 'name'))).to.equal(HOSTILE);
    expect(dts(el)[1]).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in Simplified Chinese, with the tenant’s Chinese labels', async () => {
    const el = await fixture<CustomerInfo>(html`<customer-info lang="zh-CN" .customer=${ZHANG} .config=${CONFIG}></customer-info>`);
    await until(() => text(shadow(el, 'h2')) === '客户信息', 'zh-CN loads');
    expect(dts(el)[0]).to.equal('客户');
    expect(dts(el)[1]).to.equal('客户级别');
    expect(dts(el)[3]).to.equal('Member since');
    await expect(el).to.be.accessible();
  });
});
