import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import type { CallSession } from '../src/context/types.js';
import '../src/define/harassment-record.js';
import { HOSTILE_TEXT, storyBackend } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/harassment-record',
  component: 'harassment-record',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** A backend whose connected call comes from a number with a Black List and a Red List record. */
function backendFor(options: { hang?: BackendMethod[]; fail?: BackendMethod[]; call?: Partial<CallSession> } = {}) {
  const backend = storyBackend(options);
  backend.setCall({
    ...backend.call!,
    callingNumber: '+14155550123',
    customerNumber: '+14155550123',
    startTime: Date.now() - 95_000,
    ...options.call,
  });
  return backend;
}

function panel(backend = backendFor()) {
  return html`<harassment-record .call=${backend.call} .backend=${backend}></harassment-record>`;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

function element(canvas: HTMLElement) {
  return canvas.querySelector('harassment-record')!;
}

async function writeReason(canvas: HTMLElement, reason: string) {
  const el = element(canvas);
  await el.updateComplete;
  const field = el.shadowRoot!.querySelector('textarea')!;
  field.value = reason;
  field.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
  return el;
}

async function openConfirmation(canvas: HTMLElement) {
  const el = await writeReason(canvas, 'Repeated abusive language towards the agent; hung up and called back three times.');
  el.shadowRoot!.querySelector<HTMLInputElement>('input[value=red]')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  await el.updateComplete;
  return el;
}

async function confirm(canvas: HTMLElement) {
  const el = await openConfirmation(canvas);
  el.shadowRoot!.querySelector<HTMLButtonElement>('.confirm-button')!.click();
  await el.updateComplete;
  return el;
}

/** A two-party call from a number that already has records: one approved, one to be approved. */
export const Default: Story = { render: () => panel() };

/** The number's records are loading (the backend does not answer). */
export const Loading: Story = { render: () => panel(backendFor({ hang: ['listHarassmentRecords'] })) };

/** The number's records could not be loaded: the error is shown with Retry. */
export const Error: Story = { render: () => panel(backendFor({ fail: ['listHarassmentRecords'] })) };

/** A number without records. */
export const Empty: Story = {
  render: () => panel(backendFor({ call: { callingNumber: '+8613800138000', customerNumber: '+8613800138000' } })),
};

/** Not a two-party call (a conference, a consultation): the form is disabled and says why. */
export const NotTwoParty: Story = { render: () => panel(backendFor({ call: { twoParty: false } })) };

/** The call has ended. */
export const CallEnded: Story = { render: () => panel(backendFor({ call: { state: 'ended', endTime: Date.now() } })) };

/** No call at all. */
export const NoCall: Story = { render: () => html`<harassment-record .call=${null}></harassment-record>` };

/** A reason over the limit: refused with a message, never cut. */
export const ReasonTooLong: Story = {
  render: () => panel(),
  play: async ({ canvasElement }) => {
    await writeReason(canvasElement, 'Called repeatedly to insult the agents. '.repeat(27));
  },
};

/** The confirmation step before the record is submitted. */
export const ConfirmStep: Story = {
  render: () => panel(),
  play: async ({ canvasElement }) => {
    await openConfirmation(canvasElement);
  },
};

/** Submitted: the new record is listed as "to be approved". */
export const Submitted: Story = {
  render: () => panel(),
  play: async ({ canvasElement }) => {
    const el = await confirm(canvasElement);
    await until(() => !!el.shadowRoot!.querySelector('[part=submitted]'));
  },
};

/** Submitting (the backend does not answer). */
export const Submitting: Story = {
  render: () => panel(backendFor({ hang: ['createHarassmentRecord'] })),
  play: async ({ canvasElement }) => {
    await confirm(canvasElement);
  },
};

/** Submitting failed: the error is shown with Retry, in the confirmation step. */
export const SubmitFailed: Story = {
  render: () => panel(backendFor({ fail: ['createHarassmentRecord'] })),
  play: async ({ canvasElement }) => {
    const el = await confirm(canvasElement);
    await until(() => !!el.shadowRoot!.querySelector('.error-box'));
  },
};

/** Markup in a stored reason stays text. */
export const HostileReason: Story = {
  render: () => {
    const backend = backendFor();
    backend.harassmentRecords.push({ ...backend.harassmentRecords[0]!, id: 'har-hostile', reason: HOSTILE_TEXT });
    return panel(backend);
  },
};
