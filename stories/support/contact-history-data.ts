import type { StoryObj } from '@storybook/web-components-vite';
import { html, literal } from 'lit/static-html.js';
import type { ContactRecord } from '../../src/backend/types.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { CallSession, Customer, WorkbenchConfig } from '../../src/context/types.js';
import { storyBackend, storyCall } from './story-data.js';

/** The seeded VIP customer, Zhang Min. */
export function storyCustomer(): Customer {
  return {
    id: 'cust-1',
    name: 'Zhang Min',
    gender: 'female',
    phoneNumbers: ['+8613800138000'],
    email: 'zhang.min@example.com',
    address: '88 Century Avenue, Pudong, Shanghai',
    level: 'VIP',
    notes: 'Prefers SMS over email.',
    fields: { level: 'VIP', balance: -42.5, memberSince: '2019-03-14', city: 'Shanghai', idNumber: '310101199001011234' },
  };
}

/** A tenant's field configuration with the rules from docs/field-style-rules.md. */
export const TENANT_FIELDS: Partial<WorkbenchConfig> = {
  customerFields: [
    { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' } },
    { key: 'level', label: { en: 'Level', 'zh-CN': '客户级别' } },
    { key: 'balance', label: { en: 'Balance', 'zh-CN': '余额' }, format: 'currency', currency: 'CNY' },
    { key: 'memberSince', label: { en: 'Member since', 'zh-CN': '入会日期' }, format: 'date' },
    { key: 'idNumber', label: { en: 'ID number', 'zh-CN': '证件号码' } },
    { key: 'phoneNumbers', format: 'phone' },
    { key: 'email' },
    { key: 'city', label: { en: 'City', 'zh-CN': '城市' } },
  ],
  fieldStyleRules: [
    { name: 'VIP badge', field: 'level', when: { equals: 'VIP' }, presentation: 'badge', tone: 'accent' },
    { name: 'Gold badge', field: 'level', when: { equals: 'Gold' }, presentation: 'badge', tone: 'warning' },
    { name: 'In debt', field: 'balance', when: { lt: 0 }, presentation: 'emphasis', tone: 'danger' },
    { name: 'In credit', field: 'balance', when: { gte: 0 }, tone: 'success' },
    { name: 'Hide ID', field: 'idNumber', when: { notEmpty: true }, presentation: 'masked', visible: 4 },
  ],
};

/** A backend whose handled number has many records in the last seven days (paging in "More"). */
export function longHistoryBackend(count = 45): MemoryBackend {
  const backend = storyBackend();
  const now = Date.now();
  const base = backend.contactRecords.find((r) => r.handledNumber === '+8613800138000')!;
  const extra: ContactRecord[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `cr-long-${i + 1}`,
    callId: `call-long-${i + 1}`,
    direction: i % 3 === 0 ? 'outbound' : 'inbound',
    startTime: now - (i + 1) * 3.5 * 60 * 60 * 1000,
    endTime: now - (i + 1) * 3.5 * 60 * 60 * 1000 + (2 + (i % 9)) * 60 * 1000,
    recordingId: i % 4 === 3 ? undefined : `rec-long-${i + 1}`,
  }));
  backend.contactRecords = [...backend.contactRecords.filter((r) => r.handledNumber !== '+8613800138000'), ...extra];
  return backend;
}

/** Waits for an element's first render and returns its shadow root. */
export async function rootOf(canvas: HTMLElement, tag: string): Promise<ShadowRoot> {
  const el = canvas.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  return el.shadowRoot!;
}

/** Polls until `check` holds (a story's data arriving), for at most `timeout` ms. */
export async function waitFor(check: () => unknown, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check() && performance.now() - start < timeout) await new Promise((r) => setTimeout(r, 20));
}

/** The two faces of the contact history: with the customer center on, and off. */
const CONTACT_LIST_TAGS = {
  'contact-records': literal`contact-records`,
  'history-contacts': literal`history-contacts`,
};

export type ContactListTag = keyof typeof CONTACT_LIST_TAGS;

/** Opens "More" once the latest records have loaded. */
async function openMore(root: ShadowRoot): Promise<void> {
  await waitFor(() => root.querySelector('button.more'));
  root.querySelector<HTMLButtonElement>('button.more')!.click();
}

/** Opens "More" and plays its first recording, then waits for `settled` inside the player. */
async function playFirstMoreRecording(root: ShadowRoot, settled: string): Promise<void> {
  await openMore(root);
  await waitFor(() => root.querySelector('ul.more button.play'));
  root.querySelector<HTMLButtonElement>('ul.more button.play')!.click();
  await waitFor(() => root.querySelector('ul.more recording-player')?.shadowRoot?.querySelector(settled));
}

/**
 * The stories `<contact-records>` and `<history-contacts>` share: the two
 * elements show the same list and differ only in where the workbench puts
 * them. CSF wants named exports, so each story file re-exports these one by
 * one (with its own description) and keeps the stories only it has.
 */
export function contactListStories(tag: ContactListTag) {
  const name = CONTACT_LIST_TAGS[tag];
  const list = (backend: MemoryBackend = storyBackend(), call: CallSession = storyCall()) =>
    html`<${name} .backend=${backend} .call=${call}></${name}>`;

  return {
    Default: { render: () => list() },
    HandledNumberSet: { render: () => list(undefined, storyCall({ handledNumber: '+14155550123' })) },
    Loading: { render: () => list(storyBackend({ hang: ['listContactRecords'] })) },
    Error: { render: () => list(storyBackend({ fail: ['listContactRecords'] })) },
    Empty: { render: () => list(undefined, storyCall({ handledNumber: '+8613012345678' })) },
    // No backend either: the element must not reach for one without a call.
    NoCall: { render: () => html`<${name} .call=${null}></${name}>` },
    RecordDetail: {
      render: () => list(),
      play: async ({ canvasElement }) => {
        const root = await rootOf(canvasElement, tag);
        await waitFor(() => root.querySelector('ul.latest button.record'));
        root.querySelector<HTMLButtonElement>('ul.latest button.record')!.click();
        await waitFor(() => root.querySelector('contact-record-detail')?.shadowRoot?.querySelector('[role=tablist]'));
      },
    },
    MoreLongList: {
      render: () => list(longHistoryBackend()),
      play: async ({ canvasElement }) => playFirstMoreRecording(await rootOf(canvasElement, tag), 'audio'),
    },
    MoreRecordingError: {
      render: () => list(new MemoryBackend({ recordingUrl: () => null })),
      play: async ({ canvasElement }) => playFirstMoreRecording(await rootOf(canvasElement, tag), '[role=alert]'),
    },
    MoreError: {
      render: () => {
        const backend = storyBackend();
        const original = backend.listContactRecords.bind(backend);
        // The first list (latest) loads; "More" fails.
        let calls = 0;
        backend.listContactRecords = (query, options) => (++calls > 1 ? Promise.reject(new TypeError('offline')) : original(query, options));
        return list(backend);
      },
      play: async ({ canvasElement }) => {
        const root = await rootOf(canvasElement, tag);
        await openMore(root);
        await waitFor(() => root.querySelector('dialog [role=alert]'));
      },
    },
    Narrow: { render: () => html`<div style="max-inline-size: 320px">${list()}</div>` },
  } satisfies Record<string, StoryObj>;
}
