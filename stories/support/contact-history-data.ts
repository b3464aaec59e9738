import type { ContactRecord } from '../../src/backend/types.js';
import type { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { Customer, WorkbenchConfig } from '../../src/context/types.js';
import { storyBackend } from './story-data.js';

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
