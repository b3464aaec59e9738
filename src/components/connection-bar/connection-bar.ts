import { Task, TaskStatus } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { newIdempotencyKey } from '../../backend/errors.js';
import type { RestReason } from '../../backend/types.js';
import type { Agent, AgentStateName, CallSession } from '../../context/types.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { CallStartedEvent } from '../../events/context-events.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { type PhoneProblem, toE164 } from '../../util/phone.js';
import { AgentStateChangedEvent, WorkbenchOpenRequestEvent } from './connection-bar.events.js';
import { styles } from './connection-bar.styles.js';
import { addEnglish } from '../../localize/registry.js';
import connectionBarEn from '../../localize/locales/en/connection-bar.js';

addEnglish(connectionBarEn);

type CallAction = 'answer' | 'hold' | 'resume' | 'mute' | 'unmute' | 'hang-up';
type Action = 'sign-in' | 'sign-out' | 'state' | 'dial' | 'answer' | 'hold' | 'resume' | 'mute' | 'unmute' | 'hang-up';

interface Failure {
  readonly action: Action;
  readonly message: string;
  readonly retry: () => void;
}

const LIVE_STATES: ReadonlySet<CallSession['state']> = new Set(['ringing', 'connected', 'held']);

// Simple line icons; each button also has its text, so they are decoration.
const icon = (path: ReturnType<typeof svg>) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
const ICONS = {
  phone: svg`<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z"/>`,
  hangUp: svg`<path d="M3 14c5-5 13-5 18 0l-2.5 2.5-3.5-2v-2.5a10 10 0 0 0-6 0v2.5l-3.5 2z"/>`,
  hold: svg`<path d="M8 5v14M16 5v14"/>`,
  resume: svg`<path d="M7 5l12 7-12 7z"/>`,
  mic: svg`<path d="M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3"/>`,
  micOff: svg`<path d="M4 4l16 16M9 9v3a3 3 0 0 0 5 2.2M15 10V6a3 3 0 0 0-6 0M5 11a7 7 0 0 0 11 5.7M19 11a7 7 0 0 1-.6 2.8M12 18v3"/>`,
  signIn: svg`<path d="M10 17l5-5-5-5M15 12H3M14 4h5a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-5"/>`,
  signOut: svg`<path d="M15 17l5-5-5-5M20 12H8M10 4H5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h5"/>`,
};

/**
 * The agent's connection bar: sign in and out, set the agent state (ready,
 * busy, or rest with a reason), dial out, and control the call (answer,
 * hold and resume, mute and unmute, hang up) with the call timer. It acts
 * through the backend; the new agent and call come back through the
 * provider (a dialled call is also reported with `avw-call-started`).
 *
 * It asks for the workbench to open when the agent signs in and when a call
 * connects (`avw-workbench-open-request`), as the workbench does by itself.
 *
 * @summary Agent sign-in and state, outbound dial and call controls, with the call timer.
 * @tag connection-bar
 *
 * @csspart base - The bar.
 * @csspart agent - The agent's state and sign-in controls.
 * @csspart call - The current call's summary and controls.
 * @csspart timer - The call duration.
 * @csspart dial - The outbound dial form.
 * @csspart error - The message of a failed action, with Retry.
 *
 * @cssprop --avw-color-surface - Bar background.
 * @cssprop --avw-color-success - The answer button and the ready state.
 * @cssprop --avw-color-danger - The hang-up button and error messages.
 * @cssprop --avw-color-warning - The held and rest states.
 *
 * @event avw-agent-state-changed - The agent's state changed. Carries `agent`, `state` and `previousState`.
 * @event avw-workbench-open-request - Cancelable: asks to open the workbench. `reason` is `sign-in` or `call-connected` (`host` when a host dispatches it).
 * @event avw-call-started - An outbound call was placed. Carries the new `call`.
 */
export class ConnectionBar extends WorkbenchElement {
  static override styles = styles;

  /** @internal */
  @state() protected pending: Action | null = null;
  /** @internal */
  @state() protected failure: Failure | null = null;
  /** @internal */
  @state() protected dialDraft = '';
  /** @internal */
  @state() protected dialProblem: PhoneProblem | null = null;
  /** The latest agent an action returned, until the provider (or the host) says otherwise. @internal */
  @state() protected ownAgent: Agent | null = null;
  /** The latest call an action returned, until the provider (or the host) says otherwise. @internal */
  @state() protected ownCall: CallSession | null = null;

