import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/workbench-provider.js';
import '../src/define/connection-bar.js';
import type { BackendMethod, MemoryBackend } from '../src/backend/memory-backend.js';
import type { CallSession } from '../src/context/types.js';
import { storyBackend } from './support/story-data.js';
import { toolbarProvider, withToolbarProvider } from './support/toolbar-provider.js';

const meta: Meta = {
  title: 'Workbench/connection-bar',
  component: 'connection-bar',
  tags: ['autodocs'],
  decorators: [withToolbarProvider],
};
export default meta;

type Story = StoryObj;

interface Setup {
  agent?: Partial<MemoryBackend['agent']>;
  call?: Partial<CallSession> | null;
  ring?: boolean;
  hang?: BackendMethod[];
  fail?: BackendMethod[];
}

/** A seeded backend in the state a story shows, under a provider as in a real workbench. */
function live({ agent, call, ring, hang, fail }: Setup = {}) {
  const backend = storyBackend({ hang, fail });
  if (call === null || ring) backend.call = null;
  else if (call) backend.call = Object.freeze({ ...backend.call!, startTime: Date.now() - 95_000, ...call });
  else if (backend.call) backend.call = Object.freeze({ ...backend.call, startTime: Date.now() - 95_000 });
  if (agent) backend.agent = Object.freeze({ ...backend.agent, ...agent });
  if (ring) backend.ring('+14155550123');
  return toolbarProvider(backend, html`<connection-bar></connection-bar>`);
}

async function bar(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('connection-bar')!;
  for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('button[data-action]'); i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return el;
}

/** On a call: the caller, its state, the timer and the call controls. */
export const Default: Story = { render: () => live() };

export const SignedOut: Story = { render: () => live({ agent: { state: 'signed-out' }, call: null }) };

export const Ready: Story = { render: () => live({ agent: { state: 'ready' }, call: null }) };

export const Rest: Story = { render: () => live({ agent: { state: 'rest', restReasonId: 'rest-lunch' }, call: null }) };

export const Ringing: Story = { render: () => live({ agent: { state: 'ready' }, ring: true }) };

/** An outbound call over an hour long: the called number, and the timer counting hours. */
export const Talking: Story = {
  render: () =>
    live({
      call: {
        direction: 'outbound',
        callingNumber: '4008001234',
        calledNumber: '+14155550123',
        customerNumber: '+14155550123',
        startTime: Date.now() - (72 * 60 + 5) * 1000,
      },
    }),
};

export const Held: Story = { render: () => live({ call: { state: 'held' } }) };

export const Muted: Story = { render: () => live({ call: { muted: true } }) };

export const WrapUp: Story = {
  render: () => live({ agent: { state: 'wrap-up' }, call: { state: 'ended', endTime: Date.now() - 5_000 } }),
};

/** No provider and no backend: nothing to act with, every action says so. */
export const Empty: Story = {
  render: () => html`<connection-bar .agent=${null} .call=${null}></connection-bar>`,
};

/** Hold is in flight: the button is busy and the other actions wait. */
export const Loading: Story = {
  render: () => live({ hang: ['hold'] }),
  play: async ({ canvasElement }) => {
    const el = await bar(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=hold]')!.click();
    await el.updateComplete;
  },
};

/** Hold failed: the reason, with Retry. */
export const Error: Story = {
  render: () => live({ fail: ['hold'] }),
  play: async ({ canvasElement }) => {
    const el = await bar(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=hold]')!.click();
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part=error]'); i++) await new Promise((r) => setTimeout(r, 10));
  },
};

/** A number that cannot be dialled: the message says why, nothing is dialled. */
export const InvalidNumber: Story = {
  render: () => live({ agent: { state: 'ready' }, call: null }),
  play: async ({ canvasElement }) => {
    const el = await bar(canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#dial-input')!;
    input.value = '138-abc';
    input.dispatchEvent(new InputEvent('input'));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};

/** In a 320 px CRM sidebar the call buttons keep their icons; their names stay for screen readers. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px">${live()}</div>`,
};
