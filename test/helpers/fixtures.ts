import { fixture, html } from '@open-wc/testing';
import type { CallSession } from '../../src/context/types.js';
import { MemoryBackend, type MemoryBackendOptions } from '../../src/backend/memory-backend.js';
import '../../src/define/all.js';

/** A fixed clock so durations and "last seven days" do not depend on the hour the tests run. */
export const FIXED_NOW = Date.UTC(2026, 10, 25, 9, 30, 0);

export function memoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  return new MemoryBackend({ now: () => FIXED_NOW, ...options });
}

export function sampleCall(patch: Partial<CallSession> = {}): CallSession {
  return Object.freeze({
    id: 'call-test-1',
    mediaType: 'voice',
    direction: 'inbound',
    state: 'connected',
    callingNumber: '+8613800138000',
    calledNumber: '4008001234',
    customerNumber: '+8613800138000',
    skillQueue: 'Billing Support',
    skillQueueId: 'skill-201',
    recording: { recording: true, recordingId: 'rec-1', smartAnalysis: 'on' },
    startTime: Date.now() - 65_000,
    twoParty: true,
    asrEnabled: true,
    ...patch,
  } satisfies CallSession);
}

/** Renders `<workbench-provider>` around `inner` with a backend, waiting for the first call. */
export async function withProvider<T extends Element>(
  inner: ReturnType<typeof html>,
  backend: MemoryBackend = memoryBackend(),
  selector?: string,
): Promise<{ provider: HTMLElementTagNameMap['workbench-provider']; el: T; backend: MemoryBackend }> {
  const provider = await fixture<HTMLElementTagNameMap['workbench-provider']>(
    html`<workbench-provider .backend=${backend}>${inner}</workbench-provider>`,
  );
  await until(() => provider.call !== null || backend.call === null);
  const el = (selector ? provider.querySelector(selector) : provider.firstElementChild) as T;
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { provider, el, backend };
}

/** Waits until `check` holds, failing with `message` after `timeout` ms. */
export async function until(check: () => boolean, message = 'condition not met', timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Text of a shadow-root query, trimmed and with whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function shadow(host: Element, selector: string): HTMLElement | null {
  return host.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Types into an input as a user would: sets the value and fires `input`. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