  /** @internal */
  protected readonly clock = new ClockController(this);

  /** @internal */
  protected readonly restReasons = new Task(this, {
    task: async ([backend, signedIn], { signal }): Promise<readonly RestReason[]> =>
      backend && signedIn ? backend.listRestReasons({ signal }) : [],
    args: () => [this.currentBackend, this.shownAgent !== null && this.shownAgent.state !== 'signed-out'] as const,
  });

  #upstreamAgent?: Agent | null;
  #upstreamCall?: CallSession | null;
  #lastAgentState?: AgentStateName | null;
  #openedForCallId?: string;
  #dialKey = '';
  #abort?: AbortController;

  /** The agent on screen. @internal */
  protected get shownAgent(): Agent | null {
    return this.ownAgent ?? this.currentAgent;
  }

  /** The call on screen. @internal */
  protected get shownCall(): CallSession | null {
    return this.ownCall ?? this.currentCall;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A newer value from the provider or the host replaces what our own action returned.
    if (this.currentAgent !== this.#upstreamAgent) {
      this.#upstreamAgent = this.currentAgent;
      this.ownAgent = null;
    }
    if (this.currentCall !== this.#upstreamCall) {
      this.#upstreamCall = this.currentCall;
      this.ownCall = null;
    }
    const call = this.shownCall;
    this.clock.running = call?.state === 'connected' || call?.state === 'held';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const agent = this.shownAgent;
    const last = this.#lastAgentState;
    if (agent) {
      if (last && agent.state !== last) this.dispatchEvent(new AgentStateChangedEvent(agent, last));
      this.#lastAgentState = agent.state;
    }
    const call = this.shownCall;
    // Once per call, the first time it is seen connected: resuming from hold is not a new connection.
    if (call?.state === 'connected' && call.id !== this.#openedForCallId) {
      this.#openedForCallId = call.id;
      this.dispatchEvent(new WorkbenchOpenRequestEvent('call-connected', call.id));
    }
  }

  /** Runs one action with its pending, error and retry handling. */
  async #act<T>(action: Action, run: (signal: AbortSignal) => Promise<T>, done: (result: T) => void): Promise<void> {
    const fail = (message: string) => {
      this.failure = { action, message, retry: () => void this.#act(action, run, done) };
    };
    if (this.pending) return;
    if (!this.currentBackend) return fail(this.l10n.t('common.noBackend'));
    this.pending = action;
    this.failure = null;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      done(await run(abort.signal));
    } catch (error) {
      if (!abort.signal.aborted) fail(this.errorMessage(error));
    } finally {
      if (this.#abort === abort) this.pending = null;
    }
  }

