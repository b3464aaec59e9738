import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactRecord } from '../src/backend/types.js';
import type { HistoryContacts } from '../src/components/history-contacts/history-contacts.js';
import '../src/define/history-contacts.js';
import { FIXED_NOW, HOSTILE, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function record(id: string, number: string, startTime: number, patch: Partial<ContactRecord> = {}): ContactRecord {
  return {
    id,
    callId: `call-${id}`,
    channel: 'voice',
    direction: 'inbound',
    customerNumber: number,
    handledNumber: number,
    startTime,
    endTime: startTime + 4 * 60 * 1000 + 5000,
    agentName: 'Lin Wei',
    agentWorkNo: '1001',
    skillQueue: 'Billing Support',
    reasonPath: ['Billing', 'Payment', 'Refund request'],
    remarks: 'Promised a call-back.',
    recordingId: `rec-${id}`,
    ...patch,
  };
}

const ids = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(`${selector} button.record`)].map((b) => b.dataset.id);

async function listed(el: HistoryContacts): Promise<void> {
  await until(() => !!shadow(el, 'ul.latest') || !!shadow(el, '[part=empty]') || !!shadow(el, '[part=error]'), 'list settles');
}

/** Visible text without the invisible marks that keep numbers left-to-right. */
const plain = (el: Element | null) => text(el).replace(/[\u2066-\u2069]/g, '');

