// A host page that already has its own <customer-info> registers ours under
// a prefix. This file imports no define/ module (test/helpers/fixtures.ts
// would register every default tag), so the page starts with none of ours.
import { expect, fixture } from '@open-wc/testing';
import { LitElement } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { CallMessage } from '../src/components/call-message/call-message.js';
import { ContactRecordDetail } from '../src/components/contact-record-detail/contact-record-detail.js';
import { CustomerInfo } from '../src/components/customer-info/customer-info.js';
import { NotifySms } from '../src/components/notify-sms/notify-sms.js';
import { RecordingPlayer } from '../src/components/recording-player/recording-player.js';
import { WorkbenchProvider } from '../src/components/workbench-provider/workbench-provider.js';
import { defineAll } from '../src/internal/define-all.js';
import { staticTag, tagFor } from '../src/internal/tags.js';

class HostCustomerInfo extends HTMLElement {
  connectedCallback(): void {
    this.textContent = 'The host’s own customer card';
  }
}
customElements.define('customer-info', HostCustomerInfo);

/** A composite of our own making, rendering a child the way composites should. */
class PanelWithSms extends LitElement {
  protected override render() {
    const sms = staticTag(NotifySms, 'notify-sms');
    return staticHtml`<${sms} .call=${null}></${sms}>`;
  }
}

const warnings: string[] = [];
const originalWarn = console.warn;

async function until(check: () => boolean, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function manifestTags(): Promise<string[]> {
  const manifest = await (await fetch('/custom-elements.json')).json();
  return manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => m.declarations ?? []).map((d: { tagName?: string }) => d.tagName).filter(Boolean);
}

describe('defineAll({ prefix }) beside a host that owns <customer-info>', () => {
  before(() => {
    console.warn = (...args: unknown[]) => {
      warnings.push(args.join(' '));
    };
  });
  after(() => {
    console.warn = originalWarn;
  });

  it('registers nothing on import, and refuses a bad prefix before registering anything', () => {
    expect(customElements.get('call-message')).to.equal(undefined);
    expect(customElements.get('acme-call-message')).to.equal(undefined);
    for (const prefix of ['Acme-', '1acme-', 'ac me-', '<x>']) {
      expect(() => defineAll({ prefix }), prefix).to.throw(TypeError, /prefix/);
    }
    expect(customElements.get('Acme-call-message'.toLowerCase())).to.equal(undefined);
    expect(customElements.get('workbench-provider')).to.equal(undefined);
  });

  it('registers every element of the manifest under acme- and leaves the host’s tag alone', async () => {
    const names = defineAll({ prefix: 'acme-' });
    const tags = await manifestTags();
    expect(Object.keys(names).sort()).to.deep.equal([...tags].sort());
    for (const tag of tags) {
      expect(names[tag as keyof typeof names], tag).to.equal(`acme-${tag}`);
      expect(customElements.get(`acme-${tag}`), tag).to.be.a('function');
    }
    expect(customElements.get('customer-info')).to.equal(HostCustomerInfo);
    expect(customElements.get('acme-customer-info')).to.equal(CustomerInfo);
    expect(tagFor(CustomerInfo, 'customer-info')).to.equal('acme-customer-info');
    expect(tagFor(NotifySms, 'notify-sms')).to.equal('acme-notify-sms');
    expect(warnings).to.deep.equal([]);
  });

  it('shares the call through the prefixed provider, and the host’s element keeps working', async () => {
    const backend = new MemoryBackend();
    const root = await fixture<HTMLDivElement>(staticHtml`<div>
      <acme-workbench-provider .backend=${backend}>
        <acme-call-message></acme-call-message>
        <acme-customer-info></acme-customer-info>
      </acme-workbench-provider>
      <customer-info></customer-info>
    </div>`);
    const provider = root.querySelector('acme-workbench-provider') as WorkbenchProvider;
    const message = root.querySelector('acme-call-message') as CallMessage;
    expect(message).to.be.instanceOf(CallMessage);
    await until(() => text(message.shadowRoot?.querySelector('dd')) === '+8613800138000', 'the first call reaches the panel');
    backend.ring('+14155550123');
    await until(() => text(message.shadowRoot?.querySelector('dd')) === '+14155550123', 'the rung call reaches the panel');
    expect(provider.call?.callingNumber).to.equal('+14155550123');
    expect(root.querySelector('acme-customer-info')!.shadowRoot).to.not.equal(null);
    expect(text(root.querySelector(':scope > customer-info'))).to.equal('The host’s own customer card');
    await expect(root).to.be.accessible();
  });

  it('renders the children of a composite under the same prefix (lit/static-html + staticTag)', async () => {
    customElements.define('acme-panel-with-sms', PanelWithSms);
    const el = await fixture<PanelWithSms>(staticHtml`<acme-panel-with-sms></acme-panel-with-sms>`);
    const child = el.shadowRoot!.firstElementChild!;
    expect(child.localName).to.equal('acme-notify-sms');
    expect(child).to.be.instanceOf(NotifySms);
    expect(staticTag(NotifySms, 'notify-sms')).to.equal(staticTag(NotifySms, 'notify-sms'));
  });

  // Enable once <contact-record-detail> renders its children through staticTag (see docs/frameworks.md, "Tag prefixes").
  it('renders <contact-record-detail>’s recording player under the prefix', async () => {
    const backend = new MemoryBackend();
    const record = backend.contactRecords.find((r) => r.recordingId)!;
    const el = await fixture<ContactRecordDetail>(
      staticHtml`<acme-contact-record-detail .record=${record} .backend=${backend}></acme-contact-record-detail>`,
    );
    await until(() => !!el.shadowRoot?.querySelector('[recording-id]'), 'the details show the recording');
    const player = el.shadowRoot!.querySelector('[recording-id]')!;
    expect(player.localName).to.equal('acme-recording-player');
    expect(player).to.be.instanceOf(RecordingPlayer);
  });

  it('gives a class a second name through a subclass, without a warning, and keeps the first for children', async () => {
    const names = defineAll({ prefix: 'beta-' });
    expect(names['call-message']).to.equal('beta-call-message');
    const Beta = customElements.get('beta-call-message')!;
    expect(Beta).to.not.equal(CallMessage);
    expect(Beta.prototype).to.be.instanceOf(CallMessage);
    // define/<tag>.js after a prefixed defineAll: the default name still registers.
    await import('../src/define/notify-sms.js');
    expect(customElements.get('notify-sms')!.prototype).to.be.instanceOf(NotifySms);
    expect(tagFor(NotifySms, 'notify-sms')).to.equal('acme-notify-sms');

    const el = await fixture<CallMessage>(staticHtml`<beta-call-message .call=${null}></beta-call-message>`);
    expect(text(el.shadowRoot!.querySelector('[part=empty]'))).to.equal('No call in progress.');
    // Calling it again with the same prefix changes nothing.
    expect(defineAll({ prefix: 'acme-' })['call-message']).to.equal('acme-call-message');
    expect(warnings).to.deep.equal([]);
  });

  it('without a prefix, reports the tag the host already owns and warns once for it', () => {
    const names = defineAll();
    expect(names['customer-info']).to.equal(null);
    expect(names['call-message']).to.equal('call-message');
    expect(customElements.get('customer-info')).to.equal(HostCustomerInfo);
    expect(warnings.filter((w) => w.includes('<customer-info>'))).to.have.length(1);
    expect(warnings.filter((w) => !w.includes('<customer-info>'))).to.deep.equal([]);
  });
});
