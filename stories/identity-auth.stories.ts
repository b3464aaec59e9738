import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BackendMethod } from '../src/backend/memory-backend.js';
import type { IdentityAuthResult, IdentityAuthStatus } from '../src/context/types.js';
import '../src/define/identity-auth.js';
import { storyBackend, storyCall } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/identity-auth',
  component: 'identity-auth',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

function panel(options: { hang?: BackendMethod[]; fail?: BackendMethod[] } = {}, result?: IdentityAuthResult | null) {
  const backend = storyBackend(options);
  const call = storyCall();
  return result === undefined
    ? html`<identity-auth .call=${call} .backend=${backend}></identity-auth>`
    : html`<identity-auth .call=${call} .backend=${backend} .identityAuth=${result}></identity-auth>`;
}

function result(status: IdentityAuthStatus): IdentityAuthResult {
  const startedAt = Date.now() - 75_000;
  const final = status === 'pass' || status === 'fail' || status === 'error';
  return { id: 'auth-story', callId: storyCall().id, modeId: 'auth-pin', status, startedAt, completedAt: final ? startedAt + 41_000 : undefined };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Ready to start: the tenant's modes, no check yet in this call. */
export const Default: Story = { render: () => panel() };

/** The modes are loading (the backend does not answer). */
export const Loading: Story = { render: () => panel({ hang: ['listAuthModes'] }) };

/** The modes could not be loaded: the error is shown with Retry. */
export const Error: Story = { render: () => panel({ fail: ['listAuthModes'] }) };

/** The tenant has no authentication mode. */
export const Empty: Story = {
  render: () => {
    const backend = storyBackend();
    backend.authModes = [];
    return html`<identity-auth .call=${storyCall()} .backend=${backend}></identity-auth>`;
  },
};

/** No call. */
export const NoCall: Story = { render: () => html`<identity-auth .call=${null}></identity-auth>` };

export const NotReturned: Story = { render: () => panel({}, result('not-returned')) };
export const InProgress: Story = { render: () => panel({}, result('in-progress')) };
export const Pass: Story = { render: () => panel({}, result('pass')) };
export const Fail: Story = { render: () => panel({}, result('fail')) };
/** The check itself ended in error (the IVR flow broke off). */
export const ResultError: Story = { render: () => panel({}, result('error')) };

/** Starting the check failed: the error is shown with Retry. */
export const StartFailed: Story = {
  render: () => panel({ fail: ['startIdentityAuth'] }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('identity-auth')!;
    await until(() => !!el.shadowRoot!.querySelector('form'));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => !!el.shadowRoot!.querySelector('.start-error'));
  },
};

/** The call ended: no new check can start. */
export const CallEnded: Story = {
  render: () => html`<identity-auth .call=${storyCall({ state: 'ended', endTime: Date.now() })} .backend=${storyBackend()}></identity-auth>`,
};
