import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import type { NotifyWhatsapp } from '../src/components/notify-whatsapp/notify-whatsapp.js';
import '../src/define/notify-whatsapp.js';
import { storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/notify-whatsapp',
  component: 'notify-whatsapp',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** Each story has a call of its own, so drafts (kept per call) never cross stories. */
function composer(story: string, options: { hang?: BackendMethod[]; fail?: BackendMethod[]; call?: boolean; templates?: boolean } = {}) {
  const backend = storyBackend({ hang: options.hang, fail: options.fail });
  if (options.templates === false) backend.templates = [];
  const call = options.call === false ? null : storyCall({ id: `call-story-wa-${story}` });
  return html`<notify-whatsapp
    .call=${call}
    .agent=${backend.agent}
    .customer=${backend.customers[0]}
    .backend=${backend}
    .config=${{ tenantId: 'storybook', defaultCountryCode: '86' }}
  ></notify-whatsapp>`;
}

async function ready(canvas: HTMLElement): Promise<NotifyWhatsapp> {
  const el = canvas.querySelector('notify-whatsapp')!;
  for (let i = 0; i < 100 && el.shadowRoot?.querySelector('[part=templates][data-state=loading]'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

function set(el: NotifyWhatsapp, id: string, value: string, type: 'input' | 'change' = 'input'): void {
  const field = el.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

async function send(el: NotifyWhatsapp): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
  await el.updateComplete;
}

/** The template list, with the unapproved template disabled and the reason under it. */
export const Default: Story = {
  render: () => composer('default'),
};

/** An approved template with parameters: one required field each, filled into the preview. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'template', 'wa-appointment', 'change');
    await el.updateComplete;
    set(el, 'param-1', 'Friday 3 December');
    await el.updateComplete;
  },
};

/** Send pressed with a parameter missing. */
export const MissingParameter: Story = {
  render: () => composer('missing'),
  play: async ({ canvasElement }) => {
    await TemplateChosen.play!({ canvasElement } as never);
    await send(canvasElement.querySelector('notify-whatsapp')!);
  },
};

export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'recipient', '12');
    set(el, 'template', 'wa-followup', 'change');
    await el.updateComplete;
    await send(el);
  },
};

export const Loading: Story = {
  render: () => composer('loading', { hang: ['listTemplates'] }),
};

export const Error: Story = {
  render: () => composer('error', { fail: ['listTemplates'] }),
};

/** No templates: WhatsApp has no free text, so nothing can be sent. */
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
    set(el, 'template', 'wa-followup', 'change');
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
