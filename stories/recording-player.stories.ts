import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/recording-player.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { storyBackend } from './support/story-data.js';

const meta: Meta = {
  title: 'Panels/recording-player',
  component: 'recording-player',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** A recording fetched by id: the backend gives a short-lived URL. */
export const Default: Story = {
  render: () => html`<recording-player recording-id="rec-cr-1" .backend=${storyBackend()}></recording-player>`,
};

/** A URL given directly. */
export const FromUrl: Story = {
  render: () => html`<recording-player src="assets/sample-recording.wav"></recording-player>`,
};

/** The URL is being fetched. */
export const Loading: Story = {
  render: () => html`<recording-player recording-id="rec-cr-1" .backend=${storyBackend({ hang: ['getRecordingUrl'] })}></recording-player>`,
};

/** The recording does not exist (yet): a clear message with Retry. */
export const RecordingError: Story = {
  render: () => html`<recording-player recording-id="rec-missing" .backend=${new MemoryBackend({ recordingUrl: () => null })}></recording-player>`,
};

/** The service failed. */
export const Error: Story = {
  render: () => html`<recording-player recording-id="rec-cr-1" .backend=${storyBackend({ fail: ['getRecordingUrl'] })}></recording-player>`,
};

/** Nothing to play. */
export const Empty: Story = {
  render: () => html`<recording-player></recording-player>`,
};

/** In a 320px CRM sidebar. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px"><recording-player recording-id="rec-cr-1" .backend=${storyBackend()}></recording-player></div>`,
};
