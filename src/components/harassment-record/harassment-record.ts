import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isBackendError, newIdempotencyKey } from '../../backend/errors.js';
import type { HarassmentInput, HarassmentListType, HarassmentRecord } from '../../backend/types.js';
import { effectiveHandledNumber } from '../../context/types.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { samePhone } from '../../util/phone.js';
import { HarassmentRecordCreateRequestEvent, HarassmentRecordCreatedEvent } from './harassment-record.events.js';
import { styles } from './harassment-record.styles.js';
import { addEnglish } from '../../localize/registry.js';
import harassmentRecordEn from '../../localize/locales/en/harassment-record.js';

addEnglish(harassmentRecordEn);

const LIST_TYPES: readonly HarassmentListType[] = ['black', 'red'];

/**
 * Creates a harassment record for the customer's handled number during a
 * two-party call: the agent picks the special list (Black List or Red List),
 * writes the reason for joining, confirms, and the record goes to review.
 * The number's existing records are listed with their review status.
 *
 * @summary Put the caller on the Black List or Red List, for review, and see the number's records.
 * @tag harassment-record
 *
 * @csspart base - The panel.
 * @csspart unavailable - Why the form is disabled (no call, ended call, not a two-party call).
 * @csspart form - The list type and reason form.
 * @csspart confirm - The confirmation step before submitting.
 * @csspart submitted - The note shown after a record was submitted.
 * @csspart records - The list of the number's existing records.
 * @csspart empty - The message shown when the number has no records.
 *
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-border - Panel and field borders.
 * @cssprop --avw-color-danger - Validation messages, the Red List badge and the confirm button.
 * @cssprop --avw-color-warning - The "to be approved" badge.
 * @cssprop --avw-color-success - The "approved" badge.
 *
 * @event avw-harassment-record-create-request - After the agent confirmed, before the record is sent; cancel it to stop the submission. Carries `input`.
 * @event avw-harassment-record-created - The backend accepted the record (status "to be approved"). Carries `record`.
 */
export class HarassmentRecordPanel extends WorkbenchElement {
  static override styles = styles;

  /** @internal */
  @state() protected listType: HarassmentListType = 'black';
  /** @internal */
  @state() protected reason = '';
  /** @internal */
  @state() protected problem: string | null = null;
  /** @internal */
  @state() protected step: 'edit' | 'confirm' = 'edit';
  /** @internal */
  @state() protected submitting = false;
  /** @internal */
  @state() protected submitError: string | null = null;
  /** @internal */
  @state() protected submitted: HarassmentRecord | null = null;
  /** @internal */
  @state() protected announcement = '';
  /** Records created here, shown at once rather than after a reload. @internal */
  @state() protected created: readonly HarassmentRecord[] = [];

  /** @internal */
  protected readonly records = new Task(this, {
    task: async ([backend, number], { signal }) => {
      const items: readonly HarassmentRecord[] = backend && number ? await backend.listHarassmentRecords(number, { signal }) : [];
      return { number, items };
    },
    args: () => [this.currentBackend, effectiveHandledNumber(this.currentCall)] as const,
  });

  #idempotencyKey = '';
  // The key belongs to one exact input: an edited reason is a new action.
  #keyFor = '';
  #submitAbort?: AbortController;
  #shownCallId?: string;

  protected override willUpdate(): void {
    const id = this.currentCall?.id;
    // A draft belongs to one call: never carry a reason over to the next caller.
    if (id !== this.#shownCallId) {
      if (this.#shownCallId !== undefined) this.#resetForm();
      this.#shownCallId = id;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#submitAbort?.abort();
  }

  #resetForm(): void {
    this.#submitAbort?.abort();
    this.listType = 'black';
    this.reason = '';
    this.problem = null;
    this.step = 'edit';
    this.submitting = false;
    this.submitError = null;
    this.submitted = null;
    this.#keyFor = '';
  }

  get #maxLength(): number {
    return this.currentConfig.limits.harassmentReasonMaxLength;
  }

  /** Why no record can be created now, or null when it can. @internal */
  protected unavailableReason(): string | null {
    const call = this.currentCall;
    const t = this.l10n.t.bind(this.l10n);
    if (!call) return t('common.noCall');
    if (call.state === 'ended' || call.state === 'ended-abnormally') return t('harassmentRecord.unavailable.ended');
    if (call.state === 'ringing') return t('harassmentRecord.unavailable.notConnected');
    if (call.twoParty === false) return t('harassmentRecord.unavailable.notTwoParty');
    if (!this.currentBackend) return t('common.noBackend');
    return null;
  }

