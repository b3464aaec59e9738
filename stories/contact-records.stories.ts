import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/contact-records.js';
import { storyCall } from './support/story-data.js';
import { contactListStories, longHistoryBackend } from './support/contact-history-data.js';

/** Contact records (customer center on). */
const meta: Meta = {
  title: 'Panels/contact-records',
  component: 'contact-records',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

// A story with a play function names `play` in its own literal: Storybook reads
// it there, without running the file, to list the story under the Play filter.
const stories = contactListStories('contact-records');

export const Default: Story = stories.Default;

/** The handled number differs from the calling number: the records are the handled number's. */
export const HandledNumberSet: Story = stories.HandledNumberSet;

export const Loading: Story = stories.Loading;

export const Error: Story = stories.Error;

/** No records for this number. */
export const Empty: Story = stories.Empty;

export const TenRecords: Story = {
  render: () => html`<contact-records count="10" .backend=${longHistoryBackend()} .call=${storyCall()}></contact-records>`,
};

export const NoCall: Story = stories.NoCall;

/** A record's detail, opened from the list. */
export const RecordDetail: Story = { ...stories.RecordDetail, play: stories.RecordDetail.play };

/** More: the last seven days, many records, paged, each with Play; one player open. */
export const MoreLongList: Story = { ...stories.MoreLongList, play: stories.MoreLongList.play };

/** More, where the recording cannot be found. */
export const MoreRecordingError: Story = { ...stories.MoreRecordingError, play: stories.MoreRecordingError.play };

/** More failed to load. */
export const MoreError: Story = { ...stories.MoreError, play: stories.MoreError.play };

/** In a 320px CRM sidebar. */
export const Narrow: Story = stories.Narrow;
