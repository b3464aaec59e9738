import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/call-message.js';
import { storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/call-message',
  component: 'call-message',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** Opens the handled-number editor and types `value` into it, as an agent would. */
async function typeHandledNumber(canvas: HTMLElement, value: string) {
  const el = canvas.querySelector('call-message')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.edit')!.click();
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
  return el;
}

export const Default: Story = {
  render: () => html`<call-message .call=${storyCall()} .backend=${storyBackend()}></call-message>`,
};

export const HandledNumberSet: Story = {
  render: () => html`<call-message .call=${storyCall({ handledNumber: '+8613911112222' })} .backend=${storyBackend()}></call-message>`,
};

export const Ringing: Story = {
  render: () => html`<call-message .call=${storyCall({ state: 'ringing', recording: { recording: false } })}></call-message>`,
};

export const EndedAbnormally: Story = {
  render: () => html`<call-message .call=${storyCall({ state: 'ended-abnormally', endTime: Date.now() })}></call-message>`,
};

export const Empty: Story = {
  render: () => html`<call-message .call=${null}></call-message>`,
};

/** The editor open with a number that is too long: the message says why, nothing is saved. */
export const InvalidHandledNumber: Story = {
  render: () => html`<call-message .call=${storyCall()} .backend=${storyBackend()}></call-message>`,
  play: async ({ canvasElement }) => {
    const el = await typeHandledNumber(canvasElement, '1'.repeat(25));
    await el.updateComplete;
  },
};

/** Saving is in flight (the backend does not answer). */
export const Loading: Story = {
  render: () => html`<call-message .call=${storyCall()} .backend=${storyBackend({ hang: ['setHandledNumber'] })}></call-message>`,
  play: async ({ canvasElement }) => {
    const el = await typeHandledNumber(canvasElement, '+8613911112222');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};

/** The backend failed to save: the error is shown with Retry. */
export const Error: Story = {
  render: () => html`<call-message .call=${storyCall()} .backend=${storyBackend({ fail: ['setHandledNumber'] })}></call-message>`,
  play: Loading.play,
};
