import { expect, fixture } from '@open-wc/testing';
import { LitElement } from 'lit';
import { html } from 'lit/static-html.js';
import { LazyElement, provideElement } from '../src/internal/lazy-element.js';
import { until } from './helpers/fixtures.js';

// A stand-in for an element whose module loads on first use.
class LazyChild extends LitElement {}
customElements.define('lazy-child-test', LazyChild);

let attempts = 0;
let failNext = false;
let release: () => void = () => {};

class LazyHost extends LitElement {
  readonly child = new LazyElement(this, 'lazy-child-test', () => {
    attempts++;
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('chunk missing'));
    }
    return new Promise<void>((resolve) => {
      release = () => {
        provideElement('lazy-child-test', LazyChild);
        resolve();
      };
    });
  });

  protected override render() {
    const tag = this.child.tag();
    if (tag) return html`<${tag} id="child"></${tag}>`;
    return this.child.status === 'error' ? html`<p role="alert">failed</p>` : html`<p aria-busy="true">loading</p>`;
  }
}
customElements.define('lazy-host-test', LazyHost);

describe('LazyElement (elements loaded on first use)', () => {
  it('shows the pending state, loads once, then renders the element; a failure offers a retry', async () => {
    failNext = true;
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    await until(() => !!el.shadowRoot!.querySelector('[role=alert]'), 'error shown');
    expect(attempts).to.equal(1);

    el.child.retry();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy=true]')).to.exist;
    el.requestUpdate();
    await el.updateComplete;
    expect(attempts, 'one load in flight, not one per render').to.equal(2);

    release();
    await until(() => !!el.shadowRoot!.querySelector('#child'), 'child rendered');
    expect(el.shadowRoot!.querySelector('#child')).to.be.instanceOf(LazyChild);

    // Once loaded, a second host renders it at once, without loading again.
    const other = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    expect(other.shadowRoot!.querySelector('#child')).to.be.instanceOf(LazyChild);
    expect(attempts).to.equal(2);
  });
});
