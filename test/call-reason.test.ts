import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallReason } from '../src/components/call-reason/call-reason.js';
import type { CallReasonSavedEvent } from '../src/components/call-reason/call-reason.events.js';
import { DraftController } from '../src/controllers/draft-controller.js';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import type { Agent } from '../src/context/types.js';
import { HOSTILE, memoryBackend, shadow, text, typeInto, until, withProvider } from './helpers/fixtures.js';

const DRAFT_KEY = 'avw:draft:call-reason:tenant-a:agent-1001:call-20261125-0001';
/** Records the idempotency key of every save: the calls log keeps the arguments, not the options. */
function saveKeys(backend: MemoryBackend): string[] {
  const keys: string[] = [];
  const save = backend.saveCallReason.bind(backend);
  backend.saveCallReason = (callId, input, options) => {
    keys.push(options.idempotencyKey);
    return save(callId, input, options);
  };
  return keys;
}

const AGENT: Agent = { id: 'agent-7', tenantId: 'tenant-t', workNo: '7', name: 'Test Agent', state: 'talking' };

function treeItems(el: CallReason): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=treeitem]')];
}

/** The tree item whose own label is `label`. */
function item(el: CallReason, label: string): HTMLElement {
  const found = treeItems(el).find((row) => text(row.querySelector('.label')) === label);
  if (!found) throw new Error(`no tree item "${label}"`);
  return found;
}

function labels(el: CallReason): string[] {
  return treeItems(el).map((row) => text(row.querySelector('.label')));
}

function chips(el: CallReason): string[] {
  return [...el.shadowRoot!.querySelectorAll('.chip-path')].map((c) => text(c));
}

function focused(el: CallReason): string {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  return active?.getAttribute('role') === 'treeitem' ? text(active.querySelector('.label')) : `<${active?.localName}>`;
}

async function ready(el: CallReason): Promise<void> {
  await until(() => !!shadow(el, '[role=tree]') || !!shadow(el, '[data-state]:not([data-state=loading])'), 'tree settles');
  await until(() => el.shadowRoot!.querySelector('section')?.getAttribute('aria-busy') !== 'true', 'call data settles');
  await el.updateComplete;
}

