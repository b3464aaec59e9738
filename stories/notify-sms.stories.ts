import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/notify-sms.js';
import { HOSTILE_TEXT } from './support/story-data.js';
import { notifyStoryKit } from './support/notify-composer.js';

const meta: Meta = {
  title: 'Panels/notify-sms',
  component: 'notify-sms',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const { composer, fill, states } = notifyStoryKit('notify-sms');
// A story with a play function names `play` in its own literal: Storybook reads
// it there, without running the file, to list the story under the Play filter.
const common = states('sms-payment-link');

export const Default: Story = {
  render: () => composer('default'),
};

/** A template chosen: placeholders in the editable text, the filled text in the preview. */
export const TemplateChosen: Story = {
  render: () => composer('template'),
  play: fill({ template: 'sms-followup' }),
};

/** A template with a variable nothing can fill: it stays visible and is flagged. */
export const UnknownVariable: Story = {
  render: () => composer('unknown'),
  play: fill({ body: 'Hi {{customerName}}, your loyalty tier is {{vipTier}}.' }),
};

/** A number with letters: the message says why and nothing is sent. */
export const InvalidRecipient: Story = {
  render: () => composer('invalid'),
  play: fill({ recipient: '138-CALL-ME', body: 'Your refund has been approved.' }, { send: true }),
};

/** Over the tenant's limit of 2 segments (Unicode: 67 characters per part). */
export const OverSegmentLimit: Story = {
  render: () => composer('over', { limits: { smsMaxSegments: 2 } }),
  play: fill({ body: '您好，您的退款申请已经受理，款项将在三到五个工作日内退回到您的银行卡。'.repeat(4) + ' 😀' }),
};

/** Templates are still loading; free text already works. */
export const Loading: Story = common.Loading;

/** Templates failed to load: the reason and Retry. */
export const Error: Story = common.Error;

/** The tenant has no SMS templates: free text only. */
export const NoTemplates: Story = common.NoTemplates;

/** No call in progress. */
export const Empty: Story = common.Empty;

/** The backend has not answered yet. */
export const Sending: Story = { ...common.Sending, play: common.Sending.play };

/** The send failed: the draft is kept, Retry sends the same message with the same key. */
export const SendFailed: Story = { ...common.SendFailed, play: common.SendFailed.play };

/** Sent: a confirmation, and a clean form for the next message. */
export const Sent: Story = { ...common.Sent, play: common.Sent.play };

/** Markup in a template stays text. */
export const HostileTemplate: Story = {
  render: () => composer('hostile'),
  play: fill({ body: `${HOSTILE_TEXT} {{customerName}}` }),
};