describe('<history-contacts>', () => {
  it('shows exactly the three latest records of the handled number, newest first', async () => {
    const backend = memoryBackend();
    const call = sampleCall({ handledNumber: '+14155550123' });
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${call}></history-contacts>`);
    await listed(el);
    expect(ids(el, 'ul.latest')).to.deep.equal(['cr-mg-001', 'cr-mg-002', 'cr-mg-003']);
    const query = backend.calls.find((c) => c.method === 'listContactRecords')!.args[0];
    expect(query).to.deep.equal({ number: '+14155550123', limit: 3 });
    expect(text(shadow(el, 'h2'))).to.equal('History contacts');
    await expect(el).to.be.accessible();
  });

  it('asks for the calling number when no handled number is set', async () => {
    const backend = memoryBackend();
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${sampleCall()}></history-contacts>`);
    await listed(el);
    expect(ids(el, 'ul.latest')).to.deep.equal(['cr-001', 'cr-002', 'cr-003']);
  });

  it('shows loading with aria-busy, then an error with Retry', async () => {
    const backend = memoryBackend().setDelay('listContactRecords', 80).failNext('listContactRecords', 'unavailable');
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${sampleCall()}></history-contacts>`);
    expect(shadow(el, '[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(shadow(el, '.state'))).to.equal('Loading contact records…');
    await expect(el).to.be.accessible();
    await listed(el);
    expect(shadow(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    expect(shadow(el, 'ul.latest')).to.equal(null);
    await expect(el).to.be.accessible();
    (shadow(el, '[part=error] button') as HTMLButtonElement).click();
    await until(() => ids(el, 'ul.latest').length === 3, 'retry loads');
  });

  it('shows an empty state for a number without records, and without a call', async () => {
    const el = await fixture<HistoryContacts>(
      html`<history-contacts .backend=${memoryBackend()} .call=${sampleCall({ handledNumber: '+441234567890' })}></history-contacts>`,
    );
    await listed(el);
    expect(plain(shadow(el, '[part=empty]'))).to.equal('No contact records for +441234567890.');
    await expect(el).to.be.accessible();
    el.call = null;
    await el.updateComplete;
    expect(plain(shadow(el, '[part=empty]'))).to.contain('No call in progress');
    expect(shadow(el, 'button.more')).to.equal(null);
  });

  it('opens a record’s detail in a dialog with Enter, and Escape closes it, returning focus', async () => {
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${memoryBackend()} .call=${sampleCall()}></history-contacts>`);
    await listed(el);
    (shadow(el, 'ul.latest button[data-id="cr-002"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = shadow(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.be.true;
    const detail = dialog.querySelector('contact-record-detail')!;
    expect(detail.record!.id).to.equal('cr-002');
    await detail.updateComplete;
    expect(text(detail.shadowRoot!.querySelector('[part=details]'))).to.contain('Sara Ali (work no. 1002)');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => shadow(el, 'dialog') === null, 'dialog closed');
    await until(() => el.shadowRoot!.activeElement === shadow(el, 'ul.latest button[data-id="cr-002"]'), 'focus returns');
  });

  it('opens a record on click and closes with the Close button', async () => {
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${memoryBackend()} .call=${sampleCall()}></history-contacts>`);
    await listed(el);
    (shadow(el, 'ul.latest button[data-id="cr-001"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect((shadow(el, 'dialog') as HTMLDialogElement).open).to.be.true;
    (shadow(el, 'dialog button.close') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(shadow(el, 'dialog')).to.equal(null);
  });

  it('lists the handled number’s records of the last seven days under More: window, paging, newest first', async () => {
    const backend = memoryBackend({ seed: true });
    const number = '+14155550123';
    backend.contactRecords = [
      record('future', number, FIXED_NOW + 60_000),
      record('edge-in', number, FIXED_NOW - 7 * DAY + 60_000),
      record('edge-out', number, FIXED_NOW - 7 * DAY - 60_000),
      record('old', number, FIXED_NOW - 9 * DAY),
      record('calling-number', '+8613800138000', FIXED_NOW - HOUR),
      ...Array.from({ length: 24 }, (_, i) => record(`r${String(i).padStart(2, '0')}`, number, FIXED_NOW - (i + 1) * 5 * HOUR)),
    ];
    const call = sampleCall({ handledNumber: number });
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${call} .now=${() => FIXED_NOW}></history-contacts>`);
    await listed(el);
    (shadow(el, 'button.more') as HTMLButtonElement).click();
    await until(() => ids(el, 'ul.more').length === 20, 'first page');
    const query = backend.calls.filter((c) => c.method === 'listContactRecords').at(-1)!.args[0];
    expect(query).to.deep.equal({ number, from: FIXED_NOW - 7 * DAY, to: FIXED_NOW, limit: 20, cursor: undefined });
    expect(ids(el, 'ul.more')[0]).to.equal('r00');
    expect(text(shadow(el, '.footer'))).to.contain('20 of 25');
    await expect(el).to.be.accessible();
    (shadow(el, 'button.load-more') as HTMLButtonElement).click();
    await until(() => ids(el, 'ul.more').length === 25, 'second page');
    const all = ids(el, 'ul.more');
    expect(all.at(-1)).to.equal('edge-in');
    expect(all).not.to.include.members(['future', 'edge-out', 'old', 'calling-number']);
    expect(shadow(el, 'button.load-more')).to.equal(null);
    await until(() => el.shadowRoot!.activeElement === shadow(el, 'ul.more button[data-id="r20"]'), 'focus moves to the first new record');
  });

  it('plays a record’s recording right in the More list', async () => {
    const backend = memoryBackend({ recordingUrl: () => '/demo/assets/sample-recording.wav' });
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${sampleCall()} .now=${() => FIXED_NOW}></history-contacts>`);
    await listed(el);
    (shadow(el, 'button.more') as HTMLButtonElement).click();
    await until(() => ids(el, 'ul.more').length > 0, 'more loaded');
    const play = shadow(el, 'ul.more li:first-child button.play') as HTMLButtonElement;
    expect(play.getAttribute('aria-expanded')).to.equal('false');
    play.click();
    await el.updateComplete;
    const player = shadow(el, 'ul.more li:first-child recording-player')!;
    expect(player.getAttribute('recording-id')).to.equal('rec-cr-1');
    expect(play.getAttribute('aria-expanded')).to.equal('true');
    await until(() => !!player.shadowRoot!.querySelector('audio'), 'player loads');
    // A record without a recording says so instead of offering Play.
    const third = [...el.shadowRoot!.querySelectorAll('ul.more li')][2]!;
    expect(text(third.querySelector('.no-recording'))).to.equal('No recording');
    await expect(el).to.be.accessible();
  });

  it('opens a record from More and goes back to the list', async () => {
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${memoryBackend()} .call=${sampleCall()} .now=${() => FIXED_NOW}></history-contacts>`);
    await listed(el);
    (shadow(el, 'button.more') as HTMLButtonElement).click();
    await until(() => ids(el, 'ul.more').length > 0, 'more loaded');
    (shadow(el, 'ul.more button[data-id="cr-004"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect((shadow(el, 'dialog contact-record-detail') as HTMLElementTagNameMap['contact-record-detail']).record!.id).to.equal('cr-004');
    (shadow(el, 'button.back') as HTMLButtonElement).click();
    await until(() => el.shadowRoot!.activeElement === shadow(el, 'ul.more button[data-id="cr-004"]'), 'focus back on the record');
  });

  it('follows the provider’s call and never shows a late answer for the previous call', async () => {
    const backend = memoryBackend().setDelay('listContactRecords', 300);
    const seen = new Set<string>();
    const { el } = await withProvider<HistoryContacts>(html`<history-contacts></history-contacts>`, backend);
    const observer = new MutationObserver(() => ids(el, 'ul.latest').forEach((id) => seen.add(id!)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true });
    await new Promise((r) => setTimeout(r, 30));
    backend.setDelay('listContactRecords', 0);
    backend.ring('+14155550123');
    await until(() => ids(el, 'ul.latest')[0] === 'cr-mg-001', 'new call’s records');
    await new Promise((r) => setTimeout(r, 400));
    observer.disconnect();
    expect([...seen].filter((id) => /^cr-\d/.test(id))).to.deep.equal([]);
    expect(ids(el, 'ul.latest')).to.deep.equal(['cr-mg-001', 'cr-mg-002', 'cr-mg-003']);
  });

  it('closes an open dialog when the call changes', async () => {
    const { el, backend } = await withProvider<HistoryContacts>(html`<history-contacts></history-contacts>`);
    await listed(el);
    (shadow(el, 'ul.latest button.record') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(shadow(el, 'dialog')).not.to.equal(null);
    backend.ring('+14155550123');
    await until(() => shadow(el, 'dialog') === null, 'dialog closed');
  });

  it('renders markup from the backend as inert text', async () => {
    const backend = memoryBackend();
    backend.contactRecords = [record('x', '+8613800138000', FIXED_NOW - HOUR, { agentName: HOSTILE, reasonPath: [HOSTILE] })];
    const el = await fixture<HistoryContacts>(html`<history-contacts .backend=${backend} .call=${sampleCall()}></history-contacts>`);
    await listed(el);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(shadow(el, '.reason'))).to.equal(HOSTILE);
  });

  it('renders in Simplified Chinese', async () => {
    const el = await fixture<HistoryContacts>(html`<history-contacts lang="zh-CN" .backend=${memoryBackend()} .call=${sampleCall()}></history-contacts>`);
    await listed(el);
    await until(() => text(shadow(el, 'h2')) === '历史接触', 'zh-CN loads');
    expect(text(shadow(el, 'button.more'))).to.equal('更多');
    await expect(el).to.be.accessible();
  });
  it('in Arabic, keeps a Latin call reason in its own order, aligned to the right (start) edge', async () => {
    const backend = memoryBackend();
    backend.contactRecords = [record('x', '+8613800138000', FIXED_NOW - HOUR, { reasonPath: ['Billing', 'Refund requested.'] })];
    const el = await fixture<HistoryContacts>(
      html`<div style="inline-size: 480px"><history-contacts lang="ar" .backend=${backend} .call=${sampleCall()}></history-contacts></div>`,
    ).then((d) => d.firstElementChild as HistoryContacts);
    await listed(el);
    await until(() => /[\u0600-\u06ff]/.test(text(shadow(el, 'h2'))), 'ar strings load');
    const reason = shadow(el, '.reason')!;
    const textNode = [...reason.querySelectorAll('*'), reason].flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Refund'))!;
    const box = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(textNode, start);
      range.setEnd(textNode, end);
      return range.getBoundingClientRect();
    };
    const value = textNode.textContent!;
    const first = box(value.indexOf('R'), value.indexOf('R') + 1);
    const stop = box(value.length - 1, value.length);
    expect(stop.left, 'the full stop ends the reason, on its right').to.be.above(first.left);
    expect(Math.abs(reason.getBoundingClientRect().right - stop.right), 'the reason hugs the right edge').to.be.below(2);
    await expect(el).to.be.accessible();
  });
});
