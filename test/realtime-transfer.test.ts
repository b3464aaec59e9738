import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StreamStatus, TranscriptSegment, WorkbenchEvent } from '../src/backend/types.js';
import type { RealtimeTransfer } from '../src/components/realtime-transfer/realtime-transfer.js';
import type { TranscriptCopiedEvent } from '../src/components/realtime-transfer/realtime-transfer.events.js';
import type { WorkbenchEventHub } from '../src/context/keys.js';
import { HOSTILE, memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

const seg = (id: string, speaker: 'customer' | 'agent', textValue: string, offsetMs: number, final = true): TranscriptSegment => ({
  id,
  speaker,
  text: textValue,
  offsetMs,
  final,
});

/** `count` lines alternating speakers (agent first), mixed lengths, some Chinese. */
function lines(count: number, prefix = 's'): TranscriptSegment[] {
  const texts = [
    'Good morning, how can I help you today?',
    'I was charged twice for my last bill and I would like a refund for one of them, please.',
    '好的，我等一下。',
    'Okay.',
    'It usually takes three to five working days for the refund to reach your card, and you will get an SMS when it is done.',
  ];
  return Array.from({ length: count }, (_, i) =>
    seg(`${prefix}-${i}`, i % 2 === 0 ? 'agent' : 'customer', `${i}: ${texts[i % texts.length]}`, 1000 + i * 3000),
  );
}

const rows = (el: RealtimeTransfer) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=row]')];
const viewport = (el: RealtimeTransfer) => shadow(el, '[part=viewport]')!;
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The line at the top of the viewport and how far its top sits above the viewport's. */
function topRow(el: RealtimeTransfer): { id: string; offset: number } {
  const top = viewport(el).getBoundingClientRect().top + viewport(el).clientTop;
  const row = rows(el).find((r) => r.getBoundingClientRect().bottom > top + 0.5)!;
  return { id: row.dataset.id!, offset: Math.round(row.getBoundingClientRect().top - top) };
}

function atBottom(el: RealtimeTransfer): boolean {
  const v = viewport(el);
  return v.scrollHeight - v.clientHeight - v.scrollTop < 2;
}

/** The agent scrolls the list (a real scroll event follows). */
async function scrollTo(el: RealtimeTransfer, top: number): Promise<void> {
  viewport(el).scrollTop = top;
  await frame();
  await el.updateComplete;
}

/** Waits for a (smooth) scroll to come to rest. */
async function settled(el: RealtimeTransfer): Promise<void> {
  let last = -1;
  while (viewport(el).scrollTop !== last) {
    last = viewport(el).scrollTop;
    await frame();
    await frame();
  }
}

/** The same line on top, give or take a pixel of rounding. */
function expectSameTop(actual: { id: string; offset: number }, expected: { id: string; offset: number }): void {
  expect(actual.id).to.equal(expected.id);
  expect(Math.abs(actual.offset - expected.offset), `offset ${actual.offset} vs ${expected.offset}`).to.be.at.most(1);
}

async function standalone(segments: readonly TranscriptSegment[], attrs = ''): Promise<RealtimeTransfer> {
  const el = await fixture<RealtimeTransfer>(
    attrs === 'only-customer'
      ? html`<realtime-transfer only-customer .call=${sampleCall()} .segments=${segments}></realtime-transfer>`
      : html`<realtime-transfer .call=${sampleCall()} .segments=${segments}></realtime-transfer>`,
  );
  await el.updateComplete;
  await frame();
  return el;
}

/** A hub the test drives by hand, as the provider's would be. */
function manualHub(status: StreamStatus = 'open') {
  const listeners = new Set<(e: WorkbenchEvent) => void>();
  const statusListeners = new Set<(s: StreamStatus) => void>();
  const backlog = new Map<string, TranscriptSegment>();
  let seq = 0;
  const hub: { -readonly [K in keyof WorkbenchEventHub]: WorkbenchEventHub[K] } & {
    push(s: TranscriptSegment, callId?: string): void;
    setStatus(s: StreamStatus): void;
  } = {
    status,
    lastSeq: 0,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    onStatus: (l) => (statusListeners.add(l), () => statusListeners.delete(l)),
    transcript: () => [...backlog.values()],
    push(segment, callId = 'call-test-1') {
      backlog.set(segment.id, segment);
      const event: WorkbenchEvent = { seq: ++seq, type: 'transcript', callId, segment };
      for (const l of listeners) l(event);
    },
    setStatus(s) {
      hub.status = s;
      for (const l of statusListeners) l(s);
    },
  };
  return hub;
}

