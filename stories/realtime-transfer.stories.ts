import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/realtime-transfer.js';
import '../src/define/workbench-provider.js';
import type { StreamStatus, TranscriptSegment, WorkbenchEvent } from '../src/backend/types.js';
import { seedTranscript } from '../src/backend/memory-seed.js';
import type { WorkbenchEventHub } from '../src/context/keys.js';
import { storyBackend, storyCall } from './support/story-data.js';
import { toolbarProvider, withToolbarProvider } from './support/toolbar-provider.js';

const meta: Meta = {
  title: 'Panels/realtime-transfer',
  component: 'realtime-transfer',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** `count` lines of the seeded conversation, 4–9 s apart; the last one partial when asked. */
function conversation(count: number, options: { partialLast?: boolean } = {}): TranscriptSegment[] {
  const lines: TranscriptSegment[] = [];
  let offset = 2000;
  for (let i = 0; i < count; i++) {
    const script = seedTranscript[i % seedTranscript.length]!;
    const partial = options.partialLast === true && i === count - 1;
    lines.push({
      id: `seg-${i + 1}`,
      speaker: script.speaker,
      text: partial ? script.text.slice(0, Math.ceil(script.text.length / 2)) : script.text,
      offsetMs: offset,
      final: !partial,
    });
    offset += 4000 + ((i * 7919) % 5000);
  }
  return lines;
}

/** A hub that never changes: the states of the provider's stream, frozen for a story. */
function frozenHub(status: StreamStatus, lines: readonly TranscriptSegment[] = []): WorkbenchEventHub {
  return {
    status,
    lastSeq: lines.length,
    subscribe: (_listener: (event: WorkbenchEvent) => void) => () => undefined,
    onStatus: (_listener: (status: StreamStatus) => void) => () => undefined,
    transcript: () => lines,
  };
}

/** Live: a provider with the in-browser backend; each line arrives as a partial, then its final text. */
export const Default: Story = {
  decorators: [withToolbarProvider],
  render: () => {
    const backend = storyBackend();
    const start = Date.now() - 20_000;
    const panel = document.createElement('realtime-transfer');
    // The provider subscribes when it connects; what was said before then comes first.
    setTimeout(() => conversation(4).forEach((segment) => backend.pushTranscript(segment)), 50);
    let line = 4;
    let partial = true;
    const timer = setInterval(() => {
      // Stop once the story is left.
      if (!panel.isConnected && line > 4) return clearInterval(timer);
      const script = seedTranscript[line % seedTranscript.length]!;
      const text = partial ? script.text.slice(0, Math.ceil(script.text.length / 2)) : script.text;
      backend.pushTranscript({ id: `seg-${line + 1}`, speaker: script.speaker, text, offsetMs: Date.now() - start, final: !partial });
      if (!partial) line += 1;
      partial = !partial;
    }, 900);
    return toolbarProvider(backend, panel);
  },
};

/** A long call: 5,000 lines, only the visible ones in the DOM. */
export const LongCall: Story = {
  render: () => html`<realtime-transfer .call=${storyCall()} .segments=${conversation(5000)}></realtime-transfer>`,
};

export const OnlyCustomer: Story = {
  render: () => html`<realtime-transfer only-customer .call=${storyCall()} .segments=${conversation(12)}></realtime-transfer>`,
};

/** The newest line is still being recognized: italic, with a "partial" hint for screen readers. */
export const PartialLine: Story = {
  render: () =>
    html`<realtime-transfer .call=${storyCall()} .segments=${conversation(7, { partialLast: true })}></realtime-transfer>`,
};

/** The tenant has no real-time ASR: the tab says so and how to enable it. */
export const NotEnabled: Story = {
  render: () => html`<realtime-transfer .call=${storyCall({ asrEnabled: false })} .segments=${[]}></realtime-transfer>`,
};

export const WaitingForSpeech: Story = {
  render: () => html`<realtime-transfer .call=${storyCall()} .segments=${[]}></realtime-transfer>`,
};

/** The provider's stream is still connecting. */
export const Loading: Story = {
  render: () => html`<realtime-transfer .call=${storyCall()} .eventHub=${frozenHub('connecting')}></realtime-transfer>`,
};

/** The stream dropped: the lines stay, a banner says it is reconnecting. */
export const Reconnecting: Story = {
  render: () =>
    html`<realtime-transfer .call=${storyCall()} .eventHub=${frozenHub('reconnecting', conversation(9))}></realtime-transfer>`,
};

/** The call ended: the transcript stays readable and copyable. */
export const Ended: Story = {
  render: () =>
    html`<realtime-transfer
      .call=${storyCall({ state: 'ended', endTime: Date.now() })}
      .segments=${conversation(12)}
    ></realtime-transfer>`,
};

export const Empty: Story = {
  render: () => html`<realtime-transfer .call=${null}></realtime-transfer>`,
};

/** The browser refused the clipboard: the message says so, with Retry. */
export const Error: Story = {
  render: () => html`<realtime-transfer .call=${storyCall()} .segments=${conversation(6)}></realtime-transfer>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('realtime-transfer')!;
    await el.updateComplete;
    const clipboard = navigator.clipboard;
    const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: refuse } });
    try {
      await el.copy();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
    await el.updateComplete;
  },
};
