import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import type { NotifyEmail } from '../src/components/notify-email/notify-email.js';
import '../src/define/notify-email.js';
import { storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/notify-email',
  component: 'notify-email',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** Each story has a call of its own, so drafts (kept per call) never cross stories. */
function composer(story: string, options: { hang?: BackendMethod[]; fail?: BackendMethod[]; call?: boolean; templates?: boolean } = {}) {
  const backend = storyBackend({ hang: options.hang, fail: options.fail });
  if (options.templates === false) backend.templates = [];
  const call = options.call === false ? null : storyCall({ id: `call-story-email-${story}` });
  return html`<notify-email
    .call=${call}
    .agent=${backend.agent}
    .customer=${backend.customers[0]}
    .backend=${backend}
    .config=${{ tenantId: 'storybook', defaultCountryCode: '86' }}
  ></notify-email>`;
}

async function ready(canvas: HTMLElement): Promise<NotifyEmail> {
  const el = canvas.querySelector('notify-email')!;
  for (let i = 0; i < 100 && el.shadowRoot?.querySelector('[part=templates][data-state=loading]'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

function set(el: NotifyEmail, id: string, value: string, type: 'input' | 'change' = 'input'): void {
  const field = el.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

async function send(el: NotifyEmail): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
  await el.updateComplete;
}

export const Default: Story = {
  render: () => composer('default'),
};

/** A template fills subject and body, both still editable; the preview shows the filled text. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'template', 'email-summary', 'change');
    await el.updateComplete;
  },
};

/** An address that is not one: the message says why and nothing is sent. */
export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'recipient', 'zhang.min@example');
    set(el, 'template', 'email-documents', 'change');
    await el.updateComplete;
    await send(el);
  },
};

/** Subject and body missing. */
export const MissingFields: Story = {
  render: () => composer('missing'),
  play: async ({ canvasElement }) => send(await ready(canvasElement)),
};

export const Loading: Story = {
  render: () => composer('loading', { hang: ['listTemplates'] }),
};

export const Error: Story = {
  render: () => composer('error', { fail: ['listTemplates'] }),
};

export const NoTemplates: Story = {
  render: () => composer('none', { templates: false }),
};

export const Empty: Story = {
  render: () => composer('empty', { call: false }),
};

export const Sending: Story = {
  render: () => composer('sending', { hang: ['sendNotification'] }),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'template', 'email-summary', 'change');
    await el.updateComplete;
    await send(el);
  },
};

export const SendFailed: Story = {
  render: () => composer('failed', { fail: ['sendNotification'] }),
  play: Sending.play,
};

export const Sent: Story = {
  render: () => composer('sent'),
  play: Sending.play,
};