describe('<realtime-transfer>', () => {
  describe('states', () => {
    it('says there is no call, accessibly', async () => {
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${null}></realtime-transfer>`);
      expect(text(shadow(el, 'h2'))).to.equal('Real-time transcript');
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('No call in progress.');
      await expect(el).to.be.accessible();
    });

    it('says when real-time ASR is not enabled for the tenant, and how to enable it', async () => {
      const el = await fixture<RealtimeTransfer>(
        html`<realtime-transfer .call=${sampleCall({ asrEnabled: false })} .segments=${lines(3)}></realtime-transfer>`,
      );
      const state = text(shadow(el, '[data-testid=state]'));
      expect(state).to.contain('Real-time transcription is not enabled');
      expect(state).to.contain('How Do I Enable Real-Time ASR?');
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('waits for speech on a connected call, and for the answer on a ringing one', async () => {
      const el = await standalone([]);
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('Waiting for speech…');
      expect(text(shadow(el, '[data-testid=status]'))).to.equal('Live');
      expect(shadow(el, '.copy-all')!.hasAttribute('disabled')).to.be.true;
      await expect(el).to.be.accessible();
      el.call = sampleCall({ state: 'ringing' });
      await el.updateComplete;
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('The transcript starts when the call is answered.');
    });

    it('is busy while the stream connects', async () => {
      const el = await fixture<RealtimeTransfer>(
        html`<realtime-transfer .call=${sampleCall()} .eventHub=${manualHub('connecting')}></realtime-transfer>`,
      );
      expect(shadow(el, '[part=base]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('Connecting to the transcript…');
      await expect(el).to.be.accessible();
    });

    it('keeps an ended call readable and copyable', async () => {
      const el = await fixture<RealtimeTransfer>(
        html`<realtime-transfer .call=${sampleCall({ state: 'ended' })} .segments=${lines(4)}></realtime-transfer>`,
      );
      expect(text(shadow(el, '[data-testid=status]'))).to.equal('Call ended');
      expect(text(shadow(el, '.banner[data-kind=ended]'))).to.contain('stays here to read and copy');
      expect(rows(el)).to.have.length(4);
      const copied = await el.copy();
      expect(copied.split('\n')).to.have.length(4);
      await expect(el).to.be.accessible();
      el.segments = [];
      await el.updateComplete;
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('The call has ended. No speech was transcribed.');
    });
  });

  describe('lines', () => {
    it('shows speaker, time offset and text, with markup as inert text', async () => {
      const el = await standalone([seg('a', 'agent', 'Hello', 2000), seg('b', 'customer', HOSTILE, 65_000)]);
      const [a, b] = rows(el);
      expect(text(a!.querySelector('.speaker'))).to.equal('Agent');
      expect(text(a!.querySelector('.offset'))).to.equal('0:02');
      expect(text(b!.querySelector('.speaker'))).to.equal('Customer');
      expect(text(b!.querySelector('.offset'))).to.equal('1:05');
      expect(text(b!.querySelector('.text'))).to.equal(HOSTILE);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('replaces a partial by its final in place: same row, one line', async () => {
      const hub = manualHub();
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${sampleCall()} .eventHub=${hub}></realtime-transfer>`);
      hub.push(seg('a', 'agent', 'Hello', 1000));
      hub.push(seg('b', 'customer', 'I was charged', 4000, false));
      await el.updateComplete;
      const partial = rows(el)[1]!;
      expect(partial.hasAttribute('data-partial')).to.be.true;
      expect(text(partial.querySelector('.text'))).to.equal('I was charged (partial, still being recognized)');
      await expect(el).to.be.accessible();
      hub.push(seg('b', 'customer', 'I was charged twice.', 4000, true));
      await el.updateComplete;
      const after = rows(el);
      expect(after).to.have.length(2);
      expect(after[1]).to.equal(partial);
      expect(partial.hasAttribute('data-partial')).to.be.false;
      expect(text(partial.querySelector('.text'))).to.equal('I was charged twice.');
    });

    it('replaces in place through the segments property too', async () => {
      const first = [seg('a', 'agent', 'Hello', 1000), seg('b', 'customer', 'Hi th', 3000, false)];
      const el = await standalone(first);
      const row = rows(el)[1]!;
      el.segments = [first[0]!, seg('b', 'customer', 'Hi there.', 3000)];
      await el.updateComplete;
      expect(rows(el)).to.have.length(2);
      expect(rows(el)[1]).to.equal(row);
      expect(text(row.querySelector('.text'))).to.equal('Hi there.');
    });

    it('renders only the changed line again on an update, so an update costs one row', async () => {
      const hub = manualHub();
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${sampleCall()} .eventHub=${hub}></realtime-transfer>`);
      for (const line of lines(60)) hub.push(line);
      hub.push(seg('p', 'customer', 'I was', 900_000, false));
      await el.updateComplete;
      await frame();
      expect(rows(el).length).to.be.above(4);
      // The row template is private; counting its calls is the point of this test.
      const spied = el as unknown as { renderRow(s: TranscriptSegment): unknown };
      const renderRow = spied.renderRow;
      const rendered: string[] = [];
      spied.renderRow = function (s) {
        rendered.push(s.id);
        return renderRow.call(this, s);
      };
      hub.push(seg('p', 'customer', 'I was charged twice', 900_000, false));
      await el.updateComplete;
      hub.push(seg('p', 'customer', 'I was charged twice for my last bill.', 900_000, true));
      await el.updateComplete;
      await frame();
      expect(rendered).to.deep.equal(['p', 'p']);
      expect(text(rows(el).at(-1)!.querySelector('.text'))).to.equal('I was charged twice for my last bill.');

      rendered.length = 0;
      hub.push(seg('q', 'agent', 'Let me check.', 903_000));
      await el.updateComplete;
      // The new line, and at most the two lines the tab stop moved between as
      // the list scrolled; the line before it only loses its last-line marker.
      expect(rendered).to.include('q');
      expect(rendered).not.to.include('p');
      expect(rendered.length).to.be.at.most(3);
      expect(rows(el).at(-2)!.dataset.id).to.equal('p');
      expect(rows(el).at(-2)!.hasAttribute('data-last')).to.equal(false);
      expect(rows(el).at(-1)!.hasAttribute('data-last')).to.equal(true);
      expect(rows(el).some((row) => row.hasAttribute('data-first'))).to.equal(false);
      expect(rows(el).at(-1)!.getAttribute('aria-setsize')).to.equal('62');
      expect(rows(el).at(0)!.getAttribute('aria-setsize')).to.equal('62');
    });

    it('renders only the list, not the panel around it, when a line arrives or changes', async () => {
      const hub = manualHub();
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${sampleCall()} .eventHub=${hub}></realtime-transfer>`);
      for (const line of lines(10)) hub.push(line);
      await el.updateComplete;
      await frame();
      // The panel's template is protected; counting its calls is the point of this test.
      const spied = el as unknown as { render(): unknown };
      const render = spied.render;
      let renders = 0;
      spied.render = function () {
        renders += 1;
        return render.call(this);
      };
      hub.push(seg('r', 'agent', 'Let me', 100_000, false));
      await el.updateComplete;
      expect(text(rows(el).at(-1)!.querySelector('.text'))).to.match(/^Let me \(/);
      hub.push(seg('r', 'agent', 'Let me check that.', 100_000, true));
      await el.updateComplete;
      await frame();
      expect(renders).to.equal(0);
      expect(text(rows(el).at(-1)!.querySelector('.text'))).to.equal('Let me check that.');
      expect(el.isFollowing).to.equal(true);
    });

    it('renders only the visible rows of 20,000 segments: under 1,500 DOM nodes', async () => {
      const el = await standalone(lines(20_000));
      let nodes = 0;
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      expect(nodes).to.be.below(1500);
      expect(rows(el).length).to.be.above(3);
      expect(rows(el).at(-1)!.dataset.id).to.equal('s-19999');
      expect(rows(el).at(-1)!.getAttribute('aria-setsize')).to.equal('20000');
    });

    it('renders every row when virtualization is off', async () => {
      const el = await fixture<RealtimeTransfer>(
        html`<realtime-transfer no-virtualize .call=${sampleCall()} .segments=${lines(300)}></realtime-transfer>`,
      );
      await el.updateComplete;
      expect(el.virtualize).to.be.false;
      expect(rows(el)).to.have.length(300);
      expect(atBottom(el)).to.be.true;
    });
  });

  describe('scrolling', () => {
    it('follows the newest line at the bottom; scrolling up stops following and offers New lines', async () => {
      const hub = manualHub();
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${sampleCall()} .eventHub=${hub}></realtime-transfer>`);
      for (const line of lines(200)) hub.push(line);
      await el.updateComplete;
      await frame();
      expect(atBottom(el)).to.be.true;
      hub.push(seg('n1', 'customer', 'One more line', 700_000));
      await el.updateComplete;
      expect(atBottom(el)).to.be.true;
      expect(rows(el).at(-1)!.dataset.id).to.equal('n1');
      expect(shadow(el, '[part=jump]')).to.equal(null);

      await scrollTo(el, 3000);
      const before = topRow(el);
      expect(el.isFollowing).to.be.false;
      hub.push(seg('n2', 'agent', 'Another', 703_000));
      hub.push(seg('n3', 'customer', 'And another', 706_000));
      await el.updateComplete;
      await frame();
      expectSameTop(topRow(el), before);
      const jump = shadow(el, '[part=jump]') as HTMLButtonElement;
      expect(text(jump)).to.equal('2 new lines ↓');
      await expect(el).to.be.accessible();

      jump.click();
      await el.updateComplete;
      await frame();
      expect(atBottom(el)).to.be.true;
      expect(rows(el).at(-1)!.dataset.id).to.equal('n3');
      expect(shadow(el, '[part=jump]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(viewport(el));
    });

    it('stays at the newest line when the rows grow without rendering again (a larger theme font)', async () => {
      const el = await standalone(lines(200));
      expect(atBottom(el)).to.be.true;
      const last = rows(el).at(-1)!;
      const before = last.getBoundingClientRect().height;
      el.style.setProperty('--avw-font-size', '22px');
      await until(() => last.getBoundingClientRect().height > before + 10, 'the rows grow');
      await frame();
      await frame();
      expect(atBottom(el), 'still at the bottom').to.be.true;
      const box = viewport(el).getBoundingClientRect();
      expect(Math.abs(last.getBoundingClientRect().bottom - (box.bottom - viewport(el).clientTop))).to.be.below(2);
      expect(el.isFollowing).to.be.true;
    });

    it('keeps the top line anchored while lines above it change height', async () => {
      const el = await standalone(lines(400));
      await scrollTo(el, 8000);
      const before = topRow(el);
      const above = Number(before.id.slice(2)) - 1;
      const next = lines(400);
      next[above] = { ...next[above]!, text: 'A much longer line now. '.repeat(20) };
      el.segments = next;
      await el.updateComplete;
      await frame();
      expectSameTop(topRow(el), before);
    });

    it('switches Only Customer and back without losing the line at the top', async () => {
      const el = await standalone(lines(300));
      const filtered = new Promise<Event>((r) => el.addEventListener('avw-transcript-filter-changed', r, { once: true }));
      await scrollTo(el, 9000);
      let before = topRow(el);
      if (rows(el).find((r) => r.dataset.id === before.id)!.dataset.speaker !== 'customer') {
        // Start from a customer line so the same line stays on top both ways.
        const row = rows(el).find((r) => r.dataset.speaker === 'customer' && r.getBoundingClientRect().top > viewport(el).getBoundingClientRect().top)!;
        await scrollTo(el, viewport(el).scrollTop + row.getBoundingClientRect().top - viewport(el).getBoundingClientRect().top + 5);
        before = topRow(el);
      }
      const checkbox = shadow(el, '.filter input') as HTMLInputElement;
      checkbox.click();
      await filtered;
      await el.updateComplete;
      await frame();
      expect(el.onlyCustomer).to.be.true;
      expect(rows(el).every((r) => r.dataset.speaker === 'customer')).to.be.true;
      expectSameTop(topRow(el), before);
      await expect(el).to.be.accessible();

      checkbox.click();
      await el.updateComplete;
      await frame();
      expect(el.onlyCustomer).to.be.false;
      expect(rows(el).some((r) => r.dataset.speaker === 'agent')).to.be.true;
      expectSameTop(topRow(el), before);
    });

    it('puts the next customer line on top when the top line was the agent’s', async () => {
      const el = await standalone(lines(300));
      await scrollTo(el, 9000);
      const agentRow = rows(el).find((r) => r.dataset.speaker === 'agent' && r.getBoundingClientRect().top >= viewport(el).getBoundingClientRect().top)!;
      await scrollTo(el, viewport(el).scrollTop + agentRow.getBoundingClientRect().top - viewport(el).getBoundingClientRect().top);
      const id = Number(topRow(el).id.slice(2));
      el.onlyCustomer = true;
      await el.updateComplete;
      await frame();
      expectSameTop(topRow(el), { id: `s-${id + 1}`, offset: 0 });
    });

    it('says when the customer has not spoken yet under Only Customer', async () => {
      const el = await standalone([seg('a', 'agent', 'Hello', 1000)], 'only-customer');
      expect(text(shadow(el, '[data-testid=state]'))).to.contain('The customer has not said anything yet.');
      await expect(el).to.be.accessible();
    });
  });

  describe('copy', () => {
    const sample = [
      seg('a', 'agent', 'Good morning, how can I help?', 2000),
      seg('b', 'customer', 'I was charged twice.', 65_000),
      seg('c', 'agent', 'Let me check.', 3_725_000),
      seg('d', 'customer', 'Thank', 3_730_000, false),
    ];

    it('copies the whole transcript as plain text with speakers and offsets', async () => {
      const el = await standalone(sample);
      const copied = new Promise<TranscriptCopiedEvent>((r) => el.addEventListener('avw-transcript-copied', r, { once: true }));
      (shadow(el, '.copy-all') as HTMLButtonElement).click();
      const event = await copied;
      expect(event.text).to.equal(
        [
          '[0:02] Agent: Good morning, how can I help?',
          '[1:05] Customer: I was charged twice.',
          '[1:02:05] Agent: Let me check.',
          '[1:02:10] Customer: Thank (partial)',
        ].join('\n'),
      );
      expect(event.lineCount).to.equal(4);
      expect(event.fromSegmentId).to.equal(null);
      await el.updateComplete;
      if (event.clipboard) expect(text(shadow(el, '.copy-status'))).to.equal('Copied 4 lines.');
      else expect(text(shadow(el, '[role=alert]'))).to.contain('did not let the transcript be copied');
      await expect(el).to.be.accessible();
    });

    it('copies from a chosen line to the end, and only what the filter shows', async () => {
      const el = await standalone(sample);
      const copied = new Promise<TranscriptCopiedEvent>((r) => el.addEventListener('avw-transcript-copied', r, { once: true }));
      (rows(el)[1]!.querySelector('.copy-from') as HTMLButtonElement).click();
      const event = await copied;
      expect(event.fromSegmentId).to.equal('b');
      expect(event.text).to.equal(
        ['[1:05] Customer: I was charged twice.', '[1:02:05] Agent: Let me check.', '[1:02:10] Customer: Thank (partial)'].join('\n'),
      );
      el.onlyCustomer = true;
      await el.updateComplete;
      expect(await el.copy()).to.equal(['[1:05] Customer: I was charged twice.', '[1:02:10] Customer: Thank (partial)'].join('\n'));
    });

    it('copies lines that are not in the DOM', async () => {
      const el = await standalone(lines(5000));
      expect(el.shadowRoot!.querySelector('[data-id="s-0"]')).to.equal(null);
      const all = (await el.copy()).split('\n');
      expect(all).to.have.length(5000);
      expect(all[0]).to.equal('[0:01] Agent: 0: Good morning, how can I help you today?');
      expect(all[4999]).to.equal('[4:09:58] Customer: 4999: It usually takes three to five working days for the refund to reach your card, and you will get an SMS when it is done.');
    });

    it('shows a refused clipboard with Retry', async () => {
      const el = await standalone(sample);
      const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
      let attempts = 0;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => (++attempts === 1 ? Promise.reject(new Error('denied')) : Promise.resolve()) },
      });
      try {
        const event = new Promise<TranscriptCopiedEvent>((r) => el.addEventListener('avw-transcript-copied', r, { once: true }));
        await el.copy('c');
        expect((await event).clipboard).to.be.false;
        await el.updateComplete;
        const alert = shadow(el, '.error-box[role=alert]')!;
        expect(text(alert)).to.contain('The browser did not let the transcript be copied to the clipboard.');
        await expect(el).to.be.accessible();
        const retried = new Promise<TranscriptCopiedEvent>((r) => el.addEventListener('avw-transcript-copied', r, { once: true }));
        (alert.querySelector('button') as HTMLButtonElement).click();
        const second = await retried;
        expect(second.clipboard).to.be.true;
        expect(second.fromSegmentId).to.equal('c');
        await el.updateComplete;
        expect(shadow(el, '.error-box')).to.equal(null);
        expect(text(shadow(el, '.copy-status'))).to.equal('Copied 2 lines.');
      } finally {
        if (original) Object.defineProperty(navigator, 'clipboard', original);
        else delete (navigator as unknown as { clipboard?: unknown }).clipboard;
      }
    });
  });

  describe('live region', () => {
    it('announces final customer lines, never partials or the agent, throttled and coalesced', async () => {
      const hub = manualHub();
      const el = await fixture<RealtimeTransfer>(html`<realtime-transfer .call=${sampleCall()} .eventHub=${hub}></realtime-transfer>`);
      el.announceIntervalMs = 300;
      const announcer = () => text(shadow(el, '[data-testid=announcer]'));
      expect(shadow(el, '[data-testid=announcer]')!.getAttribute('aria-live')).to.equal('polite');
      hub.push(seg('a', 'agent', 'Hello there', 1000));
      hub.push(seg('b', 'customer', 'I was', 2000, false));
      await el.updateComplete;
      expect(announcer()).to.equal('');
      hub.push(seg('b', 'customer', 'I was charged twice.', 2000));
      await el.updateComplete;
      expect(announcer()).to.equal('Customer: I was charged twice.');
      hub.push(seg('c', 'customer', 'Please refund one.', 5000));
      hub.push(seg('d', 'customer', 'Thanks.', 7000));
      await el.updateComplete;
      expect(announcer()).to.equal('Customer: I was charged twice.');
      await until(() => announcer() !== 'Customer: I was charged twice.', 'coalesced announcement', 2000);
      expect(announcer()).to.equal('Customer: Please refund one. Thanks.');
    });

    it('does not announce the backlog it loads', async () => {
      const el = await standalone(lines(50));
      expect(text(shadow(el, '[data-testid=announcer]'))).to.equal('');
    });
  });

  describe('under a provider', () => {
    it('shows the stream, resumes after a drop with no gap and no duplicate', async () => {
      const backend = memoryBackend();
      const { el, provider } = await withProvider<RealtimeTransfer>(html`<realtime-transfer></realtime-transfer>`, backend);
      const hub = (provider as unknown as { hub: WorkbenchEventHub & { setStatus(s: StreamStatus): void; emit(e: WorkbenchEvent): void } }).hub;
      await until(() => hub.status === 'open', 'stream open');
      backend.pushTranscript(seg('1', 'agent', 'Good morning.', 1000));
      backend.pushTranscript(seg('2', 'customer', 'Hi, I was', 3000, false));
      await el.updateComplete;
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['1', '2']);

      hub.setStatus('reconnecting');
      await el.updateComplete;
      expect(text(shadow(el, '[data-testid=status]'))).to.equal('Reconnecting…');
      expect(text(shadow(el, '.banner[data-kind=reconnecting]'))).to.contain('Reconnecting…');
      expect(rows(el)).to.have.length(2);
      await expect(el).to.be.accessible();

      // The resumed stream: an event replayed with an old sequence number (the
      // hub drops it), the partial's final, a line said meanwhile, and a
      // segment resent with a new sequence number (replaced, not doubled).
      const lastSeq = hub.lastSeq;
      hub.emit({ seq: lastSeq, type: 'transcript', callId: backend.call!.id, segment: seg('2', 'customer', 'Hi, I was', 3000, false) });
      backend.pushTranscript(seg('2', 'customer', 'Hi, I was charged twice.', 3000));
      backend.pushTranscript(seg('3', 'agent', 'Let me check.', 6000));
      backend.pushTranscript(seg('1', 'agent', 'Good morning.', 1000));
      hub.setStatus('open');
      await el.updateComplete;
      expect(shadow(el, '.banner[data-kind=reconnecting]')).to.equal(null);
      expect(text(shadow(el, '[data-testid=status]'))).to.equal('Live');
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['1', '2', '3']);
      expect(text(rows(el)[1]!.querySelector('.text'))).to.equal('Hi, I was charged twice.');
      expect(el.lineCount).to.equal(3);
    });

    it('picks up the backlog when it joins mid-call, and starts afresh on the next call', async () => {
      const backend = memoryBackend();
      const provider = await fixture<HTMLElementTagNameMap['workbench-provider']>(
        html`<workbench-provider .backend=${backend}></workbench-provider>`,
      );
      await until(() => provider.call !== null);
      await until(() => (provider as unknown as { hub: WorkbenchEventHub }).hub.status === 'open');
      backend.pushTranscript(seg('1', 'agent', 'Good morning.', 1000));
      backend.pushTranscript(seg('2', 'customer', 'Hello.', 2000));
      const el = document.createElement('realtime-transfer');
      provider.append(el);
      await el.updateComplete;
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['1', '2']);

      backend.ring('+14155550123');
      await until(() => rows(el).length === 0, 'new call clears the lines');
      expect(text(shadow(el, '[data-testid=state]'))).to.equal('The transcript starts when the call is answered.');
      backend.pushTranscript(seg('x', 'customer', 'New caller here.', 500));
      await until(() => rows(el).length === 1, 'new call line');
    });

    it('renders in Simplified Chinese and right to left', async () => {
      const backend = memoryBackend();
      const { el, provider } = await withProvider<RealtimeTransfer>(
        html`<div dir="rtl"><realtime-transfer></realtime-transfer></div>`,
        backend,
        'realtime-transfer',
      );
      await until(() => (provider as unknown as { hub: WorkbenchEventHub }).hub.status === 'open');
      backend.pushTranscript(seg('1', 'agent', '您好，请问有什么可以帮您？', 1000));
      backend.pushTranscript(seg('2', 'customer', '我被重复扣款了。', 4000));
      provider.locale = 'zh-CN';
      await until(() => text(shadow(el, 'h2')) === '实时转写', 'zh-CN strings load');
      await el.updateComplete;
      const [agent, customer] = rows(el);
      expect(text(agent!.querySelector('.speaker'))).to.equal('座席');
      expect(text(customer!.querySelector('.speaker'))).to.equal('客户');
      expect(text(shadow(el, '.filter'))).to.equal('仅看客户');
      // Right to left: the customer's bubble starts at the right, the agent's at the left.
      const box = viewport(el).getBoundingClientRect();
      const agentBubble = agent!.querySelector('.bubble')!.getBoundingClientRect();
      const customerBubble = customer!.querySelector('.bubble')!.getBoundingClientRect();
      expect(box.right - customerBubble.right).to.be.below(box.right - agentBubble.right);
      expect(agentBubble.left - box.left).to.be.below(customerBubble.left - box.left);
      expect(await el.copy()).to.equal('[0:01] 座席：您好，请问有什么可以帮您？\n[0:04] 客户：我被重复扣款了。');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('scrolls the focused list with keys', async () => {
      const el = await standalone(lines(300));
      viewport(el).focus();
      const start = viewport(el).scrollTop;
      await sendKeys({ press: 'PageUp' });
      await until(() => viewport(el).scrollTop < start - 50, 'PageUp scrolls');
      await settled(el);
      expect(el.isFollowing).to.be.false;
      await sendKeys({ press: 'End' });
      await until(() => atBottom(el), 'End goes to the newest line', 5000);
      await frame();
      expect(el.isFollowing).to.be.true;
    });

    it('reaches copy-from-line by keyboard: one tab stop, arrows between lines, Enter copies', async () => {
      const el = await standalone(lines(300));
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' }); // Only customer
      await sendKeys({ press: 'Tab' }); // Copy transcript
      await sendKeys({ press: 'Tab' }); // the list
      expect(el.shadowRoot!.activeElement).to.equal(viewport(el));
      await sendKeys({ press: 'Tab' }); // the line's copy button
      const first = el.shadowRoot!.activeElement as HTMLElement;
      expect(first.classList.contains('copy-from')).to.be.true;
      expect(el.shadowRoot!.querySelectorAll('.copy-from[tabindex="0"]')).to.have.length(1);
      const id = Number(first.dataset.id!.slice(2));
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(focused.dataset.id).to.equal(`s-${id - 2}`);
      expect(focused.getAttribute('tabindex')).to.equal('0');
      const copied = new Promise<TranscriptCopiedEvent>((r) => el.addEventListener('avw-transcript-copied', r, { once: true }));
      await sendKeys({ press: 'Enter' });
      const event = await copied;
      expect(event.fromSegmentId).to.equal(`s-${id - 2}`);
      expect(event.lineCount).to.equal(300 - (id - 2));
      await sendKeys({ press: 'Home' });
      await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === 's-0', 'Home reaches the first line');
      expect(viewport(el).scrollTop).to.equal(0);
      before.remove();
    });
  });
});
