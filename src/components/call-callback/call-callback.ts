import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { newIdempotencyKey } from '../../backend/errors.js';
import { type CallSession, effectiveHandledNumber } from '../../context/types.js';
import { CallStartedEvent } from '../../events/context-events.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { CallbackRequestEvent } from './call-callback.events.js';
import { styles } from './call-callback.styles.js';
import { addEnglish } from '../../localize/registry.js';
import callCallbackEn from '../../localize/locales/en/call-callback.js';

addEnglish(callCallbackEn);

interface Remembered {
  /** The one idempotency key of this ended call's callback. */
  readonly key: string;
  readonly placed: boolean;
}

const STORAGE_PREFIX = 'av-workbench/callback/';
// Used only when sessionStorage is out of reach (sandboxed frames, privacy modes).
const fallback = new Map<string, Remembered>();

/*
 * Remembered per call id for the browser session, so that a reload, a second
 * panel or a remount never calls the same customer back twice, and a retry
 * after a lost answer reuses the key the backend already saw. Where
 * sessionStorage is out of reach, reading or writing it throws.
 */
function recall(callId: string): Remembered | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_PREFIX + callId);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Remembered>;
    return typeof value.key === 'string' && typeof value.placed === 'boolean' ? (value as Remembered) : undefined;
  } catch {
    return fallback.get(callId);
  }
}

function remember(callId: string, value: Remembered): void {
  fallback.set(callId, value);
  try {
    sessionStorage.setItem(STORAGE_PREFIX + callId, JSON.stringify(value));
  } catch {
    // Storage full or refused: the in-memory copy still guards this page.
  }
}

/**
 * Offers to call the customer back when the call was disconnected
 * abnormally, to the handled number. Shown only when the customer center
 * feature is off, and only after an abnormal end; otherwise it renders
 * nothing. One callback per ended call: the button is disabled while it is
 * placed and afterwards, and a callback already placed for the call is
 * remembered for the browser session. The new outbound call is reported
 * with `avw-call-started`, so a `<workbench-provider>` makes it the call.
 *
 * @summary Call the customer back after an abnormal disconnection.
 * @tag call-callback
 *
 * @csspart base - The panel (absent when no callback is offered).
 * @csspart button - The Callback button.
 * @csspart message - The sentence about the disconnection and the number.
 *
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-danger - The disconnection marker and error messages.
 * @cssprop --avw-color-success - The note once the callback is placed.
 *
 * @event avw-callback-request - Before the callback is placed; cancel it to stop it. Carries `callId` and `number`.
 * @event avw-call-started - The callback was placed. Carries the new outbound `call`.
 */
export class CallCallback extends WorkbenchElement {
  static override styles = styles;

  /** @internal */
  @state() protected pending = false;
  /** @internal */
  @state() protected error: string | null = null;
  /** The call the callback placed, for the standalone case where the call does not change. @internal */
  @state() protected placedCall: CallSession | null = null;
  /** @internal */
  @state() protected announcement = '';

  #abort?: AbortController;
  #shownCallId?: string;

  protected override willUpdate(): void {
    const id = this.currentCall?.id;
    if (id !== this.#shownCallId) {
      // Another call: its own callback, its own error. An in-flight callback
      // is left to finish; its key stays remembered against its call.
      this.error = null;
      this.placedCall = null;
      this.#shownCallId = id;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Whether the callback is on offer for this call at all. @internal */
  protected get offered(): boolean {
    const call = this.currentCall;
    return call?.state === 'ended-abnormally' && this.currentConfig.customerCenter === false;
  }

  async #callBack(): Promise<void> {
    const call = this.currentCall;
    const backend = this.currentBackend;
    // The flag is set before the first await: a double click finds it set.
    if (this.pending || !call || !this.offered) return;
    const remembered = recall(call.id);
    if (remembered?.placed) return;
    const number = effectiveHandledNumber(call);
    if (!number) return;
    if (!backend) {
      this.error = this.l10n.t('common.noBackend');
      return;
    }
    if (!this.dispatchEvent(new CallbackRequestEvent(call.id, number))) return;
    const key = remembered?.key ?? newIdempotencyKey();
    remember(call.id, { key, placed: false });
    this.pending = true;
    this.error = null;
    this.announcement = '';
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const next = await backend.callback(call.id, { idempotencyKey: key, signal: abort.signal });
      remember(call.id, { key, placed: true });
      if (this.currentCall?.id === call.id) this.placedCall = next;
      this.announcement = this.l10n.t('callCallback.placed', { number });
      this.dispatchEvent(new CallStartedEvent(next));
    } catch (error) {
      if (!abort.signal.aborted) this.error = this.errorMessage(error);
    } finally {
      if (this.#abort === abort) this.pending = false;
    }
  }

  protected override render() {
    if (!this.offered) return nothing;
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall!;
    const number = effectiveHandledNumber(call);
    const placed = !!this.placedCall || !!recall(call.id)?.placed;
    const label = this.pending ? t('callCallback.pending') : placed ? t('callCallback.done') : t('callCallback.button');
    return html`<section part="base" aria-labelledby="title" dir=${this.l10n.dir}>
      <h2 id="title" class="visually-hidden">${t('callCallback.title')}</h2>
      <div class="row">
        <p part="message" class="message">
          <span class="marker" aria-hidden="true"></span>
          ${number
            ? html`${t('callCallback.message')} <span class="number">${number}</span>`
            : t('callCallback.noNumber')}
        </p>
        <button
          part="button"
          class="primary"
          type="button"
          ?disabled=${this.pending || placed || !number}
          aria-busy=${this.pending ? 'true' : 'false'}
          @click=${this.#callBack}
        >
          ${label}
        </button>
      </div>
      ${placed ? html`<p class="placed">${t('callCallback.placed', { number })}</p>` : nothing}
      ${this.error
        ? html`<div class="error-box" role="alert">
            <span>${t('callCallback.failed')} ${this.error}</span>
            <button type="button" class="retry" ?disabled=${this.pending} @click=${this.#callBack}>${t('common.retry')}</button>
          </div>`
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}
