import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/av-workbench.js';
import { storyBackend } from './support/story-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';

const meta: Meta = {
  title: 'Workbench/av-workbench',
  component: 'av-workbench',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** A host that keeps the workbench closed: every open request is vetoed. */
const stayClosed = (event: Event) => event.preventDefault();

/** A connected call, customer center off: call message, customer, history, callback. */
export const Default: Story = {
  render: () => html`<av-workbench open .backend=${storyBackend()}></av-workbench>`,
};

/** Customer center on: contact records and basic information instead. */
export const CustomerCenter: Story = {
  render: () => html`<av-workbench open customer-center .backend=${storyBackend()}></av-workbench>`,
};

/** In a 320px CRM sidebar: one column of collapsible sections. */
export const Narrow: Story = {
  render: () => html`<div style="inline-size: 320px">
    <av-workbench open .backend=${storyBackend()}></av-workbench>
  </div>`,
};

/** Closed: the compact bar with the call and the Open button. */
export const Closed: Story = {
  render: () => html`<av-workbench .backend=${storyBackend()} @avw-workbench-open-request=${stayClosed}></av-workbench>`,
};

/** The host replaces the customer information with its own card and adds to the header, the actions and the end. */
export const WithSlots: Story = {
  render: () => html`<av-workbench open .backend=${storyBackend()}>
    <button slot="header" type="button" style="font: inherit">Supervisor</button>
    <section
      slot="customer-info"
      aria-label="CRM customer card"
      style="padding: 12px 16px; border: 1px solid var(--avw-color-border); border-radius: var(--avw-radius); background: var(--avw-color-surface); color: var(--avw-color-text)"
    >
      <strong>CRM customer card</strong>
      <p style="margin: 4px 0 0">The host’s own customer view, in place of the default area.</p>
    </section>
    <p slot="actions" style="margin: 0; color: var(--avw-color-text)">Host action: escalate to the back office.</p>
    <section
      slot="extra"
      aria-label="Host notes"
      style="padding: 12px 16px; border: 1px dashed var(--avw-color-border); border-radius: var(--avw-radius); color: var(--avw-color-text)"
    >
      An area the host added after the workbench's own.
    </section>
  </av-workbench>`,
};

/** The agent is signed in and waiting: a calm idle state saying what to do. */
export const NoCall: Story = {
  render: () => html`<av-workbench open .backend=${new MemoryBackend({ connectedCall: false })}></av-workbench>`,
};

/** The agent is signed out. */
export const SignedOut: Story = {
  render: () => {
    const backend = new MemoryBackend({ connectedCall: false });
    backend.agent = Object.freeze({ ...backend.agent, state: 'signed-out' as const });
    return html`<av-workbench open .backend=${backend}></av-workbench>`;
  },
};

/** Connecting: the contact center has not answered yet. */
export const Loading: Story = {
  render: () => html`<av-workbench open .backend=${storyBackend({ hang: ['getAgent'] })}></av-workbench>`,
};

/** The contact center cannot be reached: the message with Retry. */
export const Error: Story = {
  render: () => html`<av-workbench open .backend=${storyBackend({ fail: ['getAgent'] })}></av-workbench>`,
};
