import { Task } from '@lit/task';
import { nothing, type PropertyValues } from 'lit';
// Static html: child tags follow the names they were registered under (tag prefixes).
import { html } from 'lit/static-html.js';
import { staticTag } from '../../internal/tags.js';
import { RecordingPlayer } from '../recording-player/recording-player.js';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ContactRecord, MessageRecord, NotificationChannel } from '../../backend/types.js';
import { effectiveHandledNumber } from '../../context/types.js';
import { LazyElement, provideElement } from '../../internal/lazy-element.js';
import { tabKeyTarget } from '../../internal/tab-keys.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { styles } from './contact-record-detail.styles.js';
import { addEnglish } from '../../localize/registry.js';
import contactHistoryEn from '../../localize/locales/en/contact-history.js';

addEnglish(contactHistoryEn);

type Tab = 'details' | 'messages';
const TABS: readonly Tab[] = ['details', 'messages'];
const CHANNELS: readonly NotificationChannel[] = ['sms', 'email', 'whatsapp'];

interface SentEvent extends Event {
  readonly record?: MessageRecord;
}

/**
 * One contact record: its details (channel, direction, times, agent, skill
 * queue, call reason and remarks, recording) and, on the Message Sending
 * Record tab, what was sent to the customer for it, with Send Message (SMS,
 * email or WhatsApp through `<notify-sms>`, `<notify-email>` and
 * `<notify-whatsapp>`, attached to this record).
 *
 * @summary One contact record's details, recording and message sending record.
 * @tag contact-record-detail
 *
 * @csspart base - The panel.
 * @csspart tabs - The tab list.
 * @csspart details - The record's facts.
 * @csspart messages - The list of sent messages.
 * @csspart send - The Send Message channel buttons.
 * @csspart composer - The area holding the chosen notification composer.
 * @csspart empty - The message shown when there is nothing to show.
 *
 * @cssprop --avw-color-primary - The selected tab's underline.
 * @cssprop --avw-color-border - Borders of the tab list and message cards.
 * @cssprop --avw-color-text-muted - Labels.
 *
 * @event avw-notification-sent - Re-dispatched by the composers (bubbles from inside): a message was sent for this record. Carries `record`.
 */
export class ContactRecordDetail extends WorkbenchElement {
  static override styles = styles;

  /** The record to show. Set it, or set `record-id` to have it fetched. */
  @property({ attribute: false }) record?: ContactRecord | null;

  /** The id of the record to fetch with `getContactRecord` when `record` is not set. */
  @property({ attribute: 'record-id' }) recordId = '';

  /** The tab shown first. */
  @property({ attribute: 'active-tab' }) activeTab: Tab = 'details';

  /** @internal */
  @state() protected composer: NotificationChannel | null = null;

