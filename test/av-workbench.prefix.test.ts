// <av-workbench> under a prefix, beside a host that owns <customer-info>.
// Its own file: the page must start with none of our tags registered, which
// test/helpers/fixtures.ts (it imports define/all.js) would break.
import { expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { AvWorkbench } from '../src/components/av-workbench/av-workbench.js';
import { defineElement } from '../src/define/define.js';
import { defineAll } from '../src/internal/define-all.js';

class HostCustomerInfo extends HTMLElement {
  connectedCallback(): void {
    this.textContent = 'The host’s own customer card';
  }
}
customElements.define('customer-info', HostCustomerInfo);

async function until(check: () => boolean, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('<acme-av-workbench> with defineAll({ prefix: "acme-" })', () => {
  before(() => {
    defineAll({ prefix: 'acme-' });
    // Until custom-elements.json lists the workbench, defineAll does not know it.
    defineElement('acme-av-workbench', AvWorkbench);
  });

  it('renders its provider and every panel under the prefix, never the host’s elements', async () => {
    const tag = unsafeStatic('acme-av-workbench');
    const el = await fixture<AvWorkbench>(staticHtml`<${tag} open .backend=${new MemoryBackend()}></${tag}>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('acme-call-message'), 'panels rendered');
    expect(root.querySelector('acme-workbench-provider'), 'its provider').to.not.equal(null);
    for (const name of ['call-message', 'customer-info', 'history-contacts', 'call-reason', 'notify-sms', 'realtime-transfer']) {
      expect(root.querySelector(`acme-${name}`), name).to.not.equal(null);
      expect(root.querySelector(name), `no unprefixed ${name}`).to.equal(null);
    }
    expect(root.querySelector('acme-customer-info')).to.be.instanceOf(customElements.get('acme-customer-info')!);
    const message = root.querySelector('acme-call-message')!;
    await until(() => (message.shadowRoot?.textContent ?? '').includes('+8613800138000'), 'the prefixed panel has the call');
    await expect(el).to.be.accessible();
  });
});
