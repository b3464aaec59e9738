import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/contact-record-detail.js';
import { storyBackend, storyCall, HOSTILE_TEXT } from './support/story-data.js';
import { rootOf, storyCustomer, waitFor } from './support/contact-history-data.js';

const meta: Meta = {
  title: 'Panels/contact-record-detail',
  component: 'contact-record-detail',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** A record fetched by `record-id`. */
export const Default: Story = {
  render: () => html`<contact-record-detail record-id="cr-001" .backend=${storyBackend()} .call=${storyCall()}></contact-record-detail>`,
};

/** The Message Sending Record tab. */
export const MessageSendingRecord: Story = {
  render: () =>
    html`<contact-record-detail record-id="cr-001" active-tab="messages" .backend=${storyBackend()} .call=${storyCall()}></contact-record-detail>`,
};

/** Send Message: the SMS composer, attached to this record. */
export const SendMessage: Story = {
  render: () =>
    html`<contact-record-detail
      record-id="cr-003"
      active-tab="messages"
      .backend=${storyBackend()}
      .call=${storyCall()}
      .customer=${storyCustomer()}
    ></contact-record-detail>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'contact-record-detail');
    await waitFor(() => root.querySelector('[part=send] button'));
    root.querySelector<HTMLButtonElement>('[part=send] button[data-channel=sms]')!.click();
    await waitFor(() => root.querySelector('notify-sms')?.shadowRoot?.querySelector('form'));
  },
};

/** A record without a recording, remarks or reason. */
export const Sparse: Story = {
  render: () => {
    const backend = storyBackend();
    const record = { ...backend.contactRecords[2]!, remarks: '', reasonPath: [], skillQueue: undefined };
    return html`<contact-record-detail .record=${record} .backend=${backend}></contact-record-detail>`;
  },
};

export const Loading: Story = {
  render: () => html`<contact-record-detail record-id="cr-001" .backend=${storyBackend({ hang: ['getContactRecord'] })}></contact-record-detail>`,
};

export const Error: Story = {
  render: () => html`<contact-record-detail record-id="cr-001" .backend=${storyBackend({ fail: ['getContactRecord'] })}></contact-record-detail>`,
};

/** The record does not exist. */
export const NotFound: Story = {
  render: () => html`<contact-record-detail record-id="cr-gone" .backend=${storyBackend()}></contact-record-detail>`,
};

/** No record chosen. */
export const Empty: Story = {
  render: () => html`<contact-record-detail></contact-record-detail>`,
};

/** The message list failed to load. */
export const MessagesError: Story = {
  render: () =>
    html`<contact-record-detail record-id="cr-001" active-tab="messages" .backend=${storyBackend({ fail: ['listMessageRecords'] })}></contact-record-detail>`,
};

/** Markup from the backend stays inert text. */
export const HostileText: Story = {
  render: () => {
    const backend = storyBackend();
    const record = { ...backend.contactRecords[0]!, remarks: HOSTILE_TEXT, agentName: HOSTILE_TEXT };
    return html`<contact-record-detail .record=${record} .backend=${backend}></contact-record-detail>`;
  },
};

/** In a 320px CRM sidebar. */
export const Narrow: Story = {
  render: () =>
    html`<div style="max-inline-size: 320px">
      <contact-record-detail record-id="cr-001" .backend=${storyBackend()} .call=${storyCall()}></contact-record-detail>
    </div>`,
};
