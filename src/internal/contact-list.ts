import { Task } from '@lit/task';
import { css, nothing, type PropertyValues } from 'lit';
// Static html: child tags follow the names they were registered under (tag prefixes).
import { html } from 'lit/static-html.js';
import { staticTag } from './tags.js';
import { isolate } from '../util/bidi.js';
import { RecordingPlayer } from '../components/recording-player/recording-player.js';
import { property, query, state } from 'lit/decorators.js';
import type { ContactRecord } from '../backend/types.js';
import { effectiveHandledNumber } from '../context/types.js';
import type { MessageKey } from '../localize/registry.js';
import { sharedStyles, token } from './shared.styles.js';
import { WorkbenchElement } from './workbench-element.js';
import { LazyElement } from './lazy-element.js';
import { addEnglish } from '../localize/registry.js';
import contactHistoryEn from '../localize/locales/en/contact-history.js';

addEnglish(contactHistoryEn);

/** The "More" window: the last seven days as a rolling 7 × 24 h, ending now. */
export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
/** Records per "More" page. */
export const MORE_PAGE_SIZE = 20;

type View = { readonly kind: 'more' } | { readonly kind: 'detail'; readonly record: ContactRecord; readonly fromMore: boolean };

export const contactListStyles = [
  sharedStyles,
  css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
    }
    button.record {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px ${token('space-2')};
      inline-size: 100%;
      text-align: start;
      padding-block: ${token('space-2')};
      background: ${token('color-surface')};
    }
    button.record:hover {
      background: ${token('color-surface-raised')};
    }
    .when {
      font-weight: 600;
    }
    .duration {
      font-variant-numeric: tabular-nums;
      color: ${token('color-text-muted')};
      text-align: end;
    }
    .meta,
    .reason {
      grid-column: 1 / -1;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
      overflow-wrap: anywhere;
    }
    .more-item {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
      padding-block-end: ${token('space-2')};
      border-block-end: 1px solid ${token('color-border')};
    }
    .row {
      display: flex;
      align-items: stretch;
      gap: ${token('space-2')};
    }
    .row button.record {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .play-cell {
      flex: 0 0 7.5em;
      display: flex;
      align-items: center;
      justify-content: stretch;
    }
    .play-cell > * {
      inline-size: 100%;
    }
    .no-recording {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
      text-align: center;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-2')};
      margin-block-start: ${token('space-3')};
    }
    dialog {
      inline-size: min(44rem, calc(100vw - 2rem));
      max-block-size: calc(100vh - 2rem);
      padding: 0;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
    .dialog-bar {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      padding: ${token('space-2')} ${token('space-3')};
      background: ${token('color-surface-raised')};
      border-block-end: 1px solid ${token('color-border')};
    }
    .dialog-bar h2 {
      margin: 0;
    }
    /* The title takes focus only so screen readers start there; it is not a control. */
    #dialog-title:focus {
      outline: none;
    }
    .dialog-bar .close {
      margin-inline-start: auto;
    }
    .dialog-body {
      padding: ${token('space-3')} ${token('space-4')};
    }
    .dialog-body .detail::part(base) {
      border: none;
      box-shadow: none;
      padding: 0;
    }
  `,
];

/**
 * What `<history-contacts>` and `<contact-records>` share: the latest records
 * of the handled number by time, a record's detail in a dialog, and "More"
 * (the handled number's records of the last seven days, paged, each with
 * Play). The two differ only in their title and how many records they show.
 */
export abstract class ContactListElement extends WorkbenchElement {
  static override styles = contactListStyles;

  /** The clock that ends the seven-day window of "More". Tests inject a fixed one. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  /** @internal */
  @state() protected view: View | null = null;
  /** @internal */
  @state() protected moreItems: readonly ContactRecord[] = [];
  /** @internal */
  @state() protected moreCursor?: string;
  /** @internal */
  @state() protected moreTotal?: number;
  /** @internal */
  @state() protected moreStatus: 'idle' | 'pending' | 'error' = 'idle';
  /** @internal */
  @state() protected moreError = '';
  /** @internal */
  @state() protected playingId: string | null = null;

  /** The record detail (and its composers) loads when the agent first opens a record. @internal */
  readonly #detail = new LazyElement(this, 'contact-record-detail', () => import('../define/contact-record-detail.js'));

  /** @internal */
  @query('dialog') protected dialog?: HTMLDialogElement;

  /** How many of the latest records to show. @internal */
  protected abstract get limit(): number;
  /** The panel's title. @internal */
  protected abstract get titleKey(): MessageKey;

  #moreAbort?: AbortController;
  #moreWindow?: { readonly from: number; readonly to: number };
  #shownNumber?: string;
  /** What to focus once the dialog closes or goes back. */
  #returnFocus?: string;

  /** @internal */
  protected readonly latest = new Task(this, {
    task: async ([backend, number, limit], { signal }) => {
      if (!number) return null;
      if (!backend) throw new Error('no-backend');
      const page = await backend.listContactRecords({ number, limit }, { signal });
      return page.items.slice(0, limit);
    },
    args: () => [this.currentBackend, effectiveHandledNumber(this.currentCall), this.limit] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const number = effectiveHandledNumber(this.currentCall);
    if (number !== this.#shownNumber) {
      // Another number: nothing of the previous customer stays on screen.
      this.#shownNumber = number;
      this.#closeDialog(false);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (this.view && dialog && !dialog.open) dialog.showModal();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreAbort?.abort();
  }

  #focusLater(selector: string | undefined): void {
    if (!selector) return;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Opens "More": the handled number's records of the last seven days. */
  openMore(): void {
    const to = this.now();
    this.#moreWindow = { from: to - SEVEN_DAYS_MS, to };
    this.moreItems = [];
    this.moreCursor = undefined;
    this.moreTotal = undefined;
    this.playingId = null;
    this.#returnFocus = 'button.more';
    this.view = { kind: 'more' };
    void this.#loadMore();
  }

  /** Opens one record's detail. */
  openRecord(record: ContactRecord): void {
    const fromMore = this.view?.kind === 'more';
    if (!fromMore) this.#returnFocus = `ul.latest button[data-id="${CSS.escape(record.id)}"]`;
    this.view = { kind: 'detail', record, fromMore };
    this.#focusLater('#dialog-title');
  }

  #back(): void {
    const view = this.view;
    this.view = { kind: 'more' };
    if (view?.kind === 'detail') this.#focusLater(`ul.more button[data-id="${CSS.escape(view.record.id)}"]`);
  }

  /** Also the dialog's close listener: Escape closes it natively, and the state keeps in step. */
  #closeDialog(restoreFocus: unknown = true): void {
    this.#moreAbort?.abort();
    this.moreStatus = 'idle';
    this.moreError = '';
    this.playingId = null;
    if (!this.view) return;
    this.view = null;
    this.dialog?.close();
    if (restoreFocus) this.#focusLater(this.#returnFocus);
  }

  /** Loads the next page of "More" (the first when none is loaded). */
  async #loadMore(): Promise<void> {
    const backend = this.currentBackend;
    const number = effectiveHandledNumber(this.currentCall);
    const window = this.#moreWindow;
    if (!window || !number) return;
    if (!backend) {
      this.moreStatus = 'error';
      this.moreError = this.l10n.t('common.noBackend');
      return;
    }
    this.#moreAbort?.abort();
    const abort = new AbortController();
    this.#moreAbort = abort;
    this.moreStatus = 'pending';
    this.moreError = '';
    const hadFocus = this.moreItems.length;
    try {
      const page = await backend.listContactRecords(
        { number, from: window.from, to: window.to, limit: MORE_PAGE_SIZE, cursor: this.moreCursor },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      const seen = new Set(this.moreItems.map((r) => r.id));
      this.moreItems = [...this.moreItems, ...page.items.filter((r) => !seen.has(r.id))];
      this.moreCursor = page.nextCursor;
      this.moreTotal = page.total;
      this.moreStatus = 'idle';
      // After "Load more", move on to the first new record rather than losing focus.
      const first = page.items[0];
      if (hadFocus && first) this.#focusLater(`ul.more button[data-id="${CSS.escape(first.id)}"]`);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.moreStatus = 'error';
      this.moreError = this.errorMessage(error);
    }
  }

  #errorBox(message: string, retry: () => unknown) {
    return html`<div part="error" class="error-box" role="alert">
      <span>${message}</span>
      <button type="button" @click=${retry}>${this.l10n.t('common.retry')}</button>
    </div>`;
  }

  #togglePlayer(record: ContactRecord): void {
    this.playingId = this.playingId === record.id ? null : record.id;
  }

  #renderRecordButton(record: ContactRecord) {
    const t = this.l10n.t.bind(this.l10n);
    const reason = record.reasonPath?.length ? record.reasonPath[record.reasonPath.length - 1] : '';
    return html`<button type="button" class="record" data-id=${record.id} aria-haspopup="dialog" @click=${() => this.openRecord(record)}>
      <time class="when">${this.l10n.dateTime(record.startTime)}</time>
      <span class="duration">${this.l10n.duration(record.endTime - record.startTime)}</span>
      <span class="meta">
        ${t(`contactHistory.direction.${record.direction}`)} · ${t(`contactHistory.channel.${record.channel}`)} · <span dir="auto">${record.agentName}</span>
      </span>
      ${reason ? html`<span class="reason"><span dir="auto">${reason}</span></span>` : nothing}
    </button>`;
  }

  #renderLatest() {
    const t = this.l10n.t.bind(this.l10n);
    const number = effectiveHandledNumber(this.currentCall);
    if (!number) return html`<p part="empty" class="state">${t('contactHistory.noNumber')}</p>`;
    const loading = html`<p class="state">${t('contactHistory.loading')}</p>`;
    return this.latest.render({
      initial: () => loading,
      pending: () => loading,
      complete: (records) =>
        records && records.length
          ? html`<ul part="list" class="latest">
              ${records.map((r) => html`<li>${this.#renderRecordButton(r)}</li>`)}
            </ul>`
          : html`<p part="empty" class="state">${t('contactHistory.empty', { number: isolate(number) })}</p>`,
      error: (error) => this.#errorBox(this.errorMessage(error), () => this.latest.run()),
    });
  }

  #renderMoreItem(record: ContactRecord) {
    const t = this.l10n.t.bind(this.l10n);
    const open = this.playingId === record.id;
    const when = this.l10n.dateTime(record.startTime);
    return html`<li class="more-item">
      <div class="row">
        ${this.#renderRecordButton(record)}
        <span class="play-cell">
          ${record.recordingId
            ? html`<button
                type="button"
                class="play"
                aria-expanded=${open}
                aria-label=${open ? t('contactHistory.hidePlayer') : t('contactHistory.playLabel', { when })}
                @click=${() => this.#togglePlayer(record)}
              >
                ${open ? t('contactHistory.hidePlayer') : t('contactHistory.play')}
              </button>`
            : html`<span class="no-recording">${t('contactHistory.noRecording')}</span>`}
        </span>
      </div>
      ${open && record.recordingId
        ? html`<${staticTag(RecordingPlayer, 'recording-player')} recording-id=${record.recordingId} .backend=${this.currentBackend}></${staticTag(RecordingPlayer, 'recording-player')}>`
        : nothing}
    </li>`;
  }

  #renderMore() {
    const t = this.l10n.t.bind(this.l10n);
    const number = effectiveHandledNumber(this.currentCall);
    const items = this.moreItems;
    const pending = this.moreStatus === 'pending';
    return html`<p class="muted">${t('contactHistory.moreFor', { number: isolate(number) })}</p>
      <div aria-busy=${pending}>
        ${items.length
          ? html`<ul part="more-list" class="more">
              ${items.map((r) => this.#renderMoreItem(r))}
            </ul>`
          : !pending && this.moreStatus !== 'error'
            ? html`<p part="empty" class="state">${t('contactHistory.moreEmpty')}</p>`
            : nothing}
        ${pending ? html`<p class="state">${t('contactHistory.loading')}</p>` : nothing}
        ${this.moreStatus === 'error' ? this.#errorBox(this.moreError, () => this.#loadMore()) : nothing}
      </div>
      <div class="footer">
        <span class="muted">
          ${this.moreTotal !== undefined && items.length ? t('contactHistory.shown', { shown: items.length, total: this.moreTotal }) : nothing}
        </span>
        ${this.moreCursor && this.moreStatus !== 'error'
          ? html`<button type="button" class="load-more" ?disabled=${pending} @click=${() => void this.#loadMore()}>
              ${t('contactHistory.loadMore')}
            </button>`
          : nothing}
      </div>`;
  }

  #renderDetail(record: ContactRecord) {
    const tag = this.#detail.tag();
    if (tag) {
      return html`<${tag}
        class="detail"
        .record=${record}
        .backend=${this.currentBackend}
        .call=${this.currentCall}
        .customer=${this.currentCustomer}
        .agent=${this.currentAgent}
        .config=${this.currentConfig}
      ></${tag}>`;
    }
    const t = this.l10n.t.bind(this.l10n);
    return this.#detail.status === 'error'
      ? this.#errorBox(t('common.error.unavailable'), () => this.#detail.retry())
      : html`<p class="state" aria-busy="true">${t('contactHistory.detail.loading')}</p>`;
  }

  #renderDialog() {
    const view = this.view;
    if (!view) return nothing;
    const t = this.l10n.t.bind(this.l10n);
    const title = view.kind === 'more' ? t('contactHistory.moreTitle') : t('contactHistory.detail.title');
    return html`<dialog part="dialog" aria-labelledby="dialog-title" lang=${this.l10n.requestedTag} dir=${this.l10n.dir} @close=${this.#closeDialog}>
      <div class="dialog-bar">
        ${view.kind === 'detail' && view.fromMore
          ? html`<button type="button" class="back" @click=${this.#back}>
              <span aria-hidden="true">${this.l10n.dir === 'rtl' ? '→' : '←'}</span> ${t('contactHistory.back')}
            </button>`
          : nothing}
        <h2 id="dialog-title" tabindex="-1" class=${view.kind === 'detail' ? 'visually-hidden' : ''}>${title}</h2>
        <button type="button" class="close" @click=${() => this.#closeDialog()}>${t('contactHistory.close')}</button>
      </div>
      <div class="dialog-body">
        ${view.kind === 'more'
          ? this.#renderMore()
          : this.#renderDetail(view.record)}
      </div>
    </dialog>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const title = t(this.titleKey);
    const number = effectiveHandledNumber(this.currentCall);
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.latest.status === 1} dir=${this.l10n.dir}>
        <header>
          <h2 id="title">${title}</h2>
          ${number
            ? html`<button type="button" class="link more" aria-haspopup="dialog" @click=${this.openMore}>${t('contactHistory.more')}</button>`
            : nothing}
        </header>
        ${this.#renderLatest()}
      </section>
      ${this.#renderDialog()}`;
  }
}
