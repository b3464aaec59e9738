import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import type { NotifySms } from '../src/components/notify-sms/notify-sms.js';
import '../src/define/notify-sms.js';
import { HOSTILE_TEXT, storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/notify-sms',
  component: 'notify-sms',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/**
 * Each story has a call of its own: the composer keeps drafts per call in
 * sessionStorage, and one story's typing must not show up in another.
 */
function composer(story: string, options: { hang?: BackendMethod[]; fail?: BackendMethod[]; call?: boolean; maxSegments?: number; templates?: boolean } = {}) {
  const backend = storyBackend({ hang: options.hang, fail: options.fail });
  if (options.templates === false) backend.templates = [];
  const call = options.call === false ? null : storyCall({ id: `call-story-sms-${story}` });
  const config = { tenantId: 'storybook', defaultCountryCode: '86', limits: { smsMaxSegments: options.maxSegments ?? 5 } };
  return html`<notify-sms
    .call=${call}
    .agent=${backend.agent}
    .customer=${backend.customers[0]}
    .backend=${backend}
    .config=${config}
  ></notify-sms>`;
}

/** The composer once its templates have settled. */
async function ready(canvas: HTMLElement): Promise<NotifySms> {
  const el = canvas.querySelector('notify-sms')!;
  for (let i = 0; i < 100 && el.shadowRoot?.querySelector('[part=templates][data-state=loading]'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

function set(el: NotifySms, id: string, value: string, type: 'input' | 'change' = 'input'): void {
  const field = el.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

async function send(el: NotifySms): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
  await el.updateComplete;
}

export const Default: Story = {
  render: () => composer('default'),
};

/** A template chosen: placeholders in the editable text, the filled text in the preview. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'template', 'sms-followup', 'change');
    await el.updateComplete;
  },
};

/** A template with a variable nothing can fill: it stays visible and is flagged. */
export const UnknownVariable: Story = {
  render: () => composer('unknown'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'body', 'Hi {{customerName}}, your loyalty tier is {{vipTier}}.');
    await el.updateComplete;
  },
};

/** A number with letters: the message says why and nothing is sent. */
export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'recipient', '138-CALL-ME');
    set(el, 'body', 'Your refund has been approved.');
    await send(el);
  },
};

/** Over the tenant's limit of 2 segments (Unicode: 67 characters per part). */
export const OverSegmentLimit: Story = {
  render: () => composer('over', { maxSegments: 2 }),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'body', '您好，您的退款申请已经受理，款项将在三到五个工作日内退回到您的银行卡。'.repeat(4) + ' 😀');
    await el.updateComplete;
  },
};

/** Templates are still loading; free text already works. */
export const Loading: Story = {
  render: () => composer('loading', { hang: ['listTemplates'] }),
};

/** Templates failed to load: the reason and Retry. */
export const Error: Story = {
  render: () => composer('error', { fail: ['listTemplates'] }),
};

/** The tenant has no SMS templates: free text only. */
export const NoTemplates: Story = {
  render: () => composer('none', { templates: false }),
};

/** No call in progress. */
export const Empty: Story = {
  render: () => composer('empty', { call: false }),
};

/** The backend has not answered yet. */
export const Sending: Story = {
  render: () => composer('sending', { hang: ['sendNotification'] }),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'template', 'sms-payment-link', 'change');
    await el.updateComplete;
    await send(el);
  },
};

/** The send failed: the draft is kept, Retry sends the same message with the same key. */
export const SendFailed: Story = {
  render: () => composer('failed', { fail: ['sendNotification'] }),
  play: Sending.play,
};

/** Sent: a confirmation, and a clean form for the next message. */
export const Sent: Story = {
  render: () => composer('sent'),
  play: Sending.play,
};

/** Markup in a template stays text. */
export const HostileTemplate: Story = {
  render: () => composer('hostile'),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    set(el, 'body', `${HOSTILE_TEXT} {{customerName}}`);
    await el.updateComplete;
  },
};
