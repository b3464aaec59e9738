import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import type { WorkbenchProvider } from '../src/components/workbench-provider/workbench-provider.js';
import type { CallMessage } from '../src/components/call-message/call-message.js';
import { callContext, configContext, customerContext } from '../src/context/keys.js';
import { CustomerSavedEvent, IdentityAuthChangedEvent } from '../src/events/context-events.js';
import { memoryBackend, sampleCall, shadow, text, until } from './helpers/fixtures.js';

/** A bare consumer, to read what the provider publishes without any panel logic. */
class ContextProbe extends LitElement {
  call = new ContextConsumer(this, { context: callContext, subscribe: true });
  customer = new ContextConsumer(this, { context: customerContext, subscribe: true });
  config = new ContextConsumer(this, { context: configContext, subscribe: true });
}
customElements.define('test-context-probe', ContextProbe);

describe('<workbench-provider>', () => {
  it('gives its panels the colour scheme of its theme, so scrollbars and form controls match it', async () => {
    const provider = await fixture<WorkbenchProvider>(
      html`<workbench-provider theme="dark" .backend=${memoryBackend()}><call-message></call-message></workbench-provider>`,
    );
    const panel = provider.querySelector('call-message')!;
    const inside = () => getComputedStyle(panel.shadowRoot!.querySelector('h2') ?? panel).colorScheme;
    await until(() => inside() === 'dark', 'dark scheme inside the panel');
    provider.theme = 'light';
    await until(() => inside() === 'light', 'light scheme inside the panel');
  });

  it('provides the backend call to panels nested at any depth, and follows changes', async () => {
    const backend = memoryBackend();
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider .backend=${backend}>
      <section><div><test-context-probe></test-context-probe><call-message></call-message></div></section>
    </workbench-provider>`);
    const probe = provider.querySelector<ContextProbe>('test-context-probe')!;
    const panel = provider.querySelector<CallMessage>('call-message')!;
    await until(() => probe.call.value?.id === backend.call!.id, 'call provided');
    await until(() => probe.customer.value?.name === 'Zhang Min', 'customer looked up by the handled number');
    expect(Object.isFrozen(probe.call.value)).to.be.true;

    backend.ring('+14155550123');
    await until(() => probe.call.value?.callingNumber === '+14155550123', 'new call provided');
    await until(() => probe.customer.value?.name === 'Maria Garcia', 'new customer looked up');
    await panel.updateComplete;
    expect(text(shadow(panel, 'dd'))).to.equal('+14155550123');
  });

  it('never shows the previous customer while the next one loads', async () => {
    const backend = memoryBackend();
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider .backend=${backend}></workbench-provider>`);
    await until(() => provider.customer?.name === 'Zhang Min');
    backend.setDelay('findCustomerByNumber', 200);
    backend.ring('+14155550123');
    await until(() => provider.call?.callingNumber === '+14155550123');
    expect(provider.customer).to.equal(null);
    await until(() => provider.customer?.name === 'Maria Garcia');
  });

  it('keeps two calls apart when two providers share a page', async () => {
    const a = memoryBackend();
    const b = memoryBackend();
    const root = await fixture(html`<div>
      <workbench-provider id="a" .backend=${a}><call-message></call-message></workbench-provider>
      <workbench-provider id="b" .backend=${b}><call-message></call-message></workbench-provider>
    </div>`);
    const [pa, pb] = [...root.querySelectorAll<WorkbenchProvider>('workbench-provider')];
    await until(() => pa!.call !== null && pb!.call !== null);
    b.ring('+971501234567');
    await until(() => pb!.call?.callingNumber === '+971501234567');
    const [ma, mb] = [...root.querySelectorAll<CallMessage>('call-message')];
    await ma!.updateComplete;
    await mb!.updateComplete;
    expect(text(shadow(ma!, 'dd'))).to.equal('+8613800138000');
    expect(text(shadow(mb!, 'dd'))).to.equal('+971501234567');
    expect(pa!.call!.id).to.not.equal(pb!.call!.id);
  });

  it('lets a host set the call itself, without a backend', async () => {
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider><call-message></call-message></workbench-provider>`);
    const panel = provider.querySelector<CallMessage>('call-message')!;
    provider.call = sampleCall({ callingNumber: '+442071234567' });
    await provider.updateComplete;
    await panel.updateComplete;
    expect(text(shadow(panel, 'dd'))).to.equal('+442071234567');
  });

  it('publishes config with the documented defaults', async () => {
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider .config=${{ customerCenter: true, limits: { remarksMaxLength: 500 } }}>
      <test-context-probe></test-context-probe>
    </workbench-provider>`);
    const probe = provider.querySelector<ContextProbe>('test-context-probe')!;
    expect(probe.config.value!.customerCenter).to.be.true;
    expect(probe.config.value!.limits.remarksMaxLength).to.equal(500);
    expect(probe.config.value!.limits.handledNumberMaxLength).to.equal(24);
  });

  it('is the one writer: it publishes what panels report, and announces call changes', async () => {
    const backend = memoryBackend();
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider .backend=${backend}><div id="child"></div></workbench-provider>`);
    await until(() => provider.customer !== null);
    const customer = { id: 'cust-new', name: 'New Person', phoneNumbers: ['+8613800138000'] };
    provider.querySelector('#child')!.dispatchEvent(new CustomerSavedEvent(customer, true));
    expect(provider.customer).to.deep.equal(customer);

    const changes: string[] = [];
    provider.addEventListener('avw-call-changed', (e) => changes.push(e.call?.state ?? 'none'));
    backend.endCall(true);
    await until(() => changes.includes('ended-abnormally'));
  });

  it('sets lang and dir from its locale, and shows the reconnecting banner accessibly', async () => {
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider locale="zh-CN"></workbench-provider>`);
    expect(provider.getAttribute('lang')).to.equal('zh-CN');
    expect(provider.getAttribute('dir')).to.equal('ltr');
    (provider as unknown as { hub: { setStatus(s: string): void } }).hub.setStatus('reconnecting');
    await provider.updateComplete;
    await until(() => text(shadow(provider, '[part=status]')).includes('正在重新连接'), 'zh-CN banner');
    await expect(provider).to.be.accessible();
  });

  it('never lets a late "in progress" replace the outcome of the same check', async () => {
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider><div id="child"></div></workbench-provider>`);
    provider.call = sampleCall();
    await provider.updateComplete;
    const child = provider.querySelector('#child')!;
    const base = { id: 'auth-1', callId: 'call-test-1', modeId: 'auth-pin', startedAt: 1 };
    child.dispatchEvent(new IdentityAuthChangedEvent({ ...base, status: 'pass', completedAt: 2 }));
    child.dispatchEvent(new IdentityAuthChangedEvent({ ...base, status: 'in-progress' }));
    expect(provider.identityAuth?.status).to.equal('pass');
    child.dispatchEvent(new IdentityAuthChangedEvent({ ...base, id: 'auth-2', status: 'in-progress' }));
    expect(provider.identityAuth?.id).to.equal('auth-2');
  });

  it('lets a page-chosen direction win over the locale', async () => {
    const root = await fixture(html`<div dir="rtl"><call-message lang="en" .call=${sampleCall()}></call-message></div>`);
    const panel = root.querySelector<CallMessage>('call-message')!;
    await panel.updateComplete;
    expect(getComputedStyle(shadow(panel, '[part=base]')!).direction).to.equal('rtl');
  });

  it('keeps a dir the host chose when the locale changes', async () => {
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider locale="en"></workbench-provider>`);
    expect(provider.getAttribute('dir')).to.equal('ltr');
    provider.setAttribute('dir', 'rtl');
    provider.locale = 'zh-CN';
    await provider.updateComplete;
    expect(provider.getAttribute('dir')).to.equal('rtl');
    expect(provider.getAttribute('lang')).to.equal('zh-CN');
  });

  it('stops listening when removed', async () => {
    const backend = memoryBackend();
    const provider = await fixture<WorkbenchProvider>(html`<workbench-provider .backend=${backend}></workbench-provider>`);
    await until(() => provider.call !== null);
    provider.remove();
    backend.ring('+14155550123');
    await new Promise((r) => setTimeout(r, 30));
    expect(provider.call!.callingNumber).to.equal('+8613800138000');
  });
});
