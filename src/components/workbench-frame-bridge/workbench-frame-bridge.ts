import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WorkbenchBackend } from '../../backend/types.js';
import { backendContext, configContext, eventHubContext } from '../../context/keys.js';
import { type WorkbenchConfig, resolveConfig } from '../../context/types.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { WorkbenchContextRoot } from '../../internal/context-root.js';
import {
  type BridgeMessage,
  type ForwardableMethod,
  type FrameContextSnapshot,
  type FrameEvent,
  exactOrigin,
  frameMessage,
  parseParentMessage,
} from '../../internal/frame-protocol.js';
import { addEnglish, directionOf } from '../../localize/registry.js';
import { FrameBackend } from './frame-backend.js';
import { FrameEventHub } from './frame-hub.js';
import { FrameContextChangedEvent } from './workbench-frame-bridge.events.js';
import { styles } from './workbench-frame-bridge.styles.js';
import frameBridgeEn from '../../localize/locales/en/frame-bridge.js';

addEnglish(frameBridgeEn);

/** Where the bridge stands with its parent. */
export type FrameBridgeStatus = 'connecting' | 'connected' | 'not-framed' | 'no-origin';

const HELLO_INTERVAL_MS = 500;
const HELLO_ATTEMPTS = 20;

/**
 * Runs inside a tenant's screen pop-up page and makes it part of the
 * workbench: it greets the parent `<screen-popup>` over postMessage, receives
 * the live call, agent, customer, identity check, config, locale and theme,
 * and provides them to the workbench elements nested in it through the same
 * contexts as `<workbench-provider>`. Their backend calls are forwarded to
 * the parent, which carries out only what this page is granted. It also
 * provides an event hub: call, agent and identity-check changes, and the
 * live transcript when the page is granted `transcript` (so
 * `<realtime-transfer>` works inside).
 *
 * It talks only to `window.parent`, posts only to `parent-origin`, and
 * ignores every message from any other window or origin.
 *
 * @summary Gives a tenant's pop-up page the workbench's call, over postMessage.
 * @tag workbench-frame-bridge
 *
 * @slot - The workbench elements (and any page markup) that share the parent's call.
 * @csspart status - The line shown while connecting, or why the page cannot connect.
 * @cssprop --avw-color-surface - Like every `--avw-*` token, set here from the parent's theme and inherited by the elements inside.
 *
 * @event avw-frame-context-changed - The parent sent a new context snapshot. Carries `snapshot`.
 *
 * @property call - The parent's call. Set by the bridge from the parent's messages.
 * @property agent - The parent's agent. Set by the bridge.
 * @property customer - The parent's customer. Set by the bridge.
 * @property identityAuth - The parent's latest identity check. Set by the bridge.
 * @property locale - The parent's locale. Set by the bridge.
 * @attr locale - The parent's locale. Set by the bridge.
 * @property theme - The parent's theme. Set by the bridge.
 * @attr theme - The parent's theme. Set by the bridge.
 */
export class WorkbenchFrameBridge extends WorkbenchContextRoot {
  static override styles = styles;

  /** The exact origin of the workbench that embeds this page (`https://workbench.example.com`). Required. */
  @property({ attribute: 'parent-origin' }) parentOrigin = '';

  /** Where the bridge stands: `connecting`, `connected`, `not-framed` or `no-origin`. */
  @property({ reflect: true }) status: FrameBridgeStatus = 'connecting';

  /** The methods the parent lets this page call. */
  @property({ attribute: false }) allowed: readonly ForwardableMethod[] = [];

  /** @internal */
  @provide({ context: configContext }) @state() protected config: WorkbenchConfig = resolveConfig({});

  /** The forwarding backend, provided once the parent answered. @internal */
  @provide({ context: backendContext }) @state() protected backend: WorkbenchBackend | null = null;

  /** The live events the parent relays; stable for the bridge's life, like the provider's hub. @internal */
  @provide({ context: eventHubContext }) protected readonly hub = new FrameEventHub();

  readonly #l10n = new LocalizeController(this);
  #frameBackend?: FrameBackend;
  #origin: string | null = null;
  #helloTimer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.status !== 'connected') this.locale = this.closest('[lang]')?.getAttribute('lang') || 'en';
    window.addEventListener('message', this.#onMessage);
    this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.#onMessage);
    this.#stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('parentOrigin') && this.isConnected && changed.get('parentOrigin') !== undefined) {
      this.#stop();
      this.#start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The page's own lang stands until the workbench says which locale the agent uses.
    if (changed.has('locale') && this.status === 'connected') {
      this.setAttribute('lang', this.locale);
      this.setAttribute('dir', directionOf(this.locale));
    }
  }