  #takeAgent = (agent: Agent) => {
    this.ownAgent = agent;
  };

  #takeCall = (call: CallSession) => {
    this.ownCall = call;
  };

  #signIn(): void {
    void this.#act(
      'sign-in',
      (signal) => this.currentBackend!.signIn({ signal }),
      (agent) => {
        this.#takeAgent(agent);
        this.dispatchEvent(new WorkbenchOpenRequestEvent('sign-in'));
      },
    );
  }

  #signOut(): void {
    void this.#act('sign-out', (signal) => this.currentBackend!.signOut({ signal }), this.#takeAgent);
  }

  #onStateChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const [name, reason] = select.value.split(':', 2) as [AgentStateName, string | undefined];
    void this.#act('state', (signal) => this.currentBackend!.setAgentState(name, reason, { signal }), this.#takeAgent);
  }

  #callAction(action: CallAction): void {
    const id = this.shownCall?.id;
    if (!id) return;
    const run = (signal: AbortSignal) => {
      const backend = this.currentBackend!;
      const options = { signal };
      return action === 'mute' || action === 'unmute'
        ? backend.setMuted(id, action === 'mute', options)
        : backend[action === 'hang-up' ? 'hangUp' : action](id, options);
    };
    void this.#act(action, run, this.#takeCall);
  }

  #onDialInput(event: InputEvent): void {
    this.dialDraft = (event.target as HTMLInputElement).value;
    this.dialProblem = null;
    // Another number is another action: it gets its own idempotency key.
    this.#dialKey = '';
    if (this.failure?.action === 'dial') this.failure = null;
  }

  #dial(event: Event): void {
    event.preventDefault();
    if (this.pending) return;
    const checked = toE164(this.dialDraft, this.currentConfig.defaultCountryCode);
    if (!checked.ok) {
      this.dialProblem = checked.problem;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#dial-input')?.focus());
      return;
    }
    this.dialProblem = null;
    if (!this.#dialKey) this.#dialKey = newIdempotencyKey();
    const key = this.#dialKey;
    void this.#act(
      'dial',
      (signal) => this.currentBackend!.dial(checked.value, { idempotencyKey: key, signal }),
      (call) => {
        this.#takeCall(call);
        this.dialDraft = '';
        this.#dialKey = '';
        this.dispatchEvent(new CallStartedEvent(call));
      },
    );
  }

  // ---- rendering ------------------------------------------------------------

  #button(
    action: Action,
    label: string,
    glyph: ReturnType<typeof svg>,
    enabled: boolean,
    cls = '',
    onClick = () => this.#callAction(action as CallAction),
  ) {
    const busy = this.pending === action;
    return html`<button
      type="button"
      class="action ${cls}"
      data-action=${action}
      ?disabled=${!enabled || this.pending !== null}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${onClick}
    >
      ${icon(glyph)}<span class="label">${label}</span>
    </button>`;
  }

  #renderStateSelect(agent: Agent) {
    const t = this.l10n.t.bind(this.l10n);
    const current = agent.state === 'rest' ? `rest:${agent.restReasonId ?? ''}` : agent.state;
    const settable = agent.state !== 'talking';
    const reasons = this.restReasons.value ?? [];
    const loading = this.restReasons.status === TaskStatus.PENDING || this.restReasons.status === TaskStatus.INITIAL;
    return html`<select
      class="state-select"
      aria-label=${t('connectionBar.agentState')}
      data-state=${agent.state}
      .value=${live(current)}
      ?disabled=${!settable || this.pending !== null}
      aria-busy=${this.pending === 'state' ? 'true' : 'false'}
      @change=${this.#onStateChange}
    >
      ${agent.state === 'talking' || agent.state === 'wrap-up'
        ? html`<option value=${agent.state} disabled ?selected=${true}>${t(`connectionBar.state.${agent.state}`)}</option>`
        : nothing}
      ${(['ready', 'busy'] as const).map((s) => html`<option value=${s} ?selected=${current === s}>${t(`connectionBar.state.${s}`)}</option>`)}
      <optgroup label=${t('connectionBar.restReasons')}>
        ${loading ? html`<option disabled>${t('connectionBar.restReasons.loading')}</option>` : nothing}
        ${reasons.map(
          (r) => html`<option value="rest:${r.id}" ?selected=${current === `rest:${r.id}`}>${t('connectionBar.restWithReason', { reason: r.label })}</option>`,
        )}
        ${agent.state === 'rest' && !reasons.some((r) => r.id === agent.restReasonId)
          ? html`<option value=${current} ?selected=${true}>${t('connectionBar.state.rest')}</option>`
          : nothing}
      </optgroup>
    </select>`;
  }

  #renderAgent(agent: Agent | null) {
    const t = this.l10n.t.bind(this.l10n);
    const signedIn = agent !== null && agent.state !== 'signed-out';
    const inCall = LIVE_STATES.has(this.shownCall?.state ?? 'ended');
    return html`<div part="agent" class="group agent">
      <span class="dot" data-state=${agent?.state ?? 'signed-out'} aria-hidden="true"></span>
      ${signedIn
        ? html`${this.#renderStateSelect(agent)}
          ${this.#button('sign-out', t('connectionBar.signOut'), ICONS.signOut, !inCall, '', this.#signOut)}`
        : html`<span class="agent-state">${t('connectionBar.state.signed-out')}</span>
            ${this.#button('sign-in', t('connectionBar.signIn'), ICONS.signIn, !!this.currentBackend, 'primary', this.#signIn)}`}
      ${this.restReasons.status === TaskStatus.ERROR && signedIn
        ? html`<span class="inline-error" role="alert">
            ${t('connectionBar.restReasons.failed')}
            <button type="button" class="link" @click=${() => this.restReasons.run()}>${t('common.retry')}</button>
          </span>`
        : nothing}
    </div>`;
  }

  #renderCall(call: CallSession | null) {
    const t = this.l10n.t.bind(this.l10n);
    const live = call !== null && LIVE_STATES.has(call.state);
    const ringing = call?.state === 'ringing';
    const held = call?.state === 'held';
    const talking = call?.state === 'connected' || held;
    const end = call?.endTime ?? this.clock.now();
    return html`<div part="call" class="group call" role="group" aria-label=${t('connectionBar.callControls')}>
      <span class="summary" data-state=${call?.state ?? 'none'}>
        ${call
          ? html`<span class="number">${call.customerNumber}</span>
              <span class="call-state">${t(`connectionBar.call.${call.state}`)}</span>
              ${call.muted && live ? html`<span class="call-state muted-flag">${t('connectionBar.muted')}</span>` : nothing}
              ${talking
                ? html`<time part="timer" class="timer" aria-label=${t('connectionBar.duration', { duration: this.l10n.duration(end - call.startTime) })}>
                    ${this.l10n.duration(end - call.startTime)}
                  </time>`
                : nothing}`
          : html`<span class="call-state">${t('connectionBar.noCall')}</span>`}
      </span>
      <span class="buttons">
        ${ringing && call.direction === 'inbound'
          ? this.#button('answer', t('connectionBar.answer'), ICONS.phone, true, 'answer')
          : nothing}
        ${held
          ? this.#button('resume', t('connectionBar.resume'), ICONS.resume, true)
          : this.#button('hold', t('connectionBar.hold'), ICONS.hold, call?.state === 'connected')}
        ${call?.muted && live
          ? this.#button('unmute', t('connectionBar.unmute'), ICONS.micOff, talking)
          : this.#button('mute', t('connectionBar.mute'), ICONS.mic, talking)}
        ${this.#button('hang-up', t('connectionBar.hangUp'), ICONS.hangUp, live, 'hang-up')}
      </span>
    </div>`;
  }

  #renderDial(busyWithCall: boolean) {
    const t = this.l10n.t.bind(this.l10n);
    const disabled = busyWithCall || this.pending !== null || !this.currentBackend;
    return html`<form part="dial" class="group dial" @submit=${this.#dial} novalidate>
      <input
        id="dial-input"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        aria-label=${t('connectionBar.dial.label')}
        placeholder=${t('connectionBar.dial.placeholder')}
        .value=${live(this.dialDraft)}
        aria-invalid=${this.dialProblem ? 'true' : 'false'}
        aria-describedby="dial-problem"
        ?disabled=${busyWithCall}
        @input=${this.#onDialInput}
      />
      <button type="submit" class="action answer" ?disabled=${disabled} aria-busy=${this.pending === 'dial' ? 'true' : 'false'}>
        ${icon(ICONS.phone)}<span class="label">${t('connectionBar.dial')}</span>
      </button>
      <span id="dial-problem" class="field-error" role="alert">${this.dialProblem ? t(`phone.${this.dialProblem}`) : nothing}</span>
    </form>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const agent = this.shownAgent;
    const call = this.shownCall;
    const signedIn = agent !== null && agent.state !== 'signed-out';
    const busyWithCall = call !== null && LIVE_STATES.has(call.state);
    return html`<section part="base" class="bar" aria-label=${t('connectionBar.label')} dir=${this.l10n.dir} aria-busy=${this.pending ? 'true' : 'false'}>
      ${this.#renderAgent(agent)}
      ${signedIn || busyWithCall
        ? html`${this.#renderCall(call)}${this.#renderDial(busyWithCall)}`
        : html`<p class="hint muted">${t('connectionBar.signedOutHint')}</p>`}
      ${this.failure
        ? html`<div part="error" class="error-box" role="alert">
            <span>${t(`connectionBar.failed.${this.failure.action}`)} ${this.failure.message}</span>
            <button type="button" class="retry" ?disabled=${this.pending !== null} @click=${() => this.failure?.retry()}>${t('common.retry')}</button>
          </div>`
        : nothing}
      <span class="visually-hidden" role="status">${this.pending ? t('connectionBar.working') : ''}</span>
    </section>`;
  }
}
