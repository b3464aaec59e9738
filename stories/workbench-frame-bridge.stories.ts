import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/workbench-frame-bridge.js';
import '../src/define/call-message.js';

const meta: Meta = {
  title: 'Workbench/workbench-frame-bridge',
  component: 'workbench-frame-bridge',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** The origin that embeds this story in the screen-popup stories (localhost ⇄ 127.0.0.1). */
function parentOrigin(): string {
  const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${other}:${location.port}`;
}

/**
 * A tenant page as a tenant writes it: the bridge around workbench panels.
 * Opened on its own it says it belongs in the workbench; inside the
 * screen-popup Default story it shows that story's call.
 */
export const TenantPage: Story = {
  render: () => html`<workbench-frame-bridge parent-origin=${parentOrigin()}>
    <call-message></call-message>
  </workbench-frame-bridge>`,
};

/** Not set up: no parent-origin, so it talks to nobody. */
export const Error: Story = {
  render: () => html`<workbench-frame-bridge><call-message></call-message></workbench-frame-bridge>`,
};