  #start(): void {
    this.#origin = exactOrigin(this.parentOrigin);
    if (!this.#origin) {
      this.status = 'no-origin';
      this.hub.setStatus('closed');
      return;
    }
    if (window.parent === window) {
      this.status = 'not-framed';
      this.hub.setStatus('closed');
      return;
    }
    this.status = 'connecting';
    this.hub.setStatus('connecting');
    const origin = this.#origin;
    this.#frameBackend = new FrameBackend((message: BridgeMessage) => window.parent.postMessage(message, origin));
    let attempts = 0;
    const hello = () => {
      if (++attempts > HELLO_ATTEMPTS) return this.#stopHello();
      window.parent.postMessage(frameMessage({ type: 'hello' }), origin);
    };
    hello();
    // The parent may not be listening yet (its element upgrades after the frame loads): say it again.
    this.#helloTimer = setInterval(hello, HELLO_INTERVAL_MS);
  }

  #stopHello(): void {
    clearInterval(this.#helloTimer);
    this.#helloTimer = undefined;
  }

  #stop(): void {
    this.#stopHello();
    this.#frameBackend?.dispose();
    this.#frameBackend = undefined;
    this.backend = null;
    this.hub.setStatus('closed');
  }

  readonly #onMessage = (event: MessageEvent): void => {
    // Only the embedding window, only from the origin the page was built for.
    if (!this.#origin || event.source !== window.parent || event.origin !== this.#origin || window.parent === window) return;
    const message = parseParentMessage(event.data);
    if (!message || !this.#frameBackend) return;
    if (message.type === 'response') this.#frameBackend.settle(message);
    else if (message.type === 'event') this.#relay(message.event);
    else this.#apply(message.snapshot);
  };

  #apply(snapshot: FrameContextSnapshot): void {
    this.#stopHello();
    const previous = { call: this.call, agent: this.agent, identityAuth: this.identityAuth };
    this.call = snapshot.call ? Object.freeze(snapshot.call) : null;
    this.agent = snapshot.agent ? Object.freeze(snapshot.agent) : null;
    this.customer = snapshot.customer ? Object.freeze(snapshot.customer) : null;
    this.identityAuth = snapshot.identityAuth ? Object.freeze(snapshot.identityAuth) : null;
    this.config = resolveConfig(snapshot.config);
    this.locale = snapshot.locale || 'en';
    this.theme = snapshot.theme === 'dark' ? 'dark' : 'light';
    this.allowed = Object.freeze(snapshot.allowed.filter((m): m is ForwardableMethod => typeof m === 'string'));
    this.status = 'connected';
    if (!this.backend) this.backend = this.#frameBackend!.backend;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (this.call && !same(this.call, previous.call)) this.#frameBackend!.publish({ type: 'call', call: this.call });
    if (this.agent && !same(this.agent, previous.agent)) this.#frameBackend!.publish({ type: 'agent', agent: this.agent });
    if (this.identityAuth && !same(this.identityAuth, previous.identityAuth)) {
      this.#frameBackend!.publish({ type: 'identity-auth', result: this.identityAuth });
      this.hub.emit({ type: 'identity-auth', result: this.identityAuth });
    }
    if (this.call && !same(this.call, previous.call)) this.hub.emit({ type: 'call', call: this.call });
    if (this.agent && !same(this.agent, previous.agent)) this.hub.emit({ type: 'agent', agent: this.agent });
    if (this.call && snapshot.transcript) this.hub.load(this.call.id, snapshot.transcript);
    this.hub.setStatus(snapshot.streamStatus ?? 'open');
    this.dispatchEvent(new FrameContextChangedEvent(snapshot));
  }

  /** A transcript line the parent relayed; one for a call other than the page's is dropped. */
  #relay(event: FrameEvent): void {
    if (this.status !== 'connected' || event.callId !== this.call?.id) return;
    this.hub.emit({ type: 'transcript', callId: event.callId, segment: Object.freeze({ ...event.segment }) });
  }

  protected override render() {
    const t = this.#l10n.t.bind(this.#l10n);
    let status: unknown = nothing;
    if (this.status === 'connecting') status = html`<div part="status" role="status">${t('frameBridge.connecting')}</div>`;
    else if (this.status === 'not-framed') status = html`<div part="status" role="alert">${t('frameBridge.notFramed')}</div>`;
    else if (this.status === 'no-origin') status = html`<div part="status" role="alert">${t('frameBridge.noOrigin')}</div>`;
    return html`${status}<slot></slot>`;
  }
}
