import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendError, isBackendError, newIdempotencyKey } from '../../backend/errors.js';
import type { WorkbenchEvent } from '../../backend/types.js';
import { type WorkbenchEventHub, eventHubContext } from '../../context/keys.js';
import type { ScreenPopupPage, WorkbenchConfig } from '../../context/types.js';
import {
  type ForwardableMethod,
  type FrameContextSnapshot,
  type ParentMessage,
  type RequestMessage,
  type SerializedBackendError,
  METHOD_ARITY,
  allowedMethods,
  frameMessage,
  grantsTranscript,
  isForwardableMethod,
  parseBridgeMessage,
} from '../../internal/frame-protocol.js';
import { tabKeyTarget } from '../../internal/tab-keys.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { type PopupUrlCheck, type PopupUrlProblem, buildPopupUrl, checkPopupUrl, popupSandbox } from '../../util/popup-url.js';
import { ScreenPopupOpenedEvent } from './screen-popup.events.js';
import { styles } from './screen-popup.styles.js';
import { addEnglish } from '../../localize/registry.js';
import screenPopupEn from '../../localize/locales/en/screen-popup.js';

addEnglish(screenPopupEn);

/** One configured page, checked against the trust list. */
type CheckedPage = { readonly page: ScreenPopupPage } & PopupUrlCheck;

/** The origin of an address; an unparsable one has none to name (''). */
const originOf = (url: string): string => (URL.canParse(url) ? new URL(url).origin : '');

/** What the parent knows about one embedded page's window. */
interface FrameLink {
  readonly page: ScreenPopupPage;
  readonly origin: string;
  readonly allowed: ReadonlySet<ForwardableMethod>;
  /** The page is granted the live transcript. */
  readonly transcript: boolean;
  /** The page said hello: it gets context pushes from now on. */
  greeted: boolean;
  readonly inflight: Map<string, AbortController>;
}

// Writes need a key; a bridge that forgot one still must not act twice per request.
const WRITE_METHODS: ReadonlySet<ForwardableMethod> = new Set<ForwardableMethod>([
  'dial',
  'callback',
  'setHandledNumber',
  'createCustomer',
  'updateCustomer',
  'sendNotification',
  'saveCallReason',
  'createHarassmentRecord',
  'startIdentityAuth',
]);

/**
 * The tenant's third-party pages for the call, as tabs. Each page either
 * loads in a sandboxed iframe or opens in its own window, and receives the
 * call as URL parameters (`callerNum`, `calledNum`, `callid`, `mediaType`,
 * `callType`, `workNo`, `callskill`, `callskillid`, `agentName`). Only https
 * pages whose exact origin is on `config.trustedOrigins` load; anything else
 * is refused with a message naming the page.
 *
 * An embedded page that runs `<workbench-frame-bridge>` also receives the
 * live call, customer, locale and theme over postMessage, and may call the
 * backend through this element: read-only methods always, anything else only
 * when the page's `grants` list it. A page granted `transcript` also gets the
 * current call's transcript from the event hub (`eventHubContext`, or the
 * `eventHub` property), line by line. See docs/tenant-pages.md.
 *
 * @summary The tenant's screen pop-up pages as tabs, with the call passed to each.
 * @tag screen-popup
 *
 * @csspart base - The panel.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart frame - The iframe of an embedded page.
 * @csspart notice - Configuration notices: pages left out, pages refused.
 * @csspart empty - The message shown when no page is configured.
 *
 * @cssprop --avw-screen-popup-frame-height - Height of an embedded page (default 480px).
 * @cssprop --avw-color-border - Tab and frame borders.
 * @cssprop --avw-color-primary - The selected tab's marker.
 * @cssprop --avw-color-warning-bg - Background of configuration notices.
 *
 * @event avw-screen-popup-opened - A window-mode page was opened. Carries `page` and `url`.
 */
export class ScreenPopup extends WorkbenchElement {
  static override styles = styles;

  /** Development only: let pages on `http://localhost` and `http://127.0.0.1` load (they must still be trusted). */
  @property({ type: Boolean, attribute: 'allow-insecure-localhost' }) allowInsecureLocalhost = false;

