import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/history-contacts.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { storyBackend, storyCall } from './support/story-data.js';
import { longHistoryBackend, rootOf, waitFor } from './support/contact-history-data.js';

/** History contacts (customer center off). */
const meta: Meta = {
  title: 'Panels/history-contacts',
  component: 'history-contacts',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
  render: () => html`<history-contacts .backend=${storyBackend()} .call=${storyCall()}></history-contacts>`,
};

/** The handled number differs from the calling number: the records are the handled number's. */
export const HandledNumberSet: Story = {
  render: () => html`<history-contacts .backend=${storyBackend()} .call=${storyCall({ handledNumber: '+14155550123' })}></history-contacts>`,
};

export const Loading: Story = {
  render: () => html`<history-contacts .backend=${storyBackend({ hang: ['listContactRecords'] })} .call=${storyCall()}></history-contacts>`,
};

export const Error: Story = {
  render: () => html`<history-contacts .backend=${storyBackend({ fail: ['listContactRecords'] })} .call=${storyCall()}></history-contacts>`,
};

/** No records for this number. */
export const Empty: Story = {
  render: () => html`<history-contacts .backend=${storyBackend()} .call=${storyCall({ handledNumber: '+8613012345678' })}></history-contacts>`,
};

export const NoCall: Story = {
  render: () => html`<history-contacts .call=${null}></history-contacts>`,
};

/** A record's detail, opened from the list. */
export const RecordDetail: Story = {
  render: () => html`<history-contacts .backend=${storyBackend()} .call=${storyCall()}></history-contacts>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'history-contacts');
    await waitFor(() => root.querySelector('ul.latest button.record'));
    root.querySelector<HTMLButtonElement>('ul.latest button.record')!.click();
    await waitFor(() => root.querySelector('contact-record-detail')?.shadowRoot?.querySelector('[role=tablist]'));
  },
};

/** More: the last seven days, many records, paged, each with Play; one player open. */
export const MoreLongList: Story = {
  render: () => html`<history-contacts .backend=${longHistoryBackend()} .call=${storyCall()}></history-contacts>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'history-contacts');
    await waitFor(() => root.querySelector('button.more'));
    root.querySelector<HTMLButtonElement>('button.more')!.click();
    await waitFor(() => root.querySelector('ul.more button.play'));
    root.querySelector<HTMLButtonElement>('ul.more button.play')!.click();
    await waitFor(() => root.querySelector('ul.more recording-player')?.shadowRoot?.querySelector('audio'));
  },
};

/** More, where the recording cannot be found. */
export const MoreRecordingError: Story = {
  render: () => html`<history-contacts .backend=${new MemoryBackend({ recordingUrl: () => null })} .call=${storyCall()}></history-contacts>`,
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'history-contacts');
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
    return html`<history-contacts .backend=${backend} .call=${storyCall()}></history-contacts>`;
  },
  play: async ({ canvasElement }) => {
    const root = await rootOf(canvasElement, 'history-contacts');
    await waitFor(() => root.querySelector('button.more'));
    root.querySelector<HTMLButtonElement>('button.more')!.click();
    await waitFor(() => root.querySelector('dialog [role=alert]'));
  },
};

/** In a 320px CRM sidebar. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px"><history-contacts .backend=${storyBackend()} .call=${storyCall()}></history-contacts></div>`,
};
