import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { newIdempotencyKey } from '../../backend/errors.js';
import { effectiveHandledNumber, type RecordingInfo } from '../../context/types.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { HandledNumberChangedEvent } from '../../events/context-events.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { checkHandledNumber } from '../../util/phone.js';
import { HandledNumberChangeRequestEvent } from './call-message.events.js';
import { styles } from './call-message.styles.js';
import { addEnglish } from '../../localize/registry.js';
import callMessageEn from '../../localize/locales/en/call-message.js';

addEnglish(callMessageEn);

/**
 * The call's session information: calling and called numbers, the handled
 * number (which the agent may set to identify the service object; the
 * customer number when unset), the skill queue, smart voice recording and
 * the live call duration.
 *
 * @summary Session information of the current call, with the editable handled number.
 * @tag call-message
 *
 * @csspart base - The panel.
 * @csspart details - The list of call facts.
 * @csspart handled-number - The handled number and its editor.
 * @csspart empty - The message shown when there is no call.
 *
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-border - Panel and field borders.
 * @cssprop --avw-color-text-muted - Labels.
 * @cssprop --avw-color-danger - Validation messages and the recording dot.
 *
 * @event avw-handled-number-change-request - Before saving a handled number; cancel it to stop the save. Carries `callId` and `handledNumber`.
 * @event avw-handled-number-changed - The backend saved a new handled number. Carries the updated `call`.
 */
export class CallMessage extends WorkbenchElement {
  static override styles = styles;

  /** @internal */
  @state() protected editing = false;
  /** @internal */
  @state() protected draft = '';
  /** @internal */
  @state() protected problem: string | null = null;
  /** @internal */
  @state() protected saving = false;
  /** @internal */
  @state() protected saveError: string | null = null;
  /** @internal */
  @state() protected announcement = '';

  /** @internal */
  protected readonly clock = new ClockController(this);
  #idempotencyKey = '';
  #saveAbort?: AbortController;

  #shownCallId?: string;

  protected override willUpdate(): void {
    const call = this.currentCall;
    this.clock.running = call?.state === 'connected' || call?.state === 'held';
    // A different call closes the editor: a draft belongs to one call.
    if (call?.id !== this.#shownCallId && this.editing) this.#closeEditor();
    this.#shownCallId = call?.id;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saveAbort?.abort();
  }

  #openEditor(): void {
    this.editing = true;
    this.draft = this.currentCall?.handledNumber ?? '';
    this.problem = null;
    this.saveError = null;
    this.#idempotencyKey = newIdempotencyKey();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
  }