async function render(backend: MemoryBackend = memoryBackend(), call = backend.call): Promise<CallReason> {
  const el = await fixture<CallReason>(html`<call-reason .backend=${backend} .call=${call} .agent=${AGENT}></call-reason>`);
  await ready(el);
  return el;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

function remarksArea(el: CallReason): HTMLTextAreaElement {
  return shadow(el, '#remarks') as HTMLTextAreaElement;
}

async function submit(el: CallReason): Promise<void> {
  (shadow(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

beforeEach(() => sessionStorage.clear());

describe('<call-reason>', () => {
  it('shows an empty state without a call, and is accessible', async () => {
    const el = await fixture<CallReason>(html`<call-reason .call=${null}></call-reason>`);
    expect(text(shadow(el, 'h2'))).to.equal('Call reason');
    expect(text(shadow(el, '[part=empty]'))).to.equal('No call in progress.');
    expect(shadow(el, '[role=tree]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the reason identified from the IVR choice, preselected, and the tree opened to it', async () => {
    const el = await render();
    const box = shadow(el, '[part=identified]')!;
    expect(text(box)).to.contain('Identified from the caller’s IVR choice');
    expect(text(box)).to.contain('Billing › Payment › Refund request');
    expect(text(box.querySelector('.badge'))).to.equal('IVR');
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
    expect(text(shadow(el, '.chip'))).to.contain('identified');
    expect(item(el, 'Refund request').getAttribute('aria-selected')).to.equal('true');
    expect(item(el, 'Billing').getAttribute('aria-expanded')).to.equal('true');
    expect(item(el, 'Technical support').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('asks the backend for the identified reason when the call does not carry it, and says it was speech recognition', async () => {
    const backend = memoryBackend();
    backend.call = { ...backend.call!, identifiedReason: { source: 'recognition', reasonId: 'technical-network-slow', path: ['x'] } };
    const el = await render(backend, { ...backend.call, identifiedReason: undefined });
    expect(backend.calls.some((c) => c.method === 'getIdentifiedReason')).to.be.true;
    expect(text(shadow(el, '[part=identified]'))).to.contain('Identified by speech recognition');
    expect(text(shadow(el, '[part=identified] .badge'))).to.equal('Speech recognition');
    expect(chips(el)).to.deep.equal(['Technical support › Network › Slow mobile data']);
  });

  it('says when no reason was identified and preselects nothing', async () => {
    const backend = memoryBackend();
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    expect(shadow(el, '[part=identified]')).to.equal(null);
    expect(text(shadow(el, '.identified-none'))).to.contain('did not identify');
    expect(chips(el)).to.deep.equal([]);
    expect(text(shadow(el, '#chips-none'))).to.equal('No reason selected yet.');
    await expect(el).to.be.accessible();
  });

  it('offers to select the identified reason again after the agent removed it', async () => {
    const el = await render();
    (shadow(el, '.chip-remove') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    (shadow(el, '[part=identified] button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
  });

  it('shows the tree loading with aria-busy, accessibly', async () => {
    const backend = memoryBackend();
    backend.hang('getReasonTree');
    const el = await fixture<CallReason>(html`<call-reason .backend=${backend} .call=${backend.call}></call-reason>`);
    await el.updateComplete;
    const loading = shadow(el, '[data-state=loading]')!;
    expect(text(loading)).to.equal('Loading call reasons…');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says the selection is loading until the saved reason is known, then preselects', async () => {
    const backend = memoryBackend().setDelay('getCallReason', 200);
    const el = await fixture<CallReason>(html`<call-reason .backend=${backend} .call=${backend.call}></call-reason>`);
    await until(() => !!shadow(el, '[data-state=call-loading]'), 'call data pending');
    expect(shadow(el, '[data-state=call-loading]')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect(chips(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await ready(el);
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
  });

  it('shows a tree loading failure with Retry, and the retry loads it', async () => {
    const backend = memoryBackend().failNext('getReasonTree', 'unavailable');
    const el = await render(backend);
    const alert = shadow(el, '[data-state=tree-error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('The call reasons could not be loaded. The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => !!shadow(el, '[role=tree]'), 'retry loads the tree');
    expect(labels(el)).to.include('Billing');
  });

  it('shows an empty reason tree and refuses to save without a reason', async () => {
    const backend = memoryBackend();
    backend.reasonTree = [];
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    expect(text(shadow(el, '[data-state=empty-tree]'))).to.contain('No call reasons are configured yet.');
    await submit(el);
    expect(text(shadow(el, '#form-problem'))).to.equal('Choose at least one reason.');
    expect(backend.calls.some((c) => c.method === 'saveCallReason')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('is a WAI-ARIA tree with levels, set sizes and positions', async () => {
    const el = await render();
    const tree = shadow(el, '[role=tree]')!;
    expect(tree.getAttribute('aria-multiselectable')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(tree.getAttribute('aria-labelledby')!))).to.equal('Call reasons');
    const invoice = item(el, 'Invoice');
    expect(invoice.getAttribute('aria-level')).to.equal('2');
    expect(invoice.getAttribute('aria-setsize')).to.equal('2');
    expect(invoice.getAttribute('aria-posinset')).to.equal('1');
    expect(invoice.closest('[role=group]')!.id).to.equal(item(el, 'Billing').getAttribute('aria-owns'));
    expect(invoice.hasAttribute('aria-selected')).to.be.false;
    expect(item(el, 'Account').getAttribute('aria-posinset')).to.equal('3');
    // One tab stop in the tree.
    expect(treeItems(el).filter((li) => li.tabIndex === 0)).to.have.length(1);
  });

  it('is driven by the keyboard alone: move, expand, select, collapse, Home/End, type-ahead and *', async () => {
    const backend = memoryBackend();
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    (shadow(el, '#search') as HTMLInputElement).focus();
    await press('ArrowDown');
    expect(focused(el)).to.equal('Billing');
    await press('ArrowRight');
    expect(item(el, 'Billing').getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal('Billing');
    await press('ArrowRight');
    expect(focused(el)).to.equal('Invoice');
    await press('ArrowRight', 'ArrowRight');
    expect(focused(el)).to.equal('Wrong amount');
    await press('Enter');
    expect(chips(el)).to.deep.equal(['Billing › Invoice › Wrong amount']);
    expect(item(el, 'Wrong amount').getAttribute('aria-selected')).to.equal('true');
    await press('ArrowDown', ' ');
    expect(chips(el)).to.deep.equal(['Billing › Invoice › Wrong amount', 'Billing › Invoice › Invoice not received']);
    await press(' ');
    expect(chips(el)).to.deep.equal(['Billing › Invoice › Wrong amount']);
    // Left goes to the parent, then closes it.
    await press('ArrowLeft');
    expect(focused(el)).to.equal('Invoice');
    await press('ArrowLeft');
    expect(item(el, 'Invoice').getAttribute('aria-expanded')).to.equal('false');
    expect(labels(el)).not.to.include('Wrong amount');
    await press('End');
    expect(focused(el)).to.equal('Account');
    await press('Home');
    expect(focused(el)).to.equal('Billing');
    await press('t');
    expect(focused(el)).to.equal('Technical support');
    await press('a');
    expect(focused(el)).to.equal('Account');
    await press('*');
    for (const branch of ['Billing', 'Technical support', 'Account']) expect(item(el, branch).getAttribute('aria-expanded')).to.equal('true');
    // Enter on a branch opens or closes it; branches are never selected.
    await press('Enter');
    expect(item(el, 'Account').getAttribute('aria-expanded')).to.equal('false');
    expect(chips(el)).to.deep.equal(['Billing › Invoice › Wrong amount']);
    expect(treeItems(el).filter((li) => li.tabIndex === 0).map((li) => text(li.querySelector('.label')))).to.deep.equal(['Account']);
    await expect(el).to.be.accessible();
  });

  it('swaps Left and Right in right-to-left layouts', async () => {
    const backend = memoryBackend();
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl"><call-reason .backend=${backend} .call=${{ ...backend.call!, identifiedReason: null }}></call-reason></div>`,
    );
    const el = wrapper.querySelector('call-reason')!;
    await ready(el);
    item(el, 'Billing').focus();
    await press('ArrowLeft');
    expect(item(el, 'Billing').getAttribute('aria-expanded')).to.equal('true');
    await press('ArrowLeft');
    expect(focused(el)).to.equal('Invoice');
    await press('ArrowRight');
    expect(focused(el)).to.equal('Billing');
    await press('ArrowRight');
    expect(item(el, 'Billing').getAttribute('aria-expanded')).to.equal('false');
  });

  it('selects and unselects with the mouse; clicking a branch opens it', async () => {
    const backend = memoryBackend();
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    item(el, 'Account').click();
    await el.updateComplete;
    item(el, 'Complaint').click();
    await el.updateComplete;
    item(el, 'Staff behaviour').click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Account › Complaint › Staff behaviour']);
    item(el, 'Staff behaviour').click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
  });

  it('filters the tree by search: matches with their ancestors, highlighted as text', async () => {
    const backend = memoryBackend();
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    const search = shadow(el, '#search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'refund' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Billing', 'Payment', 'Refund request']);
    expect([...el.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Refund']);
    expect(item(el, 'Payment').getAttribute('aria-setsize')).to.equal('1');
    expect(text(shadow(el, '[role=status]'))).to.equal('1 matching reasons.');
    // From the search box straight into the filtered tree, and select the match.
    await press('ArrowDown', 'End', 'Enter');
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
    // A matching category keeps its reasons reachable.
    typeInto(search, 'device');
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Technical support', 'Device']);
    item(el, 'Device').focus();
    await press('ArrowRight');
    expect(labels(el)).to.deep.equal(['Technical support', 'Device', 'Set-up help', 'Repair']);
    typeInto(search, 'zzz');
    await el.updateComplete;
    expect(treeItems(el)).to.have.length(0);
    expect(text(shadow(el, '[data-state=no-match]'))).to.equal('No reason matches “zzz”.');
    await expect(el).to.be.accessible();
    typeInto(search, '');
    await el.updateComplete;
    expect(labels(el)).to.include('Account');
  });

  it('accepts remarks of exactly the limit and refuses one more typed character, keeping the text', async () => {
    const el = await render();
    const area = remarksArea(el);
    const full = 'r'.repeat(299);
    typeInto(area, full);
    area.focus();
    area.setSelectionRange(299, 299);
    await sendKeys({ type: 'z' });
    await el.updateComplete;
    expect(area.value).to.have.length(300);
    expect(text(shadow(el, '[part=counter] [aria-hidden]'))).to.equal('300 / 300');
    expect(text(shadow(el, '#remarks-problem'))).to.equal('');
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(area.value).to.equal(full + 'z');
    expect(text(shadow(el, '#remarks-problem'))).to.equal('Remarks can have at most 300 characters.');
    expect(shadow(el, '#remarks-problem')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    // Deleting is always allowed and clears the message.
    await press('Backspace');
    await el.updateComplete;
    expect(area.value).to.have.length(299);
    expect(text(shadow(el, '#remarks-problem'))).to.equal('');
  });

  it('refuses an over-long paste whole, says how long it would be, and keeps the previous text', async () => {
    const el = await render();
    const area = remarksArea(el);
    typeInto(area, 'Customer asked twice.');
    await el.updateComplete;
    // What the browser does on paste when the edit cannot be stopped before it lands.
    area.value = 'Customer asked twice.' + 'p'.repeat(391);
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(area.value).to.equal('Customer asked twice.');
    expect(text(shadow(el, '#remarks-problem'))).to.equal(
      'Remarks can have at most 300 characters; with the pasted text they would have 412.',
    );
    // The cancellable path: beforeinput is refused before anything lands.
    const data = new DataTransfer();
    data.setData('text/plain', 'q'.repeat(290));
    area.setSelectionRange(area.value.length, area.value.length);
    const before = new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, cancelable: true, bubbles: true });
    area.dispatchEvent(before);
    expect(before.defaultPrevented).to.be.true;
    await el.updateComplete;
    expect(text(shadow(el, '#remarks-problem'))).to.contain('they would have 311');
    // A paste that fits is let through.
    const fits = new InputEvent('beforeinput', { inputType: 'insertText', data: 'ok', cancelable: true, bubbles: true });
    area.dispatchEvent(fits);
    expect(fits.defaultPrevented).to.be.false;
  });

  it('saves the reasons and remarks through the backend, then shows them as saved', async () => {
    const backend = memoryBackend();
    const el = await render(backend);
    typeInto(remarksArea(el), 'Refund of the duplicate payment requested.');
    const saved = new Promise<CallReasonSavedEvent>((r) => el.addEventListener('avw-call-reason-saved', r, { once: true }));
    await submit(el);
    const event = await saved;
    expect(event.saved.reasonIds).to.deep.equal(['billing-payment-refund']);
    expect(backend.savedReasons.get(backend.call!.id)).to.include({ remarks: 'Refund of the duplicate payment requested.' });
    await el.updateComplete;
    expect(text(shadow(el, '[part=status]'))).to.match(/^Saved at /);
    expect(text(shadow(el, '[role=status]'))).to.equal('Call reason saved.');
    await expect(el).to.be.accessible();
    // Saving the same value again sends nothing.
    await submit(el);
    expect(text(shadow(el, '#form-problem'))).to.equal('Nothing has changed since the last save.');
    expect(backend.calls.filter((c) => c.method === 'saveCallReason')).to.have.length(1);
  });

  it('shows the saving state while the backend works', async () => {
    const backend = memoryBackend();
    backend.hang('saveCallReason');
    const el = await render(backend);
    await submit(el);
    const button = shadow(el, '[part=save]') as HTMLButtonElement;
    expect(text(button)).to.equal('Saving…');
    expect(button.disabled).to.be.true;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows a save failure with Retry, and the retry saves with the same idempotency key', async () => {
    const backend = memoryBackend().failNext('saveCallReason', 'unavailable');
    const keys = saveKeys(backend);
    const el = await render(backend);
    await submit(el);
    await until(() => !!shadow(el, '[data-state=save-error]'), 'save error shown');
    const alert = shadow(el, '[data-state=save-error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('The call reason was not saved. The service is not reachable right now.');
    await expect(el).to.be.accessible();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => backend.savedReasons.has(backend.call!.id), 'retry saved');
    expect(backend.calls.filter((c) => c.method === 'saveCallReason')).to.have.length(2);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string').and.not.equal('');
    expect(keys[1]).to.equal(keys[0]);
    await el.updateComplete;
    expect(shadow(el, '[data-state=save-error]')).to.equal(null);
  });

  it('uses a new idempotency key when the value changed after a failure', async () => {
    const backend = memoryBackend().failNext('saveCallReason', 'unavailable');
    const keys = saveKeys(backend);
    const el = await render(backend);
    await submit(el);
    await until(() => !!shadow(el, '[data-state=save-error]'), 'save error shown');
    typeInto(remarksArea(el), 'changed');
    await submit(el);
    await until(() => backend.savedReasons.has(backend.call!.id), 'saved');
    expect(keys).to.have.length(2);
    expect(keys[1]).not.to.equal(keys[0]);
    expect(backend.savedReasons.get(backend.call!.id)!.remarks).to.equal('changed');
  });

  it('lets the host veto the save', async () => {
    const backend = memoryBackend();
    const el = await render(backend);
    let request: { callId: string; reasonIds: readonly string[]; remarks: string } | undefined;
    el.addEventListener('avw-call-reason-save-request', (e) => {
      request = e;
      e.preventDefault();
    });
    typeInto(remarksArea(el), 'vetoed');
    await submit(el);
    expect(request).to.include({ callId: backend.call!.id, remarks: 'vetoed' });
    expect(request!.reasonIds).to.deep.equal(['billing-payment-refund']);
    expect(backend.calls.some((c) => c.method === 'saveCallReason')).to.be.false;
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
    expect(remarksArea(el).value).to.equal('vetoed');
  });

  it('loads and shows the reason already saved for the call', async () => {
    const backend = memoryBackend();
    backend.savedReasons.set(backend.call!.id, {
      callId: backend.call!.id,
      reasonIds: ['technical-device-repair', 'account-complaint-staff'],
      remarks: 'Saved earlier.',
      savedAt: Date.UTC(2026, 10, 25, 9, 0),
    });
    const el = await render(backend);
    expect(chips(el)).to.deep.equal(['Technical support › Device › Repair', 'Account › Complaint › Staff behaviour']);
    expect(remarksArea(el).value).to.equal('Saved earlier.');
    expect(text(shadow(el, '[part=status]'))).to.match(/^Saved at /);
    // Changing it shows that it is no longer what is saved.
    (shadow(el, '.chip-remove') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(shadow(el, '[part=status]'))).to.equal('Unsaved changes');
  });

  it('shows a failure to load the saved reason with Retry', async () => {
    const backend = memoryBackend().failNext('getCallReason', 'unavailable');
    const el = await render(backend);
    const alert = shadow(el, '[data-state=call-error]')!;
    expect(text(alert)).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    backend.savedReasons.set(backend.call!.id, { callId: backend.call!.id, reasonIds: ['account-profile-plan'], remarks: '', savedAt: 1 });
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => chips(el)[0] === 'Account › Profile › Change of plan', 'retry loads the saved reason');
  });

  it('follows the provider: identified reason, then a new call resets the panel', async () => {
    const { el, backend } = await withProvider<CallReason>(html`<call-reason></call-reason>`);
    await ready(el);
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
    typeInto(remarksArea(el), 'first call');
    typeInto(shadow(el, '#search') as HTMLInputElement, 'refund');
    await el.updateComplete;
    backend.ring('+14155550123', { identifiedReason: { source: 'recognition', reasonId: 'technical-network-signal', path: [] } });
    await until(() => chips(el)[0] === 'Technical support › Network › No signal', 'new call shows its own reason');
    expect(remarksArea(el).value).to.equal('');
    expect((shadow(el, '#search') as HTMLInputElement).value).to.equal('');
    expect(item(el, 'Billing').getAttribute('aria-expanded')).to.equal('false');
  });

  it('renders markup in reason labels and remarks as inert text', async () => {
    const backend = memoryBackend();
    backend.reasonTree = [{ id: 'x', label: HOSTILE, children: [{ id: 'x-1', label: `${HOSTILE} leaf` }] }];
    backend.savedReasons.set(backend.call!.id, { callId: backend.call!.id, reasonIds: ['x-1'], remarks: HOSTILE, savedAt: 1 });
    const el = await render(backend);
    typeInto(shadow(el, '#search') as HTMLInputElement, 'img');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(labels(el)).to.deep.equal([HOSTILE, `${HOSTILE} leaf`]);
    expect(chips(el)).to.deep.equal([`${HOSTILE} › ${HOSTILE} leaf`]);
    expect(remarksArea(el).value).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps only the well-formed part of a malformed tree', async () => {
    const backend = memoryBackend();
    backend.reasonTree = [
      { id: 'ok', label: 'Good' },
      null,
      { id: 7, label: 'bad id' },
      { id: 'ok', label: 'Duplicate' },
      { id: 'b', label: 'Branch', children: 'nope' },
    ] as never;
    const el = await render(backend, { ...backend.call!, identifiedReason: null });
    expect(labels(el)).to.deep.equal(['Good', 'Branch']);
  });

  it('renders in Simplified Chinese', async () => {
    const { el, provider } = await withProvider<CallReason>(html`<call-reason></call-reason>`);
    provider.locale = 'zh-CN';
    await until(() => text(shadow(el, 'h2')) === '来电原因', 'zh-CN strings load');
    await ready(el);
    expect(text(shadow(el, '[part=identified]'))).to.contain('根据客户的 IVR 按键选择识别');
    expect(text(shadow(el, 'label[for=remarks]'))).to.equal('通话备注');
    expect(text(shadow(el, '[part=save]'))).to.equal('保存原因');
    const area = remarksArea(el);
    area.value = 'p'.repeat(301);
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(shadow(el, '#remarks-problem'))).to.equal('备注最多 300 个字符；粘贴后将有 301 个字符。');
    await expect(el).to.be.accessible();
  });

  it('honours a tenant remarks limit from the config', async () => {
    const backend = memoryBackend();
    const el = await fixture<CallReason>(
      html`<call-reason .backend=${backend} .call=${backend.call} .config=${{ limits: { remarksMaxLength: 10 } }}></call-reason>`,
    );
    await ready(el);
    typeInto(remarksArea(el), '0123456789');
    typeInto(remarksArea(el), '0123456789a');
    await el.updateComplete;
    expect(remarksArea(el).value).to.equal('0123456789');
    expect(text(shadow(el, '#remarks-problem'))).to.equal('Remarks can have at most 10 characters.');
  });
});

describe('<call-reason> drafts', () => {
  it('keeps a draft under tenant, agent and call, and restores it over the identified reason', async () => {
    const backend = memoryBackend();
    const el = await render(backend);
    item(el, 'Account').click();
    await el.updateComplete;
    typeInto(remarksArea(el), 'draft text');
    await el.updateComplete;
    const key = `avw:draft:call-reason:tenant-t:agent-7:${backend.call!.id}`;
    expect(JSON.parse(sessionStorage.getItem(key)!)).to.deep.equal({ reasonIds: ['billing-payment-refund'], remarks: 'draft text' });
    el.remove();
    const again = await render(backend);
    expect(remarksArea(again).value).to.equal('draft text');
    expect(text(shadow(again, '[role=status]'))).to.equal('Your unsaved reason and remarks were restored.');
    expect(text(shadow(again, '[part=status]'))).to.equal('Unsaved changes');
  });

  it('ignores a draft it cannot read, and storage that refuses to work', async () => {
    sessionStorage.setItem(`avw:draft:call-reason:tenant-t:agent-7:call-20261125-0001`, '{"reasonIds": 5}');
    const el = await render();
    expect(chips(el)).to.deep.equal(['Billing › Payment › Refund request']);
    expect(sessionStorage.getItem(`avw:draft:call-reason:tenant-t:agent-7:call-20261125-0001`)).to.equal(null);

    const failing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    const host = { addController: () => undefined } as never;
    const draft = new DraftController<{ a: number }>(host, {
      name: 'test',
      keyParts: () => ['t', 'a:b', 'c'],
      parse: (raw) => raw as { a: number },
      storage: () => failing,
    });
    expect(draft.key).to.equal('avw:draft:test:t:a%3Ab:c');
    expect(() => draft.save({ a: 1 })).not.to.throw();
    expect(draft.load()).to.equal(null);
    expect(() => draft.clear()).not.to.throw();
    const keyless = new DraftController(host, { name: 'test', keyParts: () => ['t', undefined], parse: (raw) => raw });
    expect(keyless.key).to.equal(null);
  });

  describe('across a real page reload', () => {
    let frame: HTMLIFrameElement;

    async function frameReason(): Promise<CallReason> {
      await until(() => frame.contentWindow?.document.readyState === 'complete' && !!(frame.contentWindow as unknown as { ready?: boolean }).ready, 'frame loads', 8000);
      const el = frame.contentDocument!.querySelector('call-reason') as CallReason;
      await until(() => chips(el).length > 0 && el.shadowRoot!.querySelector('section')?.getAttribute('aria-busy') === 'false', 'panel settles', 8000);
      await until(() => !!shadow(el, '[role=tree]'), 'tree in frame', 8000);
      return el;
    }

    async function reload(): Promise<CallReason> {
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.contentWindow!.location.reload();
      await loaded;
      return frameReason();
    }

    beforeEach(async () => {
      frame = document.createElement('iframe');
      frame.style.cssText = 'inline-size: 800px; block-size: 700px';
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = '/test/fixtures/call-reason-frame.html';
      document.body.append(frame);
      await loaded;
    });

    afterEach(() => frame.remove());

    async function makeDraft(el: CallReason): Promise<void> {
      item(el, 'Account').click();
      await el.updateComplete;
      item(el, 'Profile').click();
      await el.updateComplete;
      item(el, 'Change of plan').click();
      await el.updateComplete;
      typeInto(remarksArea(el), 'Wants the cheaper plan from next month.');
      await el.updateComplete;
    }

    it('brings the draft back after a reload', async () => {
      await makeDraft(await frameReason());
      expect(sessionStorage.getItem(DRAFT_KEY)).to.be.a('string');
      const after = await reload();
      expect(chips(after)).to.deep.equal(['Billing › Payment › Refund request', 'Account › Profile › Change of plan']);
      expect(remarksArea(after).value).to.equal('Wants the cheaper plan from next month.');
    });

    it('forgets the draft once it is saved', async () => {
      const el = await frameReason();
      await makeDraft(el);
      await submit(el);
      await until(() => text(shadow(el, '[part=status]')).startsWith('Saved at'), 'saved in frame');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
      // The reloaded page's fresh backend has nothing saved: the panel falls back to the identified reason.
      const after = await reload();
      expect(chips(after)).to.deep.equal(['Billing › Payment › Refund request']);
      expect(remarksArea(after).value).to.equal('');
    });

    it('forgets the draft when the call ends', async () => {
      const el = await frameReason();
      await makeDraft(el);
      expect(sessionStorage.getItem(DRAFT_KEY)).to.be.a('string');
      (frame.contentWindow as unknown as { backend: MemoryBackend }).backend.endCall();
      await until(() => sessionStorage.getItem(DRAFT_KEY) === null, 'draft cleared at call end');
      // The agent can still finish the reason after the call; the draft is just not kept any more.
      expect(remarksArea(el).value).to.equal('Wants the cheaper plan from next month.');
      expect(text(shadow(el, 'section'))).to.contain('The call has ended');
      typeInto(remarksArea(el), 'after the end');
      await el.updateComplete;
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
      const after = await reload();
      expect(remarksArea(after).value).to.equal('');
    });
  });
});
