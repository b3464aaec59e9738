import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StreamStatus, TranscriptSegment } from '../../backend/types.js';
import { type WorkbenchEventHub, eventHubContext } from '../../context/keys.js';
import { VirtualList, type ListModel } from '../../internal/virtual-list.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { TranscriptCopiedEvent, TranscriptFilterChangedEvent } from './realtime-transfer.events.js';
import { styles } from './realtime-transfer.styles.js';
import { TranscriptStore } from './transcript-store.js';
import { addEnglish } from '../../localize/registry.js';
import realtimeTransferEn from '../../localize/locales/en/realtime-transfer.js';

addEnglish(realtimeTransferEn);


/**
 * The conversation between the customer and the agent as text, live, from
 * real-time speech recognition (the design calls this area "Real-time
 * transfer"). Partial hypotheses show in italics and are replaced in place by
 * their final text. The list follows the newest line while the agent is at
 * the bottom; scrolling up stops following and offers a "New lines" button.
 * Only the visible lines are in the DOM, so a two-hour call scrolls and
 * updates as smoothly as a short one.
 *
 * Inside a `<workbench-provider>` it follows the provider's event stream
 * (`eventHubContext`); standalone, set `segments`.
 *
 * @summary Real-time transcript of the current call, with the Only Customer filter and copy.
 * @tag realtime-transfer
 *
 * @csspart base - The panel.
 * @csspart toolbar - The Only Customer filter and the copy button.
 * @csspart viewport - The scrolling list of lines.
 * @csspart row - One line; also has the part `customer` or `agent`.
 * @csspart bubble - The speech bubble inside a line.
 * @csspart jump - The "New lines" button shown while the agent reads older lines.
 * @csspart state - The message shown instead of lines (no call, waiting, not enabled...).
 *
 * @cssprop --avw-realtime-transfer-height - Height of the scrolling list (default 22rem).
 * @cssprop --avw-realtime-transfer-customer-bg - Background of the customer's lines.
 * @cssprop --avw-realtime-transfer-agent-bg - Background of the agent's lines.
 * @cssprop --avw-color-surface - List background.
 * @cssprop --avw-color-text-muted - Speaker, time offset and partial lines.
 *
 * @event avw-transcript-copied - The transcript (whole, or from one line) was copied. Carries `text`, `lineCount`, `fromSegmentId` and `clipboard` (false when the browser refused).
 * @event avw-transcript-filter-changed - The agent switched Only Customer. Carries `onlyCustomer`.
 */
export class RealtimeTransfer extends WorkbenchElement {
  static override styles = styles;

  /**
   * The lines to show, for use without a provider. When set, it wins over the
   * provider's stream. A line whose id is already shown replaces it.
   */
  @property({ attribute: false }) segments?: readonly TranscriptSegment[];

  /** The live event feed. Leave unset to use the provider's. */
  @property({ attribute: false }) eventHub?: WorkbenchEventHub | null;

  /** Show only the customer's speech. */
  @property({ type: Boolean, reflect: true, attribute: 'only-customer' }) onlyCustomer = false;

  /**
   * Render only the visible lines (the default). The `no-virtualize`
   * attribute renders every line: only the benchmark's baseline wants that.
   */
  @property({
    attribute: 'no-virtualize',
    converter: { fromAttribute: (value: string | null) => value === null, toAttribute: (value: boolean) => (value ? null : '') },
  })
  virtualize = true;

  /** @internal */
  @consume({ context: eventHubContext, subscribe: true }) @state() protected contextHub?: WorkbenchEventHub | null;
  /** @internal */
  @state() protected streamStatus: StreamStatus | null = null;
  /** @internal */
  @state() protected following = true;
  /** @internal */
  @state() protected newLines = 0;
  /** What the last copy did; null when the browser refused it. @internal */
  @state() protected copyStatus: string | null = '';
  /** @internal */
  @state() protected announcement = '';

  /** Shortest time between two announcements of the customer's lines, in ms. @internal */
  announceIntervalMs = 3000;

