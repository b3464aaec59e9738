import { expect, html } from '@open-wc/testing';
import type { ScreenPopup } from '../src/components/screen-popup/screen-popup.js';
import type { ScreenPopupPage } from '../src/context/types.js';
import { shadow, text, until, withProvider } from './helpers/fixtures.js';
import { TENANT_ORIGIN, tenantUrl } from './fixtures/tenant-frame.js';

/*
 * The host page's own Content-Security-Policy leaves a trusted pop-up origin
 * out of frame-src: the browser blocks the frame. The agent must read why, in
 * the tab, rather than the browser's blocked-content page. This file's page
 * gets the policy (frames from its own origin only), so it runs apart.
 */
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = "frame-src 'self'";
document.head.append(meta);

const orders: ScreenPopupPage = { id: 'orders', title: 'Orders', url: tenantUrl({ name: 'orders' }), open: 'embed' };

describe('<screen-popup> under a host policy that does not allow the page', () => {
  it('names the policy and the origin in the tab instead of a blocked frame, in each locale', async () => {
    const { el, provider } = await withProvider<ScreenPopup>(
      html`<screen-popup allow-insecure-localhost .config=${{ trustedOrigins: [TENANT_ORIGIN], screenPopups: [orders] }}></screen-popup>`,
    );
    await until(() => !!shadow(el, '[data-problem=csp]'), 'the policy notice', 5000);
    const notice = shadow(el, '[role=tabpanel]:not([hidden]) [data-problem=csp]')!;
    expect(text(notice)).to.equal(
      `“Orders” was not loaded: this page’s security policy (frame-src) does not allow ${TENANT_ORIGIN}. Ask your administrator to add it.`,
    );
    expect(shadow(el, 'iframe'), 'the blocked frame is gone').to.equal(null);
    expect(text(shadow(el, '[role=status]')!)).to.contain('“Orders” was not loaded');
    await expect(el).to.be.accessible();

    provider.locale = 'zh-CN';
    await until(() => text(shadow(el, '[data-problem=csp]')!).includes('安全策略'), 'the notice in Simplified Chinese');
    expect(text(shadow(el, '[data-problem=csp]')!)).to.contain(TENANT_ORIGIN);
  });
});
