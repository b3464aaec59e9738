import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/contact-records.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { storyBackend, storyCall } from './support/story-data.js';
import { longHistoryBackend, rootOf, waitFor } from './support/contact-history-data.js';

/** Contact records (customer center on). */
const meta: Meta = {
  title: 'Panels/contact-records',
  component: 'contact-records',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
  render: () => html`<contact-records .backend=${storyBackend()} .call=${storyCall()}></contact-records>`,
};

/** The handled number differs from the calling number: the records are the handled number's. */
export const HandledNumberSet: Story = {
  render: () => html`<contact-records .backend=${storyBackend()} .call=${storyCall({ handledNumber: '+14155550123' })}></contact-records>`,
};

export const Loading: Story = {
  render: () => html`<contact-records .backend=${storyBackend({ hang: ['listContactRecords'] })} .call=${storyCall()}></contact-records>`,
};

export const Error: Story = {
  render: () => html`<contact-records .backend=${storyBackend({ fail: ['listContactRecords'] })} .call=${storyCall()}></contact-records>`,
};

/** No records for this number. */
export const Empty: Story = {
  render: () => html`<contact-records .backend=${storyBackend()} .call=${storyCall({ handledNumber: '+8613012345678' })}></contact-records>`,
};

export const TenRecords: Story = {
  render: () => html`<contact-records count="10" .backend=${longHistoryBackend()} .call=${storyCall()}></contact-records>`,
};

export const NoCall: Story = {
  render: () => html`<contact-records .call=${null}></contact-records>`,
};

/** A record's detail, opened from the list. */
export const RecordDetail: Story = {
  render: () => html`<contact-records .backend=${storyBackend()} .call=${storyCall()}></contact-records>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'contact-records');
    await waitFor(() => root.querySelector('ul.latest button.record'));
    root.querySelector<HTMLButtonElement>('ul.latest button.record')!.click();
    await waitFor(() => root.querySelector('contact-record-detail')?.shadowRoot?.querySelector('[role=tablist]'));
  },
};

/** More: the last seven days, many records, paged, each with Play; one player open. */
export const MoreLongList: Story = {
  render: () => html`<contact-records .backend=${longHistoryBackend()} .call=${storyCall()}></contact-records>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'contact-records');
    await waitFor(() => root.querySelector('button.more'));
    root.querySelector<HTMLButtonElement>('button.more')!.click();
    await waitFor(() => root.querySelector('ul.more button.play'));
    root.querySelector<HTMLButtonElement>('ul.more button.play')!.click();
    await waitFor(() => root.querySelector('ul.more recording-player')?.shadowRoot?.querySelector('audio'));
  },
};

/** More, where the recording cannot be found. */
export const MoreRecordingError: Story = {
  render: () => html`<contact-records .backend=${new MemoryBackend({ recordingUrl: () => null })} .call=${storyCall()}></contact-records>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'contact-records');
    await waitFor(() => root.querySelector('button.more'));
    root.querySelector<HTMLButtonElement>('button.more')!.click();
    await waitFor(() => root.querySelector('ul.more button.play'));
    root.querySelector<HTMLButtonElement>('ul.more button.play')!.click();
    await waitFor(() => root.querySelector('ul.more recording-player')?.shadowRoot?.querySelector('[role=alert]'));
  },
};

/** More failed to load. */
export const MoreError: Story = {
  render: () => {
    const backend = storyBackend();
    const original = backend.listContactRecords.bind(backend);
    // The first list (latest) loads; "More" fails.
    let calls = 0;
    backend.listContactRecords = (query, options) => (++calls > 1 ? Promise.reject(new TypeError('offline')) : original(query, options));
    return html`<contact-records .backend=${backend} .call=${storyCall()}></contact-records>`;
  },
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'contact-records');
    await waitFor(() => root.querySelector('button.more'));
    root.querySelector<HTMLButtonElement>('button.more')!.click();
    await waitFor(() => root.querySelector('dialog [role=alert]'));
  },
};

/** In a 320px CRM sidebar. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px"><contact-records .backend=${storyBackend()} .call=${storyCall()}></contact-records></div>`,
};
