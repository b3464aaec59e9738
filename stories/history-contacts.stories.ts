import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/history-contacts.js';
import { contactListStories } from './support/contact-history-data.js';

/** History contacts (customer center off). */
const meta: Meta = {
  title: 'Panels/history-contacts',
  component: 'history-contacts',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

// A story with a play function names `play` in its own literal: Storybook reads
// it there, without running the file, to list the story under the Play filter.
const stories = contactListStories('history-contacts');

export const Default: Story = stories.Default;

/** The handled number differs from the calling number: the records are the handled number's. */
export const HandledNumberSet: Story = stories.HandledNumberSet;

export const Loading: Story = stories.Loading;

export const Error: Story = stories.Error;

/** No records for this number. */
export const Empty: Story = stories.Empty;

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
