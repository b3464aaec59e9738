import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StreamStatus, TranscriptSegment, WorkbenchBackend, WorkbenchEvent } from '../../backend/types.js';
import { type WorkbenchEventHub, backendContext, configContext, eventHubContext } from '../../context/keys.js';
import {
  type CallSession,
  type IdentityAuthResult,
  type WorkbenchConfig,
  effectiveHandledNumber,
  resolveConfig,
} from '../../context/types.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { WorkbenchContextRoot } from '../../internal/context-root.js';
import {
  CallChangedEvent,
  CallStartedEvent,
  CustomerSavedEvent,
  HandledNumberChangedEvent,
  IdentityAuthChangedEvent,
} from '../../events/context-events.js';
import { addEnglish, directionOf } from '../../localize/registry.js';
import { styles } from './workbench-provider.styles.js';
import workbenchProviderEn from '../../localize/locales/en/workbench-provider.js';

addEnglish(workbenchProviderEn);

/**
 * The root a host wraps around its panels. It follows the backend's event
 * stream and provides the call, agent, customer, identity check, config,
 * locale and backend to every panel inside it through `@lit/context`. It is
 * the one writer of that context: panels ask for changes through the backend
 * and report them with events, and the provider publishes the result.
 *
 * @summary Shares one live call with every workbench panel inside it.
 * @tag workbench-provider
 *
 * @slot - The panels (and any host markup) that share this call.
 * @csspart status - The banner shown while the event stream reconnects.
 * @cssprop --avw-color-surface - Panel background; every `--avw-*` token set here reaches the panels inside.
 *
 * @event avw-call-changed - The call changed: a new call, state or handled number. `call` and `previous` carry both.
 *
 * @property call - The live call. The backend's events keep it current; a host may also set it.
 * @property agent - The signed-in agent.
 * @property customer - The customer on the call, looked up by the handled number when the call changes.
 * @property identityAuth - The latest identity check of this call.
 * @property locale - The locale of every panel inside (BCP 47, e.g. `en`, `zh-CN`).
 * @attr locale - The locale of every panel inside (BCP 47, e.g. `en`, `zh-CN`).
 * @property theme - The colour theme of every panel inside.
 * @attr theme - The colour theme of every panel inside.
 */
export class WorkbenchProvider extends WorkbenchContextRoot {
  static override styles = styles;

  /** The backend the panels talk to. */
  @provide({ context: backendContext })
  @property({ attribute: false })
  backend: WorkbenchBackend | null = null;

  /** Tenant configuration; missing parts take the documented defaults. */
  @property({ attribute: false }) config: Partial<WorkbenchConfig> = {};

  /** @internal */
  @provide({ context: configContext }) @state() protected resolvedConfig: WorkbenchConfig = resolveConfig({});

  /** @internal */
  @provide({ context: eventHubContext }) protected readonly hub = createHub();

  /** @internal */
  @state() protected streamStatus: StreamStatus = 'closed';

  readonly #l10n = new LocalizeController(this);
  #connection?: AbortController;
  #customerLookup?: AbortController;
  #lastCallEventSeq = 0;

