import { expect, fixture, html } from '@open-wc/testing';
import type { ContactRecords } from '../src/components/contact-records/contact-records.js';
import '../src/define/contact-records.js';
import { FIXED_NOW, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

const ids = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('ul.latest button.record')].map((b) => b.dataset.id);

describe('<contact-records>', () => {
  it('shows the latest five records by default', async () => {
    const backend = memoryBackend();
    const el = await fixture<ContactRecords>(html`<contact-records .backend=${backend} .call=${sampleCall()}></contact-records>`);
    await until(() => ids(el).length > 0, 'loaded');
    expect(ids(el)).to.deep.equal(['cr-001', 'cr-002', 'cr-003', 'cr-004', 'cr-005']);
    expect(text(shadow(el, 'h2'))).to.equal('Contact records');
    await expect(el).to.be.accessible();
  });

  it('takes the count from the tenant config, and the attribute over it', async () => {
    const backend = memoryBackend();
    const el = await fixture<ContactRecords>(
      html`<contact-records .backend=${backend} .call=${sampleCall()} .config=${{ contactRecordsCount: 7 }}></contact-records>`,
    );
    await until(() => ids(el).length === 7, 'config count');
    el.setAttribute('count', '2');
    await until(() => ids(el).length === 2, 'attribute count');
    expect(backend.calls.filter((c) => c.method === 'listContactRecords').at(-1)!.args[0]).to.deep.equal({ number: '+8613800138000', limit: 2 });
  });

  it('shares More with history contacts: the last seven days of the handled number', async () => {
    const backend = memoryBackend();
    const el = await fixture<ContactRecords>(
      html`<contact-records .backend=${backend} .call=${sampleCall({ handledNumber: '+8613911112222' })} .now=${() => FIXED_NOW}></contact-records>`,
    );
    await until(() => ids(el).length === 2, 'loaded');
    (shadow(el, 'button.more') as HTMLButtonElement).click();
    await until(() => el.shadowRoot!.querySelectorAll('ul.more li').length === 2, 'more');
    expect(backend.calls.at(-1)!.args[0]).to.deep.include({ number: '+8613911112222', from: FIXED_NOW - 7 * 24 * 3600 * 1000, to: FIXED_NOW });
    await expect(el).to.be.accessible();
  });

  it('follows the provider', async () => {
    const { el, backend } = await withProvider<ContactRecords>(html`<contact-records count="3"></contact-records>`);
    await until(() => ids(el)[0] === 'cr-001', 'first call');
    backend.ring('+14155550123');
    await until(() => ids(el)[0] === 'cr-mg-001', 'next call');
  });
});
