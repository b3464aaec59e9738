import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { newIdempotencyKey } from '../../backend/errors.js';
import type { AuthMode } from '../../backend/types.js';
import type { IdentityAuthResult, IdentityAuthStatus } from '../../context/types.js';
import { IdentityAuthChangedEvent } from '../../events/context-events.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { IdentityAuthStartRequestEvent } from './identity-auth.events.js';
import { styles } from './identity-auth.styles.js';
import { addEnglish } from '../../localize/registry.js';
import identityAuthEn from '../../localize/locales/en/identity-auth.js';

addEnglish(identityAuthEn);

const FINAL: ReadonlySet<IdentityAuthStatus> = new Set(['pass', 'fail', 'error']);

function isFinal(result: IdentityAuthResult | null | undefined): boolean {
  return !!result && FINAL.has(result.status);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Authenticates the customer during a call: the agent picks one of the
 * tenant's authentication modes (each carried out by an IVR flow), starts it,
 * and follows it to its result — not returned, in progress, pass, fail or
 * error — with the time. Under a `<workbench-provider>` the result comes from
 * the provider's identity context, which every panel shares; standalone the
 * element polls the backend until the check is final.
 *
 * @summary Start an identity check by IVR and follow it to pass or fail.
 * @tag identity-auth
 *
 * @csspart base - The panel.
 * @csspart form - The mode picker and Start button.
 * @csspart result - The latest check: its status badge, mode and times.
 * @csspart status - The status badge inside the result.
 * @csspart empty - The message shown when no mode is configured or there is no call.
 *
 * @cssprop --avw-color-success - The "pass" badge.
 * @cssprop --avw-color-danger - The "fail" and "error" badges and error messages.
 * @cssprop --avw-color-info - The "in progress" badge.
 *
 * @event avw-identity-auth-start-request - Before a check starts; cancel it to stop the check. Carries `callId` and `modeId`.
 * @event avw-identity-auth-changed - A check started, or (standalone) progressed or finished. Carries `result`; the provider publishes it in context.
 */
export class IdentityAuth extends WorkbenchElement {
  static override styles = styles;

  /** The check to show. Leave unset to follow the provider (or this element's own check); set it, or `null`, to override. */
  @property({ attribute: false }) identityAuth?: IdentityAuthResult | null;

  /** Standalone only: milliseconds between two reads of a running check. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  /** Standalone only: how long to wait for a final result before giving up, in milliseconds. */
  @property({ type: Number, attribute: 'poll-timeout' }) pollTimeout = 120_000;

  /** @internal */
  @state() protected modeId = '';
  /** @internal */
  @state() protected starting = false;
  /** @internal */
  @state() protected startError: string | null = null;
  /** The check this element started or last read, for the standalone case. @internal */
  @state() protected ownResult: IdentityAuthResult | null = null;
  /** @internal */
  @state() protected polling = false;
  /** @internal */
  @state() protected pollProblem: string | null = null;

  /** @internal */
  protected readonly modes = new Task(this, {
    task: async ([backend], { signal }) => (backend ? backend.listAuthModes({ signal }) : ([] as readonly AuthMode[])),
    args: () => [this.currentBackend] as const,
  });

  #idempotencyKey = '';
  // A failed start is retried with its key; another mode is another action.
  #keyFor = '';
  #startAbort?: AbortController;
  #pollAbort?: AbortController;
  #shownCallId?: string;

  protected override willUpdate(): void {
    const id = this.currentCall?.id;
    if (id !== this.#shownCallId) {
      // A check belongs to one call: the next caller starts unauthenticated.
      if (this.#shownCallId !== undefined) this.#resetCheck();
      this.#shownCallId = id;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#startAbort?.abort();
    this.#pollAbort?.abort();
  }

  #resetCheck(): void {
    this.#startAbort?.abort();
    this.#pollAbort?.abort();
    this.starting = false;
    this.polling = false;
    this.startError = null;
    this.pollProblem = null;
    this.ownResult = null;
    this.#keyFor = '';
  }

  /** Whether a provider answered (its identity value is null or a result, never undefined). */
  get #underProvider(): boolean {
    return this.contextIdentityAuth !== undefined;
  }

  /** The check on screen: the explicit property, else the provider's, else this element's own. @internal */
  protected get result(): IdentityAuthResult | null {
    if (this.identityAuth !== undefined) return this.identityAuth;
    const callId = this.currentCall?.id;
    const fromContext = this.contextIdentityAuth;
    if (fromContext && (!callId || fromContext.callId === callId)) return fromContext;
    const own = this.ownResult;
    return own && (!callId || own.callId === callId) ? own : null;
  }

  #publish(result: IdentityAuthResult): void {
    this.ownResult = result;
    // The stream may already have told the provider the outcome: do not turn it back to "in progress".
    const known = this.contextIdentityAuth;
    if (known && known.id === result.id && isFinal(known) && !isFinal(result)) return;
    this.dispatchEvent(new IdentityAuthChangedEvent(result));
  }

  #selectedMode(modes: readonly AuthMode[]): AuthMode | undefined {
    return modes.find((m) => m.id === this.modeId) ?? modes[0];
  }

  /** Why no check can start now, or null. @internal */
  protected unavailableReason(): string | null {
    const call = this.currentCall;
    if (!call) return this.l10n.t('common.noCall');
    if (call.state === 'ended' || call.state === 'ended-abnormally') return this.l10n.t('identityAuth.unavailable.ended');
    if (call.state === 'ringing') return this.l10n.t('identityAuth.unavailable.notConnected');
    if (!this.currentBackend) return this.l10n.t('common.noBackend');
    return null;
  }

  #onModeChange(event: Event): void {
    this.modeId = (event.target as HTMLSelectElement).value;
    this.startError = null;
  }

  async #start(event?: Event): Promise<void> {
    event?.preventDefault();
    const call = this.currentCall;
    const backend = this.currentBackend;
    const mode = this.#selectedMode(this.modes.value ?? []);
    if (this.starting || !call || !backend || !mode || this.unavailableReason()) return;
    if (this.result?.status === 'in-progress') return;
    if (!this.dispatchEvent(new IdentityAuthStartRequestEvent(call.id, mode.id))) return;
    const action = `${call.id}\n${mode.id}`;
    if (action !== this.#keyFor || !this.#idempotencyKey) {
      this.#idempotencyKey = newIdempotencyKey();
      this.#keyFor = action;
    }
    this.#pollAbort?.abort();
    this.pollProblem = null;
    this.starting = true;
    this.startError = null;
    const abort = new AbortController();
    this.#startAbort = abort;
    try {
      const result = await backend.startIdentityAuth(call.id, mode.id, {
        idempotencyKey: this.#idempotencyKey,
        signal: abort.signal,
      });
      // Done: the next start, even with the same mode, is a new check.
      this.#idempotencyKey = '';
      this.#publish(result);
      if (!this.#underProvider && !isFinal(result)) void this.#poll(result.id);
    } catch (error) {
      if (!abort.signal.aborted) this.startError = this.errorMessage(error);
    } finally {
      if (this.#startAbort === abort) this.starting = false;
    }
  }

  /** Without a provider nobody pushes the outcome: read it until it is final, or give up. */
  async #poll(authId: string): Promise<void> {
    const backend = this.currentBackend;
    if (!backend) return;
    this.#pollAbort?.abort();
    const abort = new AbortController();
    this.#pollAbort = abort;
    this.polling = true;
    this.pollProblem = null;
    const deadline = Date.now() + this.pollTimeout;
    try {
      for (;;) {
        await sleep(Math.max(50, this.pollInterval), abort.signal);
        const latest = await backend.getIdentityAuth(authId, { signal: abort.signal });
        if (abort.signal.aborted) return;
        if (latest && (latest.status !== this.ownResult?.status || latest.id !== this.ownResult?.id)) this.#publish(latest);
        if (isFinal(latest)) return;
        if (Date.now() >= deadline) {
          this.pollProblem = this.l10n.t('identityAuth.poll.timeout');
          return;
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) this.pollProblem = this.errorMessage(error);
    } finally {
      if (this.#pollAbort === abort) this.polling = false;
    }
  }

  #checkAgain(): void {
    const id = this.ownResult?.id;
    if (id) void this.#poll(id);
  }

  #renderForm(modes: readonly AuthMode[], unavailable: string | null) {
    const t = this.l10n.t.bind(this.l10n);
    if (modes.length === 0) return html`<p part="empty" class="state">${t('identityAuth.modes.empty')}</p>`;
    const result = this.result;
    const running = result?.status === 'in-progress';
    const retry = result?.status === 'fail' || result?.status === 'error';
    const selected = this.#selectedMode(modes)!;
    const disabled = !!unavailable || this.starting || running;
    return html`<form part="form" novalidate @submit=${this.#start}>
      <label for="mode">${t('identityAuth.mode')}</label>
      <div class="row">
        <select id="mode" .value=${live(selected.id)} ?disabled=${!!unavailable || this.starting} @change=${this.#onModeChange}>
          ${modes.map((m) => html`<option value=${m.id} ?selected=${m.id === selected.id}>${m.name} (${m.code})</option>`)}
        </select>
        <button
          class="primary start"
          type="submit"
          ?disabled=${disabled}
          aria-busy=${this.starting ? 'true' : 'false'}
          aria-describedby=${unavailable ? 'unavailable' : nothing}
        >
          ${this.starting ? t('identityAuth.starting') : retry ? t('identityAuth.retry') : t('identityAuth.start')}
        </button>
      </div>
    </form>`;
  }

  #renderModes(unavailable: string | null) {
    const t = this.l10n.t.bind(this.l10n);
    if (!this.currentBackend) return nothing;
    const loading = () => html`<p class="state" aria-busy="true">${t('common.loading')}</p>`;
    return this.modes.render({
      initial: loading,
      pending: loading,
      error: (error) => html`<div class="error-box" role="alert">
        <span>${t('identityAuth.modes.error')} ${this.errorMessage(error)}</span>
        <button type="button" @click=${() => this.modes.run()}>${t('common.retry')}</button>
      </div>`,
      complete: (modes) => this.#renderForm(modes, unavailable),
    });
  }

  #renderResult() {
    const t = this.l10n.t.bind(this.l10n);
    const result = this.result;
    const time = (ms: number) =>
      html`<time datetime=${new Date(ms).toISOString()}>${this.l10n.dateTime(ms, { timeStyle: 'medium' })}</time>`;
    const mode = result ? (this.modes.value ?? []).find((m) => m.id === result.modeId) : undefined;
    return html`<div part="result" class="result" role="status" aria-busy=${result?.status === 'in-progress' ? 'true' : 'false'}>
      ${result
        ? html`<div class="outcome">
              <span part="status" class="badge" data-status=${result.status}>${t(`identityAuth.status.${result.status}`)}</span>
              <span class="mode">${mode ? `${mode.name} (${mode.code})` : result.modeId}</span>
            </div>
            <p class="muted detail">${t(`identityAuth.detail.${result.status}`)}</p>
            <dl class="times">
              <dt>${t('identityAuth.startedAt')}</dt>
              <dd>${time(result.startedAt)}</dd>
              ${result.completedAt !== undefined
                ? html`<dt>${t('identityAuth.completedAt')}</dt>
                    <dd>${time(result.completedAt)}</dd>`
                : nothing}
            </dl>`
        : html`<p class="muted none">${t('identityAuth.none')}</p>`}
    </div>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall;
    const unavailable = this.unavailableReason();
    return html`<section part="base" aria-labelledby="title" dir=${this.l10n.dir}>
      <h2 id="title">${t('identityAuth.title')}</h2>
      ${!call
        ? html`<p part="empty" class="state">${t('common.noCall')}</p>`
        : html`${unavailable ? html`<p id="unavailable" class="notice">${unavailable}</p>` : nothing}
            ${this.#renderModes(unavailable)}
            ${this.startError
              ? html`<div class="error-box start-error" role="alert">
                  <span>${this.startError}</span>
                  <button type="button" ?disabled=${this.starting} @click=${() => this.#start()}>${t('common.retry')}</button>
                </div>`
              : nothing}
            ${this.#renderResult()}
            ${this.pollProblem
              ? html`<div class="error-box poll-error" role="alert">
                  <span>${this.pollProblem}</span>
                  <button type="button" @click=${this.#checkAgain}>${t('identityAuth.checkAgain')}</button>
                </div>`
              : nothing}`}
    </section>`;
  }
}
