import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import '../src/define/call-callback.js';
import { storyBackend } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/call-callback',
  component: 'call-callback',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

let serial = 0;

/**
 * An abnormally ended call with an id of its own: a placed callback is
 * remembered per call id for the session, and the stories share one.
 */
function panel(options: { hang?: BackendMethod[]; fail?: BackendMethod[]; customerCenter?: boolean } = {}) {
  const backend = storyBackend(options);
  backend.setCall({
    ...backend.call!,
    id: `call-story-${Date.now()}-${++serial}`,
    state: 'ended-abnormally',
    startTime: Date.now() - 95_000,
    endTime: Date.now() - 3_000,
  });
  return html`<call-callback
    .call=${backend.call}
    .backend=${backend}
    .config=${{ customerCenter: options.customerCenter ?? false }}
  ></call-callback>`;
}

async function clickCallback(canvas: HTMLElement, until?: (el: HTMLElement) => boolean) {
  const el = canvas.querySelector('call-callback')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]')!.click();
  for (let i = 0; i < 100 && until && !until(el); i++) await new Promise((r) => setTimeout(r, 20));
}

/** The call was disconnected abnormally: Callback is offered. */
export const Default: Story = { render: () => panel() };

/** The callback is being placed (the backend does not answer): the button is disabled. */
export const Pending: Story = {
  render: () => panel({ hang: ['callback'] }),
  play: async ({ canvasElement }) => clickCallback(canvasElement),
};

/** Placed: the button stays disabled, so the customer is never called twice. */
export const Placed: Story = {
  render: () => panel(),
  play: async ({ canvasElement }) => clickCallback(canvasElement, (el) => !!el.shadowRoot!.querySelector('.placed')),
};

/** The callback failed: the error is shown with Retry. */
export const Failed: Story = {
  render: () => panel({ fail: ['callback'] }),
  play: async ({ canvasElement }) => clickCallback(canvasElement, (el) => !!el.shadowRoot!.querySelector('.error-box')),
};

/** With the customer center feature on, the element renders nothing. */
export const NotAvailable: Story = { render: () => panel({ customerCenter: true }) };
