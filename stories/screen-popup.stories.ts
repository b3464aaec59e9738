import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/workbench-provider.js';
import '../src/define/screen-popup.js';
import '../src/define/workbench-frame-bridge.js';
import '../src/define/call-message.js';
import type { ScreenPopupPage, WorkbenchConfig } from '../src/context/types.js';
import { storyBackend } from './support/story-data.js';
import { toolbarProvider, withToolbarProvider } from './support/toolbar-provider.js';

const meta: Meta = {
  title: 'Workbench/screen-popup',
  component: 'screen-popup',
  tags: ['autodocs'],
  decorators: [withToolbarProvider],
};
export default meta;

type Story = StoryObj;

/**
 * The bridge story of this Storybook, served from the sibling origin
 * (localhost ⇄ 127.0.0.1, same port): a real cross-origin tenant page.
 */
function siblingOrigin(): string {
  const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${other}:${location.port}`;
}

function tenantStoryUrl(): string {
  return `${siblingOrigin()}${location.pathname}?id=workbench-workbench-frame-bridge--tenant-page&viewMode=story`;
}

const windowPages: ScreenPopupPage[] = [
  { id: 'tickets', title: 'Tickets', url: 'https://tickets.example.com/new?queue=billing', open: 'window' },
  { id: 'knowledge', title: 'Knowledge base', url: 'https://kb.example.com/search', open: 'window' },
];

function popup(pages: readonly ScreenPopupPage[] | undefined, config: Partial<WorkbenchConfig> = {}, insecure = false) {
  const backend = storyBackend();
  const full = { trustedOrigins: ['https://tickets.example.com', 'https://kb.example.com', 'https://crm.example.com', siblingOrigin()], screenPopups: pages, ...config };
  return toolbarProvider(
    backend,
    html`<screen-popup ?allow-insecure-localhost=${insecure} style="--avw-screen-popup-frame-height: 360px"></screen-popup>`,
    full,
  );
}

/** An embedded tenant page (on another origin) beside two that open in their own windows. */
export const Default: Story = {
  render: () => popup([{ id: 'orders', title: 'Orders', url: tenantStoryUrl(), open: 'embed' }, ...windowPages], {}, true),
};

/** Pages that open in their own window, with the call in their address. */
export const WindowMode: Story = { render: () => popup(windowPages) };

/** The pages come from the backend, which does not answer yet. */
export const Loading: Story = {
  render: () => html`<screen-popup .backend=${storyBackend({ hang: ['listScreenPopups'] })}></screen-popup>`,
};

export const Error: Story = {
  render: () => html`<screen-popup .backend=${storyBackend({ fail: ['listScreenPopups'] })}></screen-popup>`,
};

export const Empty: Story = { render: () => popup([]) };

/** A look-alike address, a `javascript:` one and credentials: each refused, naming the page. */
export const RefusedUrl: Story = {
  render: () =>
    popup([
      { id: 'crm', title: 'CRM', url: 'https://crm.example.com.evil.example/orders', open: 'embed' },
      { id: 'script', title: 'Script', url: 'javascript:alert(1)', open: 'embed' },
      { id: 'creds', title: 'Billing', url: 'https://crm.example.com@evil.example/', open: 'window' },
    ]),
};

/** Seven pages, five shown: the notice names the two left out. */
export const TooManyPages: Story = {
  render: () =>
    popup(
      Array.from({ length: 7 }, (_, i) => ({ id: `p${i + 1}`, title: `Page ${i + 1}`, url: `https://kb.example.com/p${i + 1}`, open: 'window' as const })),
    ),
};

/**
 * The host page's own Content-Security-Policy leaves the page's origin out of
 * `frame-src`: the tab says so and names the origin, where the browser would
 * show its blocked-content page. (The browser's violation report is imitated
 * here, after the page starts loading.)
 */
export const BlockedByHostPolicy: Story = {
  render: () => popup([{ id: 'orders', title: 'Orders', url: tenantStoryUrl(), open: 'embed' }], {}, true),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('screen-popup')!;
    let frame: HTMLIFrameElement | null = null;
    for (let i = 0; i < 200 && !frame; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      frame = el.shadowRoot?.querySelector('iframe') ?? null;
    }
    if (!frame) return;
    document.dispatchEvent(
      new SecurityPolicyViolationEvent('securitypolicyviolation', {
        blockedURI: frame.src,
        effectiveDirective: 'frame-src',
        violatedDirective: 'frame-src',
        originalPolicy: "frame-src 'self'",
        disposition: 'enforce',
        documentURI: location.href,
        statusCode: 200,
      }),
    );
  },
};