  /** The composers load when the agent first picks a channel: most records are only read. @internal */
  readonly #composers: Record<NotificationChannel, LazyElement> = {
    sms: new LazyElement(this, 'notify-sms', () => import('../../define/notify-sms.js')),
    email: new LazyElement(this, 'notify-email', () => import('../../define/notify-email.js')),
    whatsapp: new LazyElement(this, 'notify-whatsapp', () => import('../../define/notify-whatsapp.js')),
  };
  /** @internal */
  @state() protected messagesVersion = 0;
  /** @internal */
  @state() protected sent: readonly MessageRecord[] = [];
  /** @internal */
  @state() protected announcement = '';

  /** @internal */
  protected readonly recordTask = new Task(this, {
    task: async ([backend, id, given], { signal }) => {
      if (given !== undefined || !id) return given ?? null;
      if (!backend) throw new Error('no-backend');
      return backend.getContactRecord(id, { signal });
    },
    args: () => [this.currentBackend, this.recordId, this.record] as const,
  });

  /** @internal */
  protected readonly messagesTask = new Task(this, {
    task: async ([backend, id], { signal }) => {
      if (!id) return [] as readonly MessageRecord[];
      if (!backend) throw new Error('no-backend');
      return backend.listMessageRecords({ contactRecordId: id }, { signal });
    },
    args: () => [this.currentBackend, this.#shownId, this.messagesVersion] as const,
  });

  /** @internal */
  protected get shownRecord(): ContactRecord | null {
    if (this.record !== undefined) return this.record;
    return this.recordTask.status === 2 ? (this.recordTask.value ?? null) : null;
  }

  get #shownId(): string {
    return this.record !== undefined ? (this.record?.id ?? '') : this.recordId;
  }

  #lastId?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const id = this.#shownId;
    if (id !== this.#lastId) {
      // Another record: its composer and just-sent messages do not carry over.
      this.#lastId = id;
      this.composer = null;
      this.sent = [];
      this.announcement = '';
    }
    if (changed.has('activeTab') && !TABS.includes(this.activeTab)) this.activeTab = 'details';
  }

  #selectTab(tab: Tab, focus = false): void {
    this.activeTab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKeydown(event: KeyboardEvent): void {
    const rtl = this.l10n.dir === 'rtl' || getComputedStyle(this).direction === 'rtl';
    const next = tabKeyTarget(event, TABS.indexOf(this.activeTab), TABS.length, rtl);
    if (next >= 0) this.#selectTab(TABS[next]!, true);
  }

  #openComposer(channel: NotificationChannel): void {
    this.composer = this.composer === channel ? null : channel;
    this.announcement = '';
  }

  #onSent(event: SentEvent): void {
    if (event.record) this.sent = [event.record, ...this.sent.filter((m) => m.id !== event.record!.id)];
    this.composer = null;
    this.announcement = this.l10n.t('contactHistory.sent');
    // The backend's list is the truth: ask it again so the new message shows with its real status.
    this.messagesVersion += 1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#panel-messages')?.focus());
  }

  #errorBox(message: string, retry: () => unknown) {
    return html`<div class="error-box" role="alert">
      <span>${message}</span>
      <button type="button" @click=${retry}>${this.l10n.t('common.retry')}</button>
    </div>`;
  }

  #renderDetails(record: ContactRecord) {
    const t = this.l10n.t.bind(this.l10n);
    const none = html`<span class="muted">${t('contactHistory.none')}</span>`;
    return html`<dl part="details">
      <dt>${t('contactHistory.field.channel')}</dt>
      <dd>${t(`contactHistory.channel.${record.channel}`)}</dd>
      <dt>${t('contactHistory.field.direction')}</dt>
      <dd>${t(`contactHistory.direction.${record.direction}`)}</dd>
      <dt>${t('contactHistory.field.handledNumber')}</dt>
      <dd><span class="number" dir="ltr">${record.handledNumber}</span></dd>
      <dt>${t('contactHistory.field.start')}</dt>
      <dd><time>${this.l10n.dateTime(record.startTime)}</time></dd>
      <dt>${t('contactHistory.field.end')}</dt>
      <dd><time>${this.l10n.dateTime(record.endTime)}</time></dd>
      <dt>${t('contactHistory.field.duration')}</dt>
      <dd><span class="number" dir="ltr">${this.l10n.duration(record.endTime - record.startTime)}</span></dd>
      <dt>${t('contactHistory.field.agent')}</dt>
      <dd>${t('contactHistory.field.agentValue', { name: record.agentName, workNo: record.agentWorkNo })}</dd>
      <dt>${t('contactHistory.field.skillQueue')}</dt>
      <dd>${record.skillQueue ? html`<span dir="auto">${record.skillQueue}</span>` : none}</dd>
      <dt>${t('contactHistory.field.reason')}</dt>
      <dd>${record.reasonPath?.length ? record.reasonPath.join(' › ') : none}</dd>
      <dt>${t('contactHistory.field.remarks')}</dt>
      <dd class="remarks">${record.remarks ? html`<span dir="auto">${record.remarks}</span>` : none}</dd>
      <dt>${t('contactHistory.field.recording')}</dt>
      <dd>
        ${record.recordingId
          ? html`<${staticTag(RecordingPlayer, 'recording-player')} recording-id=${record.recordingId} .backend=${this.currentBackend}></${staticTag(RecordingPlayer, 'recording-player')}>`
          : none}
      </dd>
    </dl>`;
  }

  #renderMessage(m: MessageRecord) {
    const t = this.l10n.t.bind(this.l10n);
    return html`<li class="message" data-id=${m.id}>
      <div class="message-head">
        <strong>${t(`contactHistory.messageChannel.${m.channel}`)}</strong>
        <span class="pill" data-status=${m.status}>${t(`contactHistory.status.${m.status}`)}</span>
        <time class="muted">${this.l10n.dateTime(m.sentAt)}</time>
      </div>
      <dl>
        <dt>${t('contactHistory.messages.recipient')}</dt>
        <dd>
          ${m.channel === 'email' ? html`<span dir="auto">${m.recipient}</span>` : html`<span class="number" dir="ltr">${m.recipient}</span>`}
        </dd>
        <dt>${t('contactHistory.messages.template')}</dt>
        <dd>
          ${m.templateName || m.templateId
            ? html`<span dir="auto">${m.templateName || m.templateId}</span>`
            : html`<span class="muted">${t('contactHistory.messages.noTemplate')}</span>`}
        </dd>
        <dt>${t('contactHistory.messages.text')}</dt>
        <dd class="text">${m.subject ? html`<strong dir="auto">${m.subject}</strong>\n` : nothing}<span dir="auto">${m.text}</span></dd>
      </dl>
    </li>`;
  }

  #renderComposer(record: ContactRecord) {
    const channel = this.composer;
    if (!channel) return nothing;
    // The composer prefills the handled number of the call in progress; a
    // record opened without a call falls back to the record's own number.
    const phone = effectiveHandledNumber(this.currentCall) ? undefined : record.handledNumber;
    const lazy = this.#composers[channel];
    const tag = lazy.tag();
    const t = this.l10n.t.bind(this.l10n);
    const composer = tag
      ? html`<${tag}
          contact-record-id=${record.id}
          recipient=${ifDefined(channel === 'email' ? undefined : phone)}
          .backend=${this.currentBackend}
          .call=${this.currentCall}
          .customer=${this.currentCustomer}
          .agent=${this.currentAgent}
          .config=${this.currentConfig}
        ></${tag}>`
      : lazy.status === 'error'
        ? this.#errorBox(t('common.error.unavailable'), () => lazy.retry())
        : html`<p class="state" aria-busy="true">${t('common.loading')}</p>`;
    return html`<div part="composer" class="composer" @avw-notification-sent=${this.#onSent}>${composer}</div>`;
  }

  #renderMessages(record: ContactRecord) {
    const t = this.l10n.t.bind(this.l10n);
    const list = (fetched: readonly MessageRecord[]) => {
      const all = [...this.sent.filter((s) => !fetched.some((f) => f.id === s.id)), ...fetched].sort((a, b) => b.sentAt - a.sentAt);
      return all.length
        ? html`<ul part="messages" class="messages">${all.map((m) => this.#renderMessage(m))}</ul>`
        : html`<p part="empty" class="state">${t('contactHistory.messages.empty')}</p>`;
    };
    return html`<div part="send" class="send" role="group" aria-label=${t('contactHistory.send')}>
        <span>${t('contactHistory.send')}:</span>
        ${CHANNELS.map(
          (c) =>
            html`<button type="button" data-channel=${c} aria-pressed=${this.composer === c} @click=${() => this.#openComposer(c)}>
              ${t(`contactHistory.messageChannel.${c}`)}
            </button>`,
        )}
      </div>
      ${this.#renderComposer(record)}
      <div aria-busy=${this.messagesTask.status === 1}>
        ${this.messagesTask.render({
          pending: () =>
            // After a send, keep the list in place while it refreshes.
            this.messagesTask.value ? list(this.messagesTask.value) : html`<p class="state">${t('contactHistory.messages.loading')}</p>`,
          complete: list,
          error: (error) => this.#errorBox(this.errorMessage(error), () => this.messagesTask.run()),
        })}
      </div>`;
  }

  #renderRecord(record: ContactRecord) {
    const t = this.l10n.t.bind(this.l10n);
    const tab = this.activeTab;
    return html`<h2 id="title">${t('contactHistory.detail.title')} · <time>${this.l10n.dateTime(record.startTime)}</time></h2>
      <div part="tabs" role="tablist" aria-labelledby="title" @keydown=${this.#onTabKeydown}>
        ${TABS.map(
          (name) =>
            html`<button
              type="button"
              role="tab"
              id=${`tab-${name}`}
              aria-selected=${tab === name}
              aria-controls=${`panel-${name}`}
              tabindex=${tab === name ? 0 : -1}
              @click=${() => this.#selectTab(name)}
            >
              ${t(`contactHistory.tab.${name}`)}
            </button>`,
        )}
      </div>
      ${TABS.map(
        (name) =>
          html`<div role="tabpanel" id=${`panel-${name}`} aria-labelledby=${`tab-${name}`} tabindex="0" ?hidden=${tab !== name}>
            ${name === 'details' ? this.#renderDetails(record) : tab === name ? this.#renderMessages(record) : nothing}
          </div>`,
      )}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const label = t('contactHistory.detail.title');
    const busy = this.record === undefined && this.recordTask.status === 1;
    let body;
    if (this.record !== undefined || !this.recordId) {
      const record = this.record ?? null;
      body = record ? this.#renderRecord(record) : html`<p part="empty" class="state">${t('contactHistory.detail.none')}</p>`;
    } else {
      const loading = () => html`<p class="state">${t('contactHistory.detail.loading')}</p>`;
      body = this.recordTask.render({
        initial: loading,
        pending: loading,
        complete: (record) =>
          record ? this.#renderRecord(record) : html`<p part="empty" class="state">${t('contactHistory.detail.notFound')}</p>`,
        error: (error) => this.#errorBox(this.errorMessage(error), () => this.recordTask.run()),
      });
    }
    return html`<section part="base" aria-label=${label} aria-busy=${busy} lang=${this.l10n.requestedTag} dir=${this.l10n.dir}>${body}</section>`;
  }
}

provideElement('contact-record-detail', ContactRecordDetail);