  #closeEditor(): void {
    this.#saveAbort?.abort();
    this.editing = false;
    this.saving = false;
    this.problem = null;
    this.saveError = null;
  }

  #onInput(event: InputEvent): void {
    this.draft = (event.target as HTMLInputElement).value;
    this.saveError = null;
    // Tell the agent at once when the number gets too long or has letters;
    // an empty field is only an error when they try to save it.
    const check = checkHandledNumber(this.draft, this.currentConfig.limits.handledNumberMaxLength);
    this.problem = !check.ok && check.problem !== 'required' ? this.#problemText(check.problem) : null;
  }

  #problemText(problem: 'required' | 'invalid-characters' | 'too-long' | 'invalid-number'): string {
    return this.l10n.t(`phone.${problem}`, { max: this.currentConfig.limits.handledNumberMaxLength });
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeEditor();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.edit')?.focus());
    }
  }

  async #save(event?: Event): Promise<void> {
    event?.preventDefault();
    const call = this.currentCall;
    const backend = this.currentBackend;
    if (!call || this.saving) return;
    const check = checkHandledNumber(this.draft, this.currentConfig.limits.handledNumberMaxLength);
    if (!check.ok) {
      this.problem = this.#problemText(check.problem);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
      return;
    }
    if (check.value === call.handledNumber) {
      this.problem = this.l10n.t('callMessage.handledNumber.unchanged');
      return;
    }
    if (!backend) {
      this.saveError = this.l10n.t('common.noBackend');
      return;
    }
    if (!this.dispatchEvent(new HandledNumberChangeRequestEvent(call.id, check.value))) return;
    this.saving = true;
    this.saveError = null;
    this.#saveAbort = new AbortController();
    try {
      const updated = await backend.setHandledNumber(call.id, check.value, {
        idempotencyKey: this.#idempotencyKey,
        signal: this.#saveAbort.signal,
      });
      this.editing = false;
      this.announcement = this.l10n.t('callMessage.handledNumber.saved');
      this.dispatchEvent(new HandledNumberChangedEvent(updated));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.edit')?.focus());
    } catch (error) {
      if (!this.#saveAbort.signal.aborted) this.saveError = this.errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  /** Recording state, and the analysis state joined on with the locale's own list punctuation. */
  #recordingText(recording: RecordingInfo | undefined): string {
    const t = this.l10n.t.bind(this.l10n);
    const state = recording?.recording ? t('callMessage.recording.on') : t('callMessage.recording.off');
    const analysis =
      recording?.smartAnalysis === 'on'
        ? t('callMessage.recording.analysisOn')
        : recording?.smartAnalysis === 'completed'
          ? t('callMessage.recording.analysisDone')
          : '';
    return analysis ? t('callMessage.recording.withAnalysis', { recording: state, analysis }) : state;
  }

  #renderHandledNumber() {
    const call = this.currentCall!;
    const t = this.l10n.t.bind(this.l10n);
    const max = this.currentConfig.limits.handledNumberMaxLength;
    const length = this.draft.length;
    return html`<div part="handled-number">
      <div class="handled">
        <span class="number" dir="ltr" data-testid="handled-number">${effectiveHandledNumber(call)}</span>
        ${call.handledNumber ? nothing : html`<span class="muted">(${t('callMessage.handledNumber.sameAsCustomer')})</span>`}
        ${this.editing
          ? nothing
          : html`<button class="link edit" type="button" ?disabled=${!this.currentBackend} @click=${this.#openEditor}>
              ${t('callMessage.handledNumber.edit')}
            </button>`}
      </div>
      ${this.editing
        ? html`<form @submit=${this.#save} @keydown=${this.#onKeydown} novalidate>
            <label for="handled-input">${t('callMessage.handledNumber.inputLabel')}</label>
            <div class="row">
              <input
                id="handled-input"
                type="text"
                inputmode="tel"
                autocomplete="off"
                spellcheck="false"
                .value=${live(this.draft)}
                placeholder=${call.customerNumber}
                aria-invalid=${this.problem ? 'true' : 'false'}
                aria-describedby="handled-hint handled-counter handled-problem"
                ?disabled=${this.saving}
                @input=${this.#onInput}
              />
              <button class="primary" type="submit" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>
                ${this.saving ? t('common.saving') : t('common.save')}
              </button>
              <button type="button" ?disabled=${this.saving} @click=${this.#closeEditor}>${t('common.cancel')}</button>
            </div>
            <div class="row">
              <span id="handled-hint" class="hint">${t('callMessage.handledNumber.hint')}</span>
              <span id="handled-counter" class="counter" ?data-over=${length > max}>
                ${t('common.charCount', { count: length, max })}
              </span>
            </div>
            <div id="handled-problem" class="field-error" role="alert">${this.problem ?? nothing}</div>
            ${this.saveError
              ? html`<div class="error-box" role="alert">
                  <span>${this.saveError}</span>
                  <button type="submit">${t('common.retry')}</button>
                </div>`
              : nothing}
          </form>`
        : nothing}
    </div>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall;
    if (!call) {
      return html`<section part="base" aria-label=${t('callMessage.title')} dir=${this.l10n.dir}>
        <h2>${t('callMessage.title')}</h2>
        <p part="empty" class="state">${t('common.noCall')}</p>
      </section>`;
    }
    const end = call.endTime ?? this.clock.now();
    const recording = call.recording;
    return html`<section part="base" aria-label=${t('callMessage.title')} dir=${this.l10n.dir}>
      <header>
        <h2>${t('callMessage.title')}</h2>
        <span class="state-pill" data-state=${call.state}>
          ${t(`callMessage.direction.${call.direction}`)} · ${t(`callMessage.media.${call.mediaType}`)} ·
          ${t(`callMessage.state.${call.state}`)}
        </span>
      </header>
      <dl part="details">
        <dt>${t('callMessage.callingNumber')}</dt>
        <dd><span class="number" dir="ltr" data-testid="calling-number">${call.callingNumber}</span></dd>
        <dt>${t('callMessage.calledNumber')}</dt>
        <dd><span class="number" dir="ltr" data-testid="called-number">${call.calledNumber}</span></dd>
        <dt>${t('callMessage.handledNumber')}</dt>
        <dd>${this.#renderHandledNumber()}</dd>
        <dt>${t('callMessage.skillQueue')}</dt>
        <dd>${call.skillQueue || t('callMessage.skillQueue.none')}</dd>
        <dt>${t('callMessage.recording')}</dt>
        <dd data-testid="recording">
          <span class="recording-dot" ?data-on=${recording?.recording}></span>${this.#recordingText(recording)}
        </dd>
        <dt>${t('callMessage.duration')}</dt>
        <dd data-testid="duration">
          ${call.state === 'ringing' ? '—' : html`<time class="number" dir="ltr">${this.l10n.duration(end - call.startTime)}</time>`}
        </dd>
      </dl>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}
