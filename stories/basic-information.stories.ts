import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/basic-information.js';
import { storyBackend, storyCall } from './support/story-data.js';
import { rootOf, storyCustomer, waitFor } from './support/contact-history-data.js';

const meta: Meta = {
  title: 'Panels/basic-information',
  component: 'basic-information',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const unknownCall = () => storyCall({ callingNumber: '+8613012345678', customerNumber: '+8613012345678' });
const CN = { defaultCountryCode: '86' };

async function open(canvas: HTMLElement, button: 'create' | 'edit'): Promise<ShadowRoot> {
  const root = await rootOf(canvas, 'basic-information');
  await waitFor(() => root.querySelector(`button.${button}`));
  root.querySelector<HTMLButtonElement>(`button.${button}`)!.click();
  await waitFor(() => root.querySelector('form'));
  return root;
}

/** The customer center's record of the caller. */
export const Default: Story = {
  render: () => html`<basic-information .backend=${storyBackend()} .call=${storyCall()} .config=${CN}></basic-information>`,
};

/** No record for the caller: the agent can create one. */
export const Empty: Story = {
  render: () => html`<basic-information .backend=${storyBackend()} .call=${unknownCall()} .config=${CN}></basic-information>`,
};

export const CreateForm: Story = {
  render: Empty.render,
  play: async ({ canvasElement }) => {
    await open(canvasElement, 'create');
  },
};

export const EditForm: Story = {
  render: () => html`<basic-information .backend=${storyBackend()} .call=${storyCall()} .customer=${storyCustomer()} .config=${CN}></basic-information>`,
  play: async ({ canvasElement }) => {
    await open(canvasElement, 'edit');
  },
};

/** Every wrong field says why; the first one has focus. */
export const ValidationErrors: Story = {
  render: Empty.render,
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement, 'create');
    const type = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#f-${id}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    };
    type('phone-0', '138abc');
    type('email', 'zhang.min@');
    root.querySelector('form')!.requestSubmit();
    await waitFor(() => root.querySelector('.summary'));
  },
};

/** The tenant requires a passed identity check before editing. */
export const AuthRequired: Story = {
  render: () =>
    html`<basic-information
      .backend=${storyBackend()}
      .call=${storyCall()}
      .customer=${storyCustomer()}
      .config=${{ ...CN, requireAuthForEdit: true }}
    ></basic-information>`,
};

/** Saving is in flight. */
export const Saving: Story = {
  render: () => html`<basic-information .backend=${storyBackend({ hang: ['createCustomer'] })} .call=${unknownCall()} .config=${CN}></basic-information>`,
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement, 'create');
    const name = root.querySelector<HTMLInputElement>('#f-name')!;
    name.value = 'Li Na';
    name.dispatchEvent(new InputEvent('input'));
    root.querySelector('form')!.requestSubmit();
    await waitFor(() => root.querySelector('button.save[aria-busy=true]'));
  },
};

/** The lookup is in flight. */
export const Loading: Story = {
  render: () => html`<basic-information .backend=${storyBackend({ hang: ['findCustomerByNumber'] })} .call=${storyCall()}></basic-information>`,
};

export const Error: Story = {
  render: () => html`<basic-information .backend=${storyBackend({ fail: ['findCustomerByNumber'] })} .call=${storyCall()}></basic-information>`,
};

/** In a 320px CRM sidebar, with the form open. */
export const NarrowForm: Story = {
  render: () =>
    html`<div style="max-inline-size: 320px">
      <basic-information .backend=${storyBackend()} .call=${storyCall()} .customer=${storyCustomer()} .config=${CN}></basic-information>
    </div>`,
  play: async ({ canvasElement }) => {
    await open(canvasElement, 'edit');
  },
};
