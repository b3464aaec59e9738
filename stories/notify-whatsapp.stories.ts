import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/notify-whatsapp.js';
import { notifyStoryKit } from './support/notify-composer.js';

const meta: Meta = {
  title: 'Panels/notify-whatsapp',
  component: 'notify-whatsapp',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const { composer, fill, states } = notifyStoryKit('notify-whatsapp');
// A story with a play function names `play` in its own literal: Storybook reads
// it there, without running the file, to list the story under the Play filter.
const common = states('wa-followup');
/** A template with two parameters, the first one filled. */
const appointment = { template: 'wa-appointment', 'param-1': 'Friday 3 December' };

/** The template list, with the unapproved template disabled and the reason under it. */
export const Default: Story = {
  render: () => composer('default'),
};

/** An approved template with parameters: one required field each, filled into the preview. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: fill(appointment),
};

/** Send pressed with a parameter missing. */
export const MissingParameter: Story = {
  render: () => composer('missing'),
  play: fill(appointment, { send: true }),
};

export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: fill({ recipient: '12', template: 'wa-followup' }, { send: true }),
};

export const Loading: Story = common.Loading;

export const Error: Story = common.Error;

/** No templates: WhatsApp has no free text, so nothing can be sent. */
export const NoTemplates: Story = common.NoTemplates;

export const Empty: Story = common.Empty;

export const Sending: Story = { ...common.Sending, play: common.Sending.play };

export const SendFailed: Story = { ...common.SendFailed, play: common.SendFailed.play };

export const Sent: Story = { ...common.Sent, play: common.Sent.play };
