import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/notify-email.js';
import { notifyStoryKit } from './support/notify-composer.js';

const meta: Meta = {
  title: 'Panels/notify-email',
  component: 'notify-email',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const { composer, fill, states } = notifyStoryKit('notify-email');
// A story with a play function names `play` in its own literal: Storybook reads
// it there, without running the file, to list the story under the Play filter.
const common = states('email-summary');

export const Default: Story = {
  render: () => composer('default'),
};

/** A template fills subject and body, both still editable; the preview shows the filled text. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: fill({ template: 'email-summary' }),
};

/** An address that is not one: the message says why and nothing is sent. */
export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: fill({ recipient: 'zhang.min@example', template: 'email-documents' }, { send: true }),
};

/** Subject and body missing. */
export const MissingFields: Story = {
  render: () => composer('missing'),
  play: fill({}, { send: true }),
};

export const Loading: Story = common.Loading;

export const Error: Story = common.Error;

export const NoTemplates: Story = common.NoTemplates;

export const Empty: Story = common.Empty;

export const Sending: Story = { ...common.Sending, play: common.Sending.play };

export const SendFailed: Story = { ...common.SendFailed, play: common.SendFailed.play };

export const Sent: Story = { ...common.Sent, play: common.Sent.play };
