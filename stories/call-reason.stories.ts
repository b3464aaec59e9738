import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/call-reason.js';
import type { CallReason } from '../src/components/call-reason/call-reason.js';
import { storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/call-reason',
  component: 'call-reason',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

async function settled(canvas: HTMLElement): Promise<CallReason> {
  const el = canvas.querySelector('call-reason')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[role=tree], [data-state=tree-error]'); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await el.updateComplete;
  return el;
}

/** The seeded call: the IVR identified "Refund request", preselected for the agent to confirm. */
export const Default: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend()}></call-reason>`,
};

/** The reason came from the caller's IVR choice. */
export const IdentifiedByIvr: Story = {
  render: () =>
    html`<call-reason
      .call=${storyCall({ identifiedReason: { source: 'ivr', reasonId: 'billing-invoice-wrong', path: ['Billing', 'Invoice', 'Wrong amount'] } })}
      .backend=${storyBackend()}
    ></call-reason>`,
};

/** The reason came from real-time speech recognition. */
export const IdentifiedByRecognition: Story = {
  render: () =>
    html`<call-reason
      .call=${storyCall({
        identifiedReason: { source: 'recognition', reasonId: 'technical-network-slow', path: ['Technical support', 'Network', 'Slow mobile data'] },
      })}
      .backend=${storyBackend()}
    ></call-reason>`,
};

/** Nothing identified: the agent chooses from the tree. */
export const NotIdentified: Story = {
  render: () => html`<call-reason .call=${storyCall({ identifiedReason: null })} .backend=${storyBackend()}></call-reason>`,
};

/** The agent searched the tree: matches and their categories, highlighted. */
export const Searching: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend()}></call-reason>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = 'change';
    search.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
  },
};

/** The reason tree is loading (the backend does not answer). */
export const Loading: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend({ hang: ['getReasonTree', 'getCallReason'] })}></call-reason>`,
};

/** The reason tree failed to load: the error with Retry. */
export const Error: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend({ fail: ['getReasonTree'] })}></call-reason>`,
};

/** No call in progress. */
export const Empty: Story = {
  render: () => html`<call-reason .call=${null}></call-reason>`,
};

/** The tenant has not configured any call reasons. */
export const NoReasonsConfigured: Story = {
  render: () => {
    const backend = storyBackend();
    backend.reasonTree = [];
    return html`<call-reason .call=${storyCall({ identifiedReason: null })} .backend=${backend}></call-reason>`;
  },
};

/** A reason was already saved for this call. */
export const Saved: Story = {
  render: () => {
    const backend = storyBackend();
    const call = storyCall();
    backend.savedReasons.set(call.id, {
      callId: call.id,
      reasonIds: ['billing-payment-refund', 'account-complaint-service'],
      remarks: 'Charged twice on the 12th; refund of 42.50 requested. Customer unhappy with the wait.',
      savedAt: Date.now() - 4 * 60_000,
    });
    return html`<call-reason .call=${call} .backend=${backend}></call-reason>`;
  },
};

/** Remarks at exactly the limit, and the message after more was typed. */
export const RemarksAtLimit: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend()}></call-reason>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#remarks')!;
    const sentence = 'Customer was charged twice for the November bill and asked for a refund of the second payment. ';
    area.value = sentence.repeat(4).slice(0, 300);
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertText' }));
    await el.updateComplete;
    area.value += ' And one more thing.';
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
    await el.updateComplete;
  },
};

/** Saving is in flight. */
export const Saving: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend({ hang: ['saveCallReason'] })}></call-reason>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};

/** The backend failed to save: the error with Retry (which reuses the idempotency key). */
export const SaveError: Story = {
  render: () => html`<call-reason .call=${storyCall()} .backend=${storyBackend({ fail: ['saveCallReason'] })}></call-reason>`,
  play: Saving.play,
};

/** In a narrow CRM sidebar. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px"><call-reason .call=${storyCall()} .backend=${storyBackend()}></call-reason></div>`,
};