  /** The theme sent to embedded pages. Unset: the nearest `theme` attribute above (a provider's), else light. */
  @property() theme?: 'light' | 'dark';

  /** The live event feed relayed to pages granted `transcript`. Unset: the provider's (`eventHubContext`). */
  @property({ attribute: false }) eventHub?: WorkbenchEventHub | null;

  /** @internal */
  @consume({ context: eventHubContext, subscribe: true }) @state() protected contextHub?: WorkbenchEventHub | null;

  /** @internal */
  @state() protected activeIndex = 0;
  /** Tabs shown at least once: their iframes stay loaded when another tab is chosen. @internal */
  @state() protected visited: ReadonlySet<number> = new Set([0]);
  /** @internal */
  @state() protected announcement?: string;
  /** @internal */
  @state() protected inheritedTheme: 'light' | 'dark' = 'light';

  readonly #pages = new Task(this, {
    task: async ([configured, backend], { signal }): Promise<readonly ScreenPopupPage[]> => {
      if (configured) return configured;
      return backend ? backend.listScreenPopups({ signal }) : [];
    },
    args: () => [this.currentConfig.screenPopups, this.currentBackend] as const,
  });

  readonly #links = new Map<Window, FrameLink>();
  /** Unset until the first update follows the hub, or none. */
  #subscribedHub?: WorkbenchEventHub | null;
  #unsubscribeHub: Array<() => void> = [];
  #themeObserver?: MutationObserver;
  #lastPushed: readonly unknown[] = [];
  /**
   * Origins the host page's own Content-Security-Policy would not frame
   * (`frame-src`): their tabs say so, instead of the browser's blocked page.
   */
  readonly #policyBlocked = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.#onMessage);
    document.addEventListener('securitypolicyviolation', this.#onPolicyViolation);
    this.#watchTheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.#onMessage);
    document.removeEventListener('securitypolicyviolation', this.#onPolicyViolation);
    this.#themeObserver?.disconnect();
    this.#followHub(null);
    this.#forgetWindows(new Set());
  }

  get #currentHub(): WorkbenchEventHub | null {
    return this.eventHub !== undefined ? this.eventHub : (this.contextHub ?? null);
  }

  #followHub(hub: WorkbenchEventHub | null): void {
    for (const off of this.#unsubscribeHub) off();
    this.#subscribedHub = hub;
    this.#unsubscribeHub = hub
      ? [
          hub.subscribe((event) => this.#relayEvent(event)),
          // A stream status change goes out with the next snapshot.
          hub.onStatus(() => this.requestUpdate()),
        ]
      : [];
  }

  /** Passes a transcript line of the current call on to every page granted `transcript`. */
  #relayEvent(event: WorkbenchEvent): void {
    if (event.type !== 'transcript' || event.callId !== this.currentCall?.id) return;
    const message = frameMessage<ParentMessage>({ type: 'event', event: { type: 'transcript', callId: event.callId, segment: event.segment } });
    for (const [win, link] of this.#links) if (link.greeted && link.transcript) this.#post(win, link, message);
  }

  /** Follows the theme of the nearest themed ancestor, across shadow roots. */
  #watchTheme(): void {
    // Only from connectedCallback: disconnectedCallback stopped the last observer.
    let node: Node | null = this.parentNode;
    // A provider reflects its theme only after its first update, so look for it by name as well.
    while (node && !(node instanceof Element && (node.hasAttribute('theme') || node.localName === 'workbench-provider'))) {
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    // The loop stops only at such an element, or at nothing.
    const themed = node as Element | null;
    if (!themed) return;
    const read = () => (this.inheritedTheme = themed.getAttribute('theme') === 'dark' ? 'dark' : 'light');
    read();
    this.#themeObserver = new MutationObserver(read);
    this.#themeObserver.observe(themed, { attributes: true, attributeFilter: ['theme'] });
  }

  get #effectiveTheme(): 'light' | 'dark' {
    return this.theme === 'dark' || this.theme === 'light' ? this.theme : this.inheritedTheme;
  }

  // ---- the parent side of the frame protocol ------------------------------------

  #snapshot(link: FrameLink): FrameContextSnapshot {
    // A third-party page learns nothing of the other pages or the trust list.
    const { screenPopups: _pages, trustedOrigins: _origins, ...config } = this.currentConfig;
    const hub = this.#currentHub;
    const call = this.currentCall;
    return {
      call,
      agent: this.currentAgent,
      customer: this.currentCustomer,
      identityAuth: this.contextIdentityAuth ?? null,
      config: config as WorkbenchConfig,
      locale: this.l10n.requestedTag,
      theme: this.#effectiveTheme,
      allowed: [...link.allowed],
      streamStatus: hub?.status ?? 'closed',
      ...(link.transcript && hub && call ? { transcript: hub.transcript() } : {}),
    };
  }

  #post(win: Window, link: FrameLink, message: ParentMessage): void {
    // Only ever to the page's exact origin: if the frame navigated elsewhere, the browser drops it.
    win.postMessage(message, link.origin);
  }

  /** The link for a message, only when it comes from one of our iframes and from that page's origin. */
  #linkFor(event: MessageEvent): { win: Window; link: FrameLink } | null {
    const win = event.source as Window | null;
    if (!win) return null;
    for (const frame of this.renderRoot.querySelectorAll<HTMLIFrameElement>('iframe[data-index]')) {
      // Anything but one of our frames' windows (a port, a worker) matches none.
      if (frame.contentWindow !== win) continue;
      let link = this.#links.get(win);
      const checked = this.#shownPages[Number(frame.dataset.index)];
      if (!checked?.ok) return null;
      if (!link || link.page !== checked.page) {
        link = {
          page: checked.page,
          origin: checked.url.origin,
          allowed: allowedMethods(checked.page.grants),
          transcript: grantsTranscript(checked.page.grants),
          greeted: false,
          inflight: new Map(),
        };
        this.#links.set(win, link);
      }
      return event.origin === link.origin ? { win, link } : null;
    }
    return null;
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const found = this.#linkFor(event);
    if (!found) return;
    const message = parseBridgeMessage(event.data);
    if (!message) return;
    const { win, link } = found;
    switch (message.type) {
      case 'hello':
        link.greeted = true;
        this.#post(win, link, frameMessage({ type: 'context', snapshot: this.#snapshot(link) }));
        break;
      case 'cancel':
        link.inflight.get(message.id)?.abort();
        break;
      case 'request':
        void this.#carryOut(win, link, message);
        break;
    }
  };

  #refuse(win: Window, link: FrameLink, id: string, error: SerializedBackendError): void {
    this.#post(win, link, frameMessage({ type: 'response', id, ok: false, error }));
  }

  async #carryOut(win: Window, link: FrameLink, request: RequestMessage): Promise<void> {
    const { id, method } = request;
    if (link.inflight.has(id)) return;
    if (!isForwardableMethod(method) || !link.allowed.has(method)) {
      this.#refuse(win, link, id, {
        kind: 'forbidden',
        message: `The screen pop-up page "${link.page.id}" may not call ${String(method)}.`,
        code: 'not-granted',
      });
      return;
    }
    const backend = this.currentBackend;
    if (!backend) {
      this.#refuse(win, link, id, { kind: 'unavailable', message: 'The workbench has no backend.' });
      return;
    }
    const arity = METHOD_ARITY[method];
    if (request.args.length !== arity) {
      this.#refuse(win, link, id, { kind: 'validation', message: `${method} takes ${arity} arguments.`, code: 'arguments' });
      return;
    }
    const controller = new AbortController();
    link.inflight.set(id, controller);
    const options = {
      signal: controller.signal,
      ...(WRITE_METHODS.has(method) && { idempotencyKey: request.idempotencyKey ?? newIdempotencyKey() }),
    };
    try {
      const value: unknown = await (backend[method] as (...args: unknown[]) => Promise<unknown>)(...request.args, options);
      this.#post(win, link, frameMessage({ type: 'response', id, ok: true, value }));
    } catch (error) {
      const e = isBackendError(error) ? error : new BackendError('unavailable', 'The request failed.');
      this.#refuse(win, link, id, { kind: e.kind, message: e.message, field: e.field, code: e.code });
    } finally {
      link.inflight.delete(id);
    }
  }

  /** Sends a fresh snapshot to every greeted page when anything it carries changed. */
  #pushContext(): void {
    const current = [
      this.currentCall,
      this.currentAgent,
      this.currentCustomer,
      this.contextIdentityAuth,
      this.currentConfig,
      this.l10n.requestedTag,
      this.#effectiveTheme,
      this.#currentHub?.status,
    ];
    if (current.every((value, i) => value === this.#lastPushed[i])) return;
    this.#lastPushed = current;
    for (const [win, link] of this.#links) {
      if (link.greeted) this.#post(win, link, frameMessage({ type: 'context', snapshot: this.#snapshot(link) }));
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const hub = this.isConnected ? this.#currentHub : null;
    if (hub !== this.#subscribedHub) this.#followHub(hub);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Forget windows whose iframe is gone (tab list changed, page reloaded elsewhere).
    this.#forgetWindows(new Set([...this.renderRoot.querySelectorAll('iframe')].map((f) => f.contentWindow)));
    this.#pushContext();
  }

  /** Drops the links of windows other than `live`, cancelling their requests in flight. */
  #forgetWindows(live: ReadonlySet<Window | null>): void {
    for (const [win, link] of this.#links) {
      if (!live.has(win)) {
        for (const controller of link.inflight.values()) controller.abort();
        this.#links.delete(win);
      }
    }
  }

  // ---- tabs ---------------------------------------------------------------------

  #shownPages: CheckedPage[] = [];
  #shownActive = 0;

  #select(index: number, focus?: boolean): void {
    this.activeIndex = index;
    if (!this.visited.has(index)) this.visited = new Set([...this.visited, index]);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${index}`)?.focus());
  }

  #onTabKeydown(event: KeyboardEvent): void {
    const rtl = this.l10n.dir === 'rtl' || getComputedStyle(this).direction === 'rtl';
    const next = tabKeyTarget(event, this.#shownActive, this.#shownPages.length, rtl);
    if (next >= 0) this.#select(next, true);
  }

  #openWindow(checked: Extract<CheckedPage, { ok: true }>): void {
    const url = buildPopupUrl(checked.url, this.currentCall, this.currentAgent);
    // noopener: the page gets no handle on the workbench window; noreferrer: nor its address.
    window.open(url, '_blank', 'noopener,noreferrer');
    this.announcement = this.l10n.t('screenPopup.window.opened', { title: this.#titleOf(checked.page) });
    this.dispatchEvent(new ScreenPopupOpenedEvent(checked.page, url));
  }

  #onPolicyViolation = (event: SecurityPolicyViolationEvent): void => {
    if (event.effectiveDirective !== 'frame-src' && event.effectiveDirective !== 'child-src') return;
    const origin = originOf(event.blockedURI);
    // Only a frame of ours: another element's blocked frame is not ours to explain.
    const frames = [...this.renderRoot.querySelectorAll<HTMLIFrameElement>('iframe[data-index]')];
    const frame = origin && frames.find((f) => originOf(f.src) === origin);
    if (!frame || this.#policyBlocked.has(origin)) return;
    this.#policyBlocked.add(origin);
    const page = this.#shownPages[Number(frame.dataset.index)];
    if (page?.ok) this.announcement = this.#refusalText(page.page, 'csp');
    this.requestUpdate();
  };

  #titleOf(page: ScreenPopupPage): string {
    return typeof page.title === 'string' && page.title.trim() ? page.title : this.l10n.t('screenPopup.untitled');
  }

  #refusalText(page: ScreenPopupPage, problem: PopupUrlProblem | 'csp'): string {
    const t = this.l10n.t.bind(this.l10n);
    return t('screenPopup.refused', {
      title: this.#titleOf(page),
      reason: t(`screenPopup.refused.${problem}`, { origin: originOf(page.url) }),
    });
  }

  #renderPanel(checked: CheckedPage, index: number) {
    const t = this.l10n.t.bind(this.l10n);
    const active = index === this.#shownActive;
    const title = this.#titleOf(checked.page);
    let body: unknown = nothing;
    if (!checked.ok || this.#policyBlocked.has(checked.url.origin)) {
      const problem = checked.ok ? 'csp' : checked.problem;
      body = html`<p part="notice" class="notice refused" data-problem=${problem}>${this.#refusalText(checked.page, problem)}</p>`;
    } else if (checked.page.open === 'window') {
      body = html`<div class="window">
        <p>${t('screenPopup.window.note', { title })}</p>
        <button type="button" class="primary open" @click=${() => this.#openWindow(checked)}>${t('screenPopup.window.open', { title })}</button>
      </div>`;
    } else if (active || this.visited.has(index)) {
      body = html`<iframe
        part="frame"
        data-index=${index}
        title=${t('screenPopup.frameTitle', { title })}
        src=${buildPopupUrl(checked.url, this.currentCall, this.currentAgent)}
        sandbox=${popupSandbox(checked.page.allowPopups === true)}
        referrerpolicy="no-referrer"
        loading="lazy"
      ></iframe>`;
    }
    return html`<div
      part="panel"
      class="panel"
      role="tabpanel"
      id="panel-${index}"
      aria-labelledby="tab-${index}"
      tabindex="0"
      ?hidden=${!active}
    >
      ${body}
    </div>`;
  }

  #renderPages(all: readonly ScreenPopupPage[]) {
    const t = this.l10n.t.bind(this.l10n);
    const config = this.currentConfig;
    const max = Math.max(0, config.limits.screenPopupMax);
    const policy = { trustedOrigins: config.trustedOrigins ?? [], hostOrigin: location.origin, allowInsecureLocalhost: this.allowInsecureLocalhost };
    // The pages shown, each checked against the trust list, and those beyond the limit.
    const shown: CheckedPage[] = all.slice(0, max).map((page) => ({ page, ...checkPopupUrl(page.url, policy) }));
    const omitted = all.slice(max);
    this.#shownPages = shown;
    // The list may have shrunk under the chosen tab: show the first instead.
    this.#shownActive = this.activeIndex < shown.length ? this.activeIndex : 0;
    const omittedNotice = omitted.length
      ? html`<p part="notice" class="notice omitted">
          ${t('screenPopup.omitted', {
            max: config.limits.screenPopupMax,
            titles: new Intl.ListFormat(this.l10n.locale).format(omitted.map((p) => this.#titleOf(p))),
          })}
        </p>`
      : nothing;
    if (!shown.length) {
      return html`${omittedNotice}<p part="empty" class="state">${t('screenPopup.empty')}</p>`;
    }
    return html`${omittedNotice}
      <div part="tabs" class="tabs" role="tablist" aria-label=${t('screenPopup.title')} @keydown=${this.#onTabKeydown}>
        ${shown.map((checked, index) => {
          const selected = index === this.#shownActive;
          return html`<button
            part="tab"
            class="tab"
            type="button"
            role="tab"
            id="tab-${index}"
            aria-selected=${selected}
            aria-controls="panel-${index}"
            tabindex=${selected ? 0 : -1}
            ?data-refused=${!checked.ok}
            @click=${() => this.#select(index)}
          >
            ${this.#titleOf(checked.page)}
          </button>`;
        })}
      </div>
      ${shown.map((checked, index) => this.#renderPanel(checked, index))}`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    return html`<section part="base" aria-label=${t('screenPopup.title')} dir=${this.l10n.dir}>
      ${this.#pages.render({
        initial: () => html`<p class="state" aria-busy="true">${t('common.loading')}</p>`,
        pending: () => html`<p class="state" aria-busy="true">${t('common.loading')}</p>`,
        error: (error) => html`<div class="error-box" role="alert">
          <span>${t('screenPopup.loadFailed')} ${this.errorMessage(error)}</span>
          <button type="button" class="retry" @click=${() => this.#pages.run()}>${t('common.retry')}</button>
        </div>`,
        complete: (all) => this.#renderPages(all),
      })}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}