  constructor() {
    super();
    this.addEventListener(HandledNumberChangedEvent.eventName, (e) => this.#setCall(e.call));
    this.addEventListener(CallStartedEvent.eventName, (e) => this.#setCall(e.call));
    this.addEventListener(CustomerSavedEvent.eventName, (e) => (this.customer = e.customer));
    this.addEventListener(IdentityAuthChangedEvent.eventName, (e) => this.#setIdentityAuth(e.result));
    this.hub.onStatus((status) => (this.streamStatus = status));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first update connects; this reconnects after the host moved us.
    if (this.hasUpdated && this.backend && !this.#connection) this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config')) this.resolvedConfig = resolveConfig(this.config);
    if (changed.has('backend') && this.isConnected) {
      this.#disconnect();
      if (this.backend) this.#connect();
    }
    if (changed.has('call')) {
      const previous = (changed.get('call') as CallSession | null | undefined) ?? null;
      this.#callChanged(previous);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      // lang and dir follow the locale unless the host set them: an
      // attribute that differs from what we last wrote is the host's.
      this.#follow('dir', directionOf(this.locale));
      this.#follow('lang', this.locale);
    }
  }

  /** What we last wrote to `dir` and `lang`; undefined once the host chose its own. */
  readonly #written: { dir?: string; lang?: string } = {};

  #follow(name: 'dir' | 'lang', value: string): void {
    const current = this.getAttribute(name);
    const ours = current === null || current === this.#written[name];
    if (ours) this.setAttribute(name, value);
    this.#written[name] = ours ? value : undefined;
  }

  #connect(): void {
    const backend = this.backend!;
    const connection = new AbortController();
    this.#connection = connection;
    this.hub.setStatus('connecting');
    const subscription = backend.subscribe((event) => this.#onEvent(event), {
      signal: connection.signal,
      onStatus: (status) => this.hub.setStatus(status),
    });
    connection.signal.addEventListener('abort', () => subscription.close());
    // Subscribe first, then read the current state: an event that arrives
    // meanwhile is newer than the snapshot and wins.
    const seqAtStart = this.#lastCallEventSeq;
    backend
      .getCurrentCall({ signal: connection.signal })
      .then((call) => {
        if (this.#lastCallEventSeq === seqAtStart && this.call === null) this.#setCall(call);
      })
      .catch(() => undefined);
    backend
      .getAgent({ signal: connection.signal })
      .then((agent) => {
        if (!this.agent) this.agent = agent;
      })
      .catch(() => undefined);
  }

  #disconnect(): void {
    // Closes the subscription too.
    this.#connection?.abort();
    this.#connection = undefined;
    this.#customerLookup?.abort();
  }

  #onEvent(event: WorkbenchEvent): void {
    this.hub.emit(event);
    switch (event.type) {
      case 'call':
        this.#lastCallEventSeq = event.seq;
        this.#setCall(event.call);
        break;
      case 'agent':
        this.agent = event.agent;
        break;
      case 'identity-auth':
        this.#setIdentityAuth(event.result);
        break;
      case 'transcript':
        break;
    }
  }

  #setCall(call: CallSession | null): void {
    this.call = call ? Object.freeze({ ...call }) : null;
  }

  #setIdentityAuth(result: IdentityAuthResult): void {
    if (this.call && result.callId !== this.call.id) return;
    // A late "in progress" (a slow start response) never replaces the
    // outcome of the same check that the stream already delivered.
    const current = this.identityAuth;
    if (current?.id === result.id && current.status !== 'in-progress' && result.status === 'in-progress') return;
    this.identityAuth = Object.freeze({ ...result });
  }

  #callChanged(previous: CallSession | null): void {
    const call = this.call;
    if (previous?.id !== call?.id) {
      this.identityAuth = null;
      this.hub.reset();
    }
    if (effectiveHandledNumber(previous) !== effectiveHandledNumber(call) || previous?.id !== call?.id) {
      this.#lookUpCustomer();
    }
    this.dispatchEvent(new CallChangedEvent(call, previous));
  }

  #lookUpCustomer(): void {
    this.#customerLookup?.abort();
    const number = effectiveHandledNumber(this.call);
    // Never show the previous caller's data while the next one loads.
    this.customer = null;
    if (!number || !this.backend) return;
    const lookup = new AbortController();
    this.#customerLookup = lookup;
    this.backend
      .findCustomerByNumber(number, { signal: lookup.signal })
      .then((customer) => {
        if (!lookup.signal.aborted) this.customer = customer;
      })
      .catch(() => undefined);
  }

  protected override render() {
    return html`${this.streamStatus === 'reconnecting'
        ? html`<div part="status" role="status">${this.#l10n.t('provider.stream.reconnecting')}</div>`
        : nothing}<slot></slot>`;
  }
}

function createHub(): WorkbenchEventHub & {
  emit(event: WorkbenchEvent): void;
  setStatus(status: StreamStatus): void;
  reset(): void;
} {
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  const statusListeners = new Set<(status: StreamStatus) => void>();
  let segments = new Map<string, TranscriptSegment>();
  const hub = {
    lastSeq: 0,
    status: 'closed' as StreamStatus,
    subscribe(listener: (event: WorkbenchEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(listener: (status: StreamStatus) => void) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    transcript: () => [...segments.values()],
    emit(event: WorkbenchEvent) {
      // A resumed stream must not double an event.
      if (event.seq <= hub.lastSeq) return;
      hub.lastSeq = event.seq;
      if (event.type === 'transcript') segments.set(event.segment.id, event.segment);
      for (const listener of [...listeners]) listener(event);
    },
    setStatus(status: StreamStatus) {
      hub.status = status;
      for (const listener of [...statusListeners]) listener(status);
    },
    reset() {
      segments = new Map();
    },
  };
  return hub;
}