  readonly #store = new TranscriptStore();
  readonly #list: VirtualList<TranscriptSegment>;
  #subscribedHub: WorkbenchEventHub | null = null;
  readonly #unsubscribe: (() => void)[] = [];
  #lastSegments?: readonly TranscriptSegment[];
  #pendingAnnouncements: string[] = [];
  #lastAnnouncedAt = -Infinity;
  #announceTimer?: ReturnType<typeof setTimeout>;
  #copyStatusTimer?: ReturnType<typeof setTimeout>;
  #lastCopyFrom: string | null = null;
  /** The line whose copy button holds the list's one tab stop. */
  #activeKey: string | null = null;
  #tabStopKey: string | null = null;
  /** The strings every row shows, read once per render; a new object when the language changes. */
  #rowText = {} as RowText;
  /** `shapeOf()` at the last render. */
  #renderedShape = '';
  #listSyncQueued = false;

  constructor() {
    super();
    this.#list = new VirtualList<TranscriptSegment>({
      model: this.#store.all,
      keyOf: (segment) => segment.id,
      renderRow: (segment) => this.renderRow(segment),
      rowDeps: (segment) => [segment.id === this.#tabStopKey, this.#rowText],
      estimate: estimateHeight,
      onFollowChange: (following) => {
        this.following = following;
        if (following) this.newLines = 0;
      },
      beforeRender: (start, end) => {
        this.#refreshRowText();
        this.#pickTabStop(start, end);
      },
    });
  }

  /** How many lines the transcript has (all speakers). */
  get lineCount(): number {
    return this.#store.size;
  }

  /** Whether the list is following the newest line. */
  get isFollowing(): boolean {
    return this.#list.isFollowing;
  }

  /**
   * Copies the transcript as plain text, one `[offset] Speaker: text` line per
   * segment, from the line `fromSegmentId` (or the first) to the end of what
   * the filter shows. Resolves with the text, also when the clipboard refused it.
   */
  async copy(fromSegmentId: string | null = null): Promise<string> {
    const t = this.l10n.t.bind(this.l10n);
    const view = this.view;
    const lines: string[] = [];
    this.#refreshRowText();
    for (let i = fromSegmentId ? view.locate(fromSegmentId).index : 0; i < view.length; i++) {
      const segment = view.at(i);
      lines.push(
        t('realtimeTransfer.copy.line', {
          offset: this.l10n.duration(segment.offsetMs),
          speaker: this.#rowText[segment.speaker],
          text: segment.final ? segment.text : `${segment.text} ${t('realtimeTransfer.partialMark')}`,
        }),
      );
    }
    this.#lastCopyFrom = fromSegmentId;
    clearTimeout(this.#copyStatusTimer);
    if (lines.length === 0) {
      this.copyStatus = t('realtimeTransfer.copyEmpty');
      return '';
    }
    const text = lines.join('\n');
    let written = false;
    try {
      await navigator.clipboard.writeText(text);
      written = true;
    } catch {
      // Refused, or no clipboard at all.
    }
    this.copyStatus = written
      ? lines.length === 1
        ? t('realtimeTransfer.copied.one')
        : t('realtimeTransfer.copied', { count: lines.length })
      : null;
    if (written) this.#copyStatusTimer = setTimeout(() => (this.copyStatus = ''), 5000);
    this.dispatchEvent(new TranscriptCopiedEvent(text, lines.length, fromSegmentId, written));
    return text;
  }

  /** Scrolls to the newest line and follows again. */
  scrollToNewest(): void {
    this.#list.scrollToEnd();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: subscribe again in the next update (the backlog fills any gap).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscribeTo(null);
    this.#list.detach();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    clearTimeout(this.#copyStatusTimer);
  }

  /** @internal */
  protected get view(): ListModel<TranscriptSegment> {
    return this.onlyCustomer ? this.#store.customerOnly : this.#store.all;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#list.virtualize = this.virtualize;
    if (changed.has('segments')) this.#ingestSegments();
    const hub =
      this.segments === undefined && this.isConnected ? (this.eventHub !== undefined ? this.eventHub : (this.contextHub ?? null)) : null;
    if (hub !== this.#subscribedHub) this.#subscribeTo(hub);
    if (this.segments === undefined) this.#adopt(this.currentCall?.id);
    if (changed.has('onlyCustomer')) this.#list.setModel(this.view);
  }

  protected override updated(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('[part=viewport]');
    const rows = this.renderRoot.querySelector<HTMLElement>('.rows');
    if (viewport && rows) {
      this.#list.attach(viewport, rows);
      this.#list.sync();
    } else {
      this.#list.detach();
    }
  }

  #subscribeTo(hub: WorkbenchEventHub | null): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#subscribedHub = hub;
    this.streamStatus = hub?.status ?? null;
    if (!hub) return;
    this.#unsubscribe.push(
      hub.subscribe((event) => {
        const call = this.currentCall;
        if (event.type === 'transcript' && this.segments === undefined && (!call || event.callId === call.id)) {
          this.#adopt(event.callId);
          this.#apply(event.segment, true);
        }
      }),
      hub.onStatus((status) => {
        const previous = this.streamStatus;
        this.streamStatus = status;
        // Back after a drop: whatever the provider received meanwhile is merged by id.
        if (status === 'open' && previous !== 'open') this.#loadBacklog(hub);
      }),
    );
    this.#loadBacklog(hub);
  }

  /** The first call we learn of owns what we already have; a later one starts afresh. */
  #adopt(callId?: string): void {
    const store = this.#store;
    if (callId !== undefined && store.callId !== callId) {
      if (store.callId === null) store.callId = callId;
      else this.#resetTranscript(callId);
    }
  }

  #loadBacklog(hub: WorkbenchEventHub): void {
    this.#adopt(this.currentCall?.id);
    for (const segment of hub.transcript()) this.#apply(segment, false);
  }

  #ingestSegments(): void {
    const next = this.segments;
    const previous = this.#lastSegments;
    this.#lastSegments = next;
    if (!next) {
      this.#resetTranscript(null);
      return;
    }
    if (!previous || next.length < previous.length) {
      this.#resetTranscript(null);
      for (const segment of next) this.#apply(segment, false);
      return;
    }
    // Usually one line appended or one replaced: compare references, apply the few that differ.
    for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) this.#apply(next[i]!, true);
  }

  #resetTranscript(callId: string | null): void {
    this.#store.reset(callId);
    this.#list.clear();
    this.newLines = 0;
    this.#activeKey = null;
    this.#pendingAnnouncements = [];
  }

  #apply(segment: TranscriptSegment, live: boolean): void {
    const result = this.#store.upsert(segment);
    if (!result) return;
    const { index, previous } = result;
    const inView = !this.onlyCustomer || segment.speaker === 'customer';
    if (previous) {
      if (previous.speaker !== segment.speaker) this.#list.setModel(this.view);
      else if (inView) this.#list.changed(this.onlyCustomer ? this.#store.customerIndexOf(index) : index);
    } else if (inView && !this.#list.isFollowing) {
      this.newLines += 1;
    }
    const newlyFinal = !previous?.final || previous.text !== segment.text;
    if (live && segment.final && segment.speaker === 'customer' && newlyFinal) this.#queueAnnouncement(segment.text);
    this.#linesChanged();
  }

  /**
   * A line arrived or changed. The panel around the list shows only whether
   * there are lines at all, so while that holds only the list syncs: the
   * header, toolbar and banners are not rendered again for every partial.
   */
  #linesChanged(): void {
    // With the same shape and no list in the DOM, nothing on screen changes: the list's sync does nothing then.
    if (this.isUpdatePending || this.#shapeOf() !== this.#renderedShape) {
      this.requestUpdate();
      return;
    }
    if (this.#listSyncQueued) return;
    this.#listSyncQueued = true;
    // A microtask, as Lit's own update: a burst of lines costs one sync, done before `updateComplete` resolves.
    queueMicrotask(() => {
      this.#listSyncQueued = false;
      if (!this.isUpdatePending) this.#list.sync();
    });
  }

  /** What of the lines the panel around the list depends on. */
  #shapeOf(): string {
    return `${this.view.length > 0}|${this.#store.size > 0}`;
  }

  #queueAnnouncement(text: string): void {
    this.#pendingAnnouncements.push(text);
    if (this.#announceTimer !== undefined) return;
    const wait = this.#lastAnnouncedAt + this.announceIntervalMs - performance.now();
    if (wait <= 0) {
      this.#flushAnnouncements();
    } else {
      this.#announceTimer = setTimeout(() => {
        this.#announceTimer = undefined;
        this.#flushAnnouncements();
      }, wait);
    }
  }

  #flushAnnouncements(): void {
    const texts = this.#pendingAnnouncements.splice(0);
    if (texts.length === 0) return;
    // A burst is read as one sentence, the latest lines only: a screen reader
    // that falls minutes behind helps nobody.
    const joined = (texts.length > 3 ? ['…', ...texts.slice(-3)] : texts).join(' ');
    this.announcement = this.l10n.t('realtimeTransfer.announce', { text: joined });
    this.#lastAnnouncedAt = performance.now();
  }

  #onFilterChange(event: Event): void {
    this.onlyCustomer = (event.target as HTMLInputElement).checked;
    this.dispatchEvent(new TranscriptFilterChangedEvent(this.onlyCustomer));
  }

  #onJump(): void {
    this.#list.scrollToEnd();
    this.renderRoot.querySelector<HTMLElement>('[part=viewport]')?.focus({ preventScroll: true });
  }

  /**
   * A line's copy button focused, clicked or given a key: it becomes the
   * line that holds the list's one tab stop; a click copies from it; arrow
   * keys, Home and End move between the lines' copy buttons.
   */
  #onRows(event: Event): void {
    const id = (event.target as Element).closest<HTMLElement>('.copy-from')?.dataset.id;
    if (!id) return;
    this.#activeKey = id;
    if (event.type === 'click') void this.copy(id);
    if (event.type !== 'keydown') return;
    const view = this.view;
    const { index } = view.locate(id);
    const next = ({ ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: view.length - 1 } as Partial<Record<string, number>>)[
      (event as KeyboardEvent).key
    ];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const at = Math.max(0, Math.min(view.length - 1, next));
    const key = view.at(at).id;
    this.#activeKey = key;
    this.#list.reveal(at);
    this.renderRoot.querySelector<HTMLElement>(`.copy-from[data-id="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
  }

  /** Reads the rows' shared strings; a changed language (or its strings arriving) renders every row again. */
  #refreshRowText(): void {
    const t = this.l10n.t.bind(this.l10n);
    const text: RowText = {
      locale: this.l10n.locale,
      customer: t('realtimeTransfer.speaker.customer'),
      agent: t('realtimeTransfer.speaker.agent'),
      partial: t('realtimeTransfer.partial'),
    };
    const last = this.#rowText;
    if ((Object.keys(text) as (keyof RowText)[]).some((k) => text[k] !== last[k])) this.#rowText = text;
  }

  #pickTabStop(start: number, end: number): void {
    const view = this.view;
    const shown = (key: string | null) => {
      const { index, exact } = key ? view.locate(key) : { index: -1, exact: false };
      return exact && index >= start && index < end;
    };
    // The line last focused, else the one at the top of the viewport, where reading starts.
    this.#tabStopKey =
      [this.#activeKey, this.virtualize ? this.#list.topKey() : null].find(shown) ?? (end > start ? view.at(start).id : null);
  }

  /** One line. Must depend only on the segment and what `rowDeps` lists: otherwise it goes stale. */
  private renderRow(segment: TranscriptSegment) {
    const speaker = this.#rowText[segment.speaker];
    const offset = this.l10n.duration(segment.offsetMs);
    const label = this.l10n.t('realtimeTransfer.copyFrom', { offset, speaker });
    return html`<div
      part="row ${segment.speaker}"
      role="listitem"
      data-id=${segment.id}
      data-speaker=${segment.speaker}
      ?data-partial=${!segment.final}
    >
      <div class="bubble" part="bubble">
        <div class="meta">
          <span class="speaker">${speaker}</span>
          <time class="offset" datetime=${`PT${Math.floor(segment.offsetMs / 1000)}S`}>${offset}</time>
          <button
            class="copy-from"
            type="button"
            data-id=${segment.id}
            tabindex=${segment.id === this.#tabStopKey ? 0 : -1}
            aria-label=${label}
            title=${label}
          ></button>
        </div>
        <p class="text" dir="auto">${segment.text}${segment.final
            ? nothing
            : html`<span class="visually-hidden"> ${this.#rowText.partial}</span>`}</p>
      </div>
    </div>`;
  }

  protected override render() {
    this.#renderedShape = this.#shapeOf();
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall;
    const title = t('realtimeTransfer.title');
    if (call ? call.asrEnabled === false : this.segments === undefined && this.#store.size === 0) {
      return html`<section part="base" aria-label=${title}>
        <h2>${title}</h2>
        ${call
          ? html`<div part="state" class="not-enabled" data-testid="state">
              <p><strong>${t('realtimeTransfer.notEnabled.title')}</strong></p>
              <p>${t('realtimeTransfer.notEnabled.body')}</p>
              <p>${t('realtimeTransfer.notEnabled.how')}</p>
            </div>`
          : html`<p part="state" class="state" data-testid="state">${t('common.noCall')}</p>`}
      </section>`;
    }
    const size = this.#store.size;
    const state = call?.state;
    const stream = this.streamStatus;
    const status = state?.startsWith('ended')
      ? 'ended'
      : stream === 'reconnecting' || stream === 'connecting'
        ? stream
        : state && state !== 'ringing'
          ? 'live'
          : null;
    const hasLines = this.view.length > 0;
    const busy = status === 'connecting' && !size;
    return html`<section part="base" aria-label=${title} aria-busy=${busy}>
      <header>
        <h2>${title}</h2>
        ${status
          ? html`<span class="pill" data-status=${status} data-testid="status">${t(`realtimeTransfer.status.${status}`)}</span>`
          : nothing}
      </header>
      <div part="toolbar">
        <label class="filter">
          <input type="checkbox" .checked=${this.onlyCustomer} @change=${this.#onFilterChange} />
          ${t('realtimeTransfer.onlyCustomer')}
        </label>
        <button class="copy-all" type="button" ?disabled=${!hasLines} @click=${() => this.copy()}>
          ${t('realtimeTransfer.copyAll')}
        </button>
        <span class="copy-status" role="status">${this.copyStatus}</span>
      </div>
      ${this.copyStatus === null
        ? html`<div class="error-box" role="alert">
            <span>${t('realtimeTransfer.copyFailed')}</span>
            <button type="button" @click=${() => this.copy(this.#lastCopyFrom)}>${t('common.retry')}</button>
          </div>`
        : nothing}
      ${status === 'reconnecting'
        ? html`<p class="banner" data-kind="reconnecting" role="status">${t('realtimeTransfer.reconnecting')}</p>`
        : nothing}
      ${status === 'ended' && size
        ? html`<p class="banner" data-kind="ended" role="status">${t('realtimeTransfer.ended')}</p>`
        : nothing}
      ${hasLines
        ? html`<div class="frame">
            <div
              part="viewport"
              role="group"
              tabindex="0"
              aria-label=${t('realtimeTransfer.lines')}
              ?data-all=${!this.virtualize}
            >
              <div class="rows" role="list" @click=${this.#onRows} @keydown=${this.#onRows} @focusin=${this.#onRows}></div>
            </div>
            ${this.following
              ? nothing
              : html`<button part="jump" class="primary" type="button" @click=${this.#onJump}>${this.newLines > 0
                  ? t('realtimeTransfer.newLines.count', { count: this.newLines })
                  : t('realtimeTransfer.newLines')} ↓</button>`}
          </div>`
        : html`<p part="state" class="state" data-testid="state">${t(
            status === 'ended'
              ? 'realtimeTransfer.endedEmpty'
              : busy
                ? 'realtimeTransfer.connecting'
                : size && this.onlyCustomer
                  ? 'realtimeTransfer.noCustomerLines'
                  : state === 'ringing'
                    ? 'realtimeTransfer.ringing'
                    : 'realtimeTransfer.waiting',
          )}</p>`}
      <div class="visually-hidden" aria-live="polite" data-testid="announcer">${this.announcement}</div>
    </section>`;
  }
}

interface RowText {
  readonly locale: string;
  readonly customer: string;
  readonly agent: string;
  readonly partial: string;
}

/** A height for a line never measured at this width: roughly right keeps the scrollbar honest. */
function estimateHeight(segment: TranscriptSegment, width: number): number {
  // The numbers are pixels at the 14px body size. A Latin character advances
  // 7.4 on average, a CJK one 14; a bubble is at most 60 Latin characters wide.
  const available = Math.max(60, Math.min(width * 0.86, 60 * 7.4) - 26);
  const text = segment.text;
  let advance = 0;
  for (let i = 0; i < text.length; i++) advance += text.charCodeAt(i) >= 0x2e80 ? 14 : 7.4;
  // Row padding, bubble padding and the speaker line, then 20.3 per line of text.
  return 40 + 20.3 * Math.max(1, Math.ceil(advance / available));
}