  #checkReason(reason: string): string | null {
    if (reason.length > this.#maxLength) {
      return this.l10n.t('harassmentRecord.reason.tooLong', { max: this.#maxLength, count: reason.length });
    }
    if (reason.trim() === '') return this.l10n.t('harassmentRecord.reason.required');
    return null;
  }

  #onReasonInput(event: InputEvent): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
    this.submitted = null;
    // Too long is said at once (typed or pasted); empty only when submitting.
    this.problem = this.reason.length > this.#maxLength ? this.#checkReason(this.reason) : null;
  }

  #onListTypeChange(event: Event): void {
    this.listType = (event.target as HTMLInputElement).value as HarassmentListType;
  }

  #focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Back to the form, with the problem shown on the field, where it can be fixed. */
  #toField(problem: string): void {
    this.problem = problem;
    this.step = 'edit';
    this.#focusOn('textarea');
  }

  /** Whether the reason fails the local rules; if so it is said on the field. */
  #invalid(): boolean {
    const problem = this.#checkReason(this.reason);
    if (problem) this.#toField(problem);
    return !!problem;
  }

  #review(event: Event): void {
    event.preventDefault();
    if (this.unavailableReason() || this.#invalid()) return;
    this.problem = null;
    this.submitError = null;
    this.step = 'confirm';
    this.#focusOn('.confirm-button');
  }

  #back(): void {
    if (this.submitting) return;
    this.step = 'edit';
    this.submitError = null;
    this.#focusOn('textarea');
  }

  #onConfirmKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#back();
    }
  }

  async #confirm(): Promise<void> {
    const call = this.currentCall;
    const backend = this.currentBackend;
    if (this.submitting || !call || !backend) return;
    if (this.unavailableReason()) {
      this.step = 'edit';
      return;
    }
    if (this.#invalid()) return;
    const input: HarassmentInput = {
      number: effectiveHandledNumber(call),
      listType: this.listType,
      reason: this.reason,
      callId: call.id,
    };
    if (!this.dispatchEvent(new HarassmentRecordCreateRequestEvent(input))) {
      this.step = 'edit';
      return;
    }
    const fingerprint = JSON.stringify(input);
    if (fingerprint !== this.#keyFor) {
      this.#idempotencyKey = newIdempotencyKey();
      this.#keyFor = fingerprint;
    }
    this.submitting = true;
    this.submitError = null;
    const abort = new AbortController();
    this.#submitAbort = abort;
    try {
      const record = await backend.createHarassmentRecord(input, { idempotencyKey: this.#idempotencyKey, signal: abort.signal });
      this.#resetForm();
      this.created = [record, ...this.created.filter((r) => r.id !== record.id)];
      this.submitted = record;
      this.announcement = this.l10n.t('harassmentRecord.submitted');
      this.dispatchEvent(new HarassmentRecordCreatedEvent(record));
      this.#focusOn('[part=submitted]');
    } catch (error) {
      if (abort.signal.aborted) return;
      // The server's own length or emptiness rule: show it on the field, where it can be fixed.
      if (isBackendError(error) && error.kind === 'validation' && error.field === 'reason') {
        this.#toField(this.#checkReason(this.reason) ?? this.errorMessage(error));
      } else {
        this.submitError = this.errorMessage(error);
      }
    } finally {
      if (this.#submitAbort === abort) this.submitting = false;
    }
  }

  #listLabel(type: HarassmentListType): string {
    return this.l10n.t(`harassmentRecord.list.${type}`);
  }

  #renderForm(unavailable: string | null) {
    const t = this.l10n.t.bind(this.l10n);
    const length = this.reason.length;
    const max = this.#maxLength;
    return html`<form part="form" novalidate @submit=${this.#review}>
      <fieldset class="plain" ?disabled=${!!unavailable} aria-describedby=${unavailable ? 'unavailable' : nothing}>
        <fieldset class="list-types">
          <legend>${t('harassmentRecord.listType')}</legend>
          ${LIST_TYPES.map(
            (type) => html`<label class="choice">
              <input
                type="radio"
                name="list-type"
                value=${type}
                .checked=${live(this.listType === type)}
                @change=${this.#onListTypeChange}
              />
              ${this.#listLabel(type)}
            </label>`,
          )}
        </fieldset>
        <label for="reason">${t('harassmentRecord.reason')}</label>
        <textarea
          id="reason"
          rows="3"
          .value=${live(this.reason)}
          aria-invalid=${!!this.problem}
          aria-required="true"
          aria-describedby="reason-counter reason-problem"
          @input=${this.#onReasonInput}
        ></textarea>
        <div class="row between">
          <span id="reason-counter" class="counter" ?data-over=${length > max}>${t('common.charCount', { count: length, max })}</span>
          <button class="primary" type="submit">${t('harassmentRecord.review')}</button>
        </div>
        <div id="reason-problem" class="field-error" role="alert">${this.problem ?? nothing}</div>
      </fieldset>
    </form>`;
  }

  #renderConfirm(number: string) {
    const t = this.l10n.t.bind(this.l10n);
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-title" @keydown=${this.#onConfirmKeydown}>
      <p id="confirm-title" class="confirm-title">
        ${t('harassmentRecord.confirm.question', { list: this.#listLabel(this.listType) })}
        <span class="number">${number}</span>
      </p>
      <p class="muted">${t('harassmentRecord.confirm.review')}</p>
      <p class="label">${t('harassmentRecord.reason')}</p>
      <p class="reason quoted">${this.reason}</p>
      ${this.submitError
        ? html`<div class="error-box" role="alert">
            <span>${this.submitError}</span>
            <button type="button" class="retry" ?disabled=${this.submitting} @click=${this.#confirm}>${t('common.retry')}</button>
          </div>`
        : nothing}
      <div class="row">
        <button
          type="button"
          class="primary danger confirm-button"
          ?disabled=${this.submitting}
          aria-busy=${this.submitting}
          @click=${this.#confirm}
        >
          ${this.submitting ? t('harassmentRecord.submitting') : t('harassmentRecord.confirm.submit')}
        </button>
        <button type="button" ?disabled=${this.submitting} @click=${this.#back}>${t('harassmentRecord.confirm.back')}</button>
      </div>
    </div>`;
  }

  #renderRecord(record: HarassmentRecord) {
    const t = this.l10n.t.bind(this.l10n);
    return html`<li class="record" data-id=${record.id}>
      <div class="meta">
        <span class="badge list" data-list=${record.listType}>${this.#listLabel(record.listType)}</span>
        <span class="badge status" data-status=${record.status}>${t(`harassmentRecord.status.${record.status}`)}</span>
        <time datetime=${new Date(record.createdAt).toISOString()}>${this.l10n.dateTime(record.createdAt)}</time>
      </div>
      <p class="reason">${record.reason}</p>
    </li>`;
  }

  #renderRecords(number: string) {
    const t = this.l10n.t.bind(this.l10n);
    if (!number || !this.currentBackend) return nothing;
    const fresh = this.created.filter((r) => samePhone(r.number, number));
    const merge = (loaded: readonly HarassmentRecord[]) =>
      [...fresh.filter((r) => !loaded.some((l) => l.id === r.id)), ...loaded].sort((a, b) => b.createdAt - a.createdAt);
    const list = (items: readonly HarassmentRecord[], busy: boolean) =>
      items.length === 0
        ? html`<p part="empty" class="state" aria-busy=${busy}>${t('harassmentRecord.records.empty')}</p>`
        : html`<ul part="records" class="records" aria-labelledby="records-title" aria-busy=${busy}>
            ${items.map((r) => this.#renderRecord(r))}
          </ul>`;
    const loading = () => html`<p class="state" aria-busy="true">${t('common.loading')}</p>`;
    return html`<h3 id="records-title">${t('harassmentRecord.records.title')}</h3>
      ${this.records.render({
        initial: loading,
        // A reload of the same number keeps its list on screen; another number's list never shows.
        pending: () =>
          this.records.value?.number === number ? list(merge(this.records.value.items), true) : loading(),
        error: (error) => html`<div class="error-box" role="alert">
          <span>${t('harassmentRecord.records.error')} ${this.errorMessage(error)}</span>
          <button type="button" @click=${() => this.records.run()}>${t('common.retry')}</button>
        </div>`,
        complete: (loaded) => list(merge(loaded.items), false),
      })}`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall;
    const number = effectiveHandledNumber(call);
    const unavailable = this.unavailableReason();
    return html`<section part="base" aria-labelledby="title" dir=${this.l10n.dir}>
      <header>
        <h2 id="title">${t('harassmentRecord.title')}</h2>
        ${number ? html`<span class="number" title=${t('harassmentRecord.number')}>${number}</span>` : nothing}
      </header>
      ${unavailable ? html`<p part="unavailable" id="unavailable" class="notice">${unavailable}</p>` : nothing}
      ${call
        ? this.step === 'confirm' && !unavailable
          ? this.#renderConfirm(number)
          : this.#renderForm(unavailable)
        : nothing}
      ${this.submitted && this.step === 'edit'
        ? html`<p part="submitted" class="success" tabindex="-1">
            ${t('harassmentRecord.submittedNote', { list: this.#listLabel(this.submitted.listType) })}
          </p>`
        : nothing}
      ${this.#renderRecords(number)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}
