import { type Context, ContextConsumer, ContextEvent, ContextRoot } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html, type StaticValue } from 'lit/static-html.js';
import { isBackendError } from '../../backend/errors.js';
import type { WorkbenchBackend } from '../../backend/types.js';
import { agentContext, backendContext, callContext, configContext } from '../../context/keys.js';
import type { Agent, CallSession, WorkbenchConfig } from '../../context/types.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { staticTag } from '../../internal/tags.js';
import avWorkbenchEn from '../../localize/locales/en/av-workbench.js';
import { type MessageKey, addEnglish, format, loadLocale, messagesFor, resolveLocale } from '../../localize/registry.js';
import { BasicInformation } from '../basic-information/basic-information.js';
import { CallCallback } from '../call-callback/call-callback.js';
import { CallMessage } from '../call-message/call-message.js';
import { CallReason } from '../call-reason/call-reason.js';
import { type WorkbenchOpenReason, WorkbenchOpenRequestEvent } from '../connection-bar/connection-bar.events.js';
import { ContactRecords } from '../contact-records/contact-records.js';
import { CustomerInfo } from '../customer-info/customer-info.js';
import { HarassmentRecordPanel } from '../harassment-record/harassment-record.js';
import { HistoryContacts } from '../history-contacts/history-contacts.js';
import { IdentityAuth } from '../identity-auth/identity-auth.js';
import { NotifyEmail } from '../notify-email/notify-email.js';
import { NotifySms } from '../notify-sms/notify-sms.js';
import { NotifyWhatsapp } from '../notify-whatsapp/notify-whatsapp.js';
import { RealtimeTransfer } from '../realtime-transfer/realtime-transfer.js';
import { ScreenPopup } from '../screen-popup/screen-popup.js';
import { tabKeyTarget } from '../../internal/tab-keys.js';
import { WorkbenchProvider } from '../workbench-provider/workbench-provider.js';
import { type WorkbenchOpenedReason, WorkbenchClosedEvent, WorkbenchOpenedEvent } from './av-workbench.events.js';
import { styles } from './av-workbench.styles.js';

addEnglish(avWorkbenchEn);

/** Each area, by the slot that replaces it and the tag of the element shown when the slot is empty. */
const AREAS = {
  'call-message': CallMessage,
  'call-callback': CallCallback,
  'customer-info': CustomerInfo,
  'history-contacts': HistoryContacts,
  'contact-records': ContactRecords,
  'basic-information': BasicInformation,
  'call-reason': CallReason,
  'notify-sms': NotifySms,
  'notify-email': NotifyEmail,
  'notify-whatsapp': NotifyWhatsapp,
  'harassment-record': HarassmentRecordPanel,
  'identity-auth': IdentityAuth,
  'realtime-transfer': RealtimeTransfer,
  'screen-popup': ScreenPopup,
} as const satisfies Record<string, CustomElementConstructor>;

type Area = keyof typeof AREAS;

/** Every slot, areas and additions. */
const SLOTS: readonly string[] = [...Object.keys(AREAS), 'actions', 'extra'];
type Section = 'call' | 'customer' | 'actions' | 'live';
type TabGroup = 'actions' | 'live';

/** Each tab group's areas, in order, with their tab's label. */
const TABS: Record<TabGroup, Partial<Record<Area, MessageKey>>> = {
  actions: {
    'notify-sms': 'avWorkbench.tab.sms',
    'notify-email': 'avWorkbench.tab.email',
    'notify-whatsapp': 'avWorkbench.tab.whatsapp',
    'harassment-record': 'avWorkbench.tab.harassment',
    'identity-auth': 'avWorkbench.tab.identity',
  },
  live: {
    'realtime-transfer': 'avWorkbench.tab.transfer',
    'screen-popup': 'avWorkbench.tab.popups',
  },
};

const NO_CONFIG: Partial<WorkbenchConfig> = Object.freeze({});

/** Open requests dispatched by a workbench, so another workbench on the page leaves them alone. */
const dispatchedBy = new WeakMap<Event, AvWorkbench>();

/**
 * The whole Audio and Video Workbench, assembled from the panels. It shows
 * the areas the customer center feature calls for (off: call message,
 * customer information, history contacts and callback; on: contact records
 * and basic information), the in-call actions (call reason and remarks,
 * SMS, email and WhatsApp notifications, harassment record, identity
 * authentication) and tabs for the real-time transcript and the screen
 * pop-up pages. From a wide side panel down to a 320px CRM sidebar it lays
 * itself out by its own width (container queries): two columns when there is
 * room (640px and up), one column of collapsible sections when there is not.
 *
 * Given a `backend`, it wraps its panels in its own `<workbench-provider>`,
 * and its `theme` and `locale` reach every panel. Placed inside a
 * provider and given no backend, it uses that provider instead (set theme
 * and locale there); a `<connection-bar>` in the host's toolbar then shares
 * the same call.
 *
 * It opens by itself when the agent signs in and when a call connects: it
 * honours every `avw-workbench-open-request` that reaches the document
 * (a `<connection-bar>` anywhere on the page sends them) unless a listener
 * called `preventDefault()`, and, for a page without a connection bar, sends
 * such a request itself when it sees the sign-in or the connected call. One
 * moment opens it once, whoever noticed it first. Closed, it shows a
 * compact bar with the call and an Open button.
 *
 * @summary The assembled Audio and Video Workbench, with slots to replace or add areas.
 * @tag av-workbench
 *
 * @slot header - Added to the title bar, shown open or closed (a `<connection-bar>`, host buttons).
 * @slot call-message - Replaces the call message area.
 * @slot call-callback - Replaces the callback area.
 * @slot customer-info - Replaces the customer information area.
 * @slot history-contacts - Replaces the history contacts area.
 * @slot contact-records - Replaces the contact records area (customer center on).
 * @slot basic-information - Replaces the basic information area (customer center on).
 * @slot call-reason - Replaces the call reason and remarks area.
 * @slot notify-sms - Replaces the SMS tab's panel.
 * @slot notify-email - Replaces the email tab's panel.
 * @slot notify-whatsapp - Replaces the WhatsApp tab's panel.
 * @slot harassment-record - Replaces the harassment record tab's panel.
 * @slot identity-auth - Replaces the identity authentication tab's panel.
 * @slot realtime-transfer - Replaces the real-time transfer tab's panel.
 * @slot screen-popup - Replaces the screen pop-ups tab's panel.
 * @slot actions - Added to the in-call actions, after the call reason.
 * @slot extra - Added after every area, also while there is no call.
 *
 * @csspart base - The workbench, open or closed.
 * @csspart header - The title bar with the call summary and the Open / Collapse button.
 * @csspart toggle - The Open / Collapse button.
 * @csspart summary - The call's number and state in the title bar.
 * @csspart body - Everything below the title bar.
 * @csspart section - Each group of areas; also has the part of its name (`call`, `customer`, `actions`, `live`).
 * @csspart tabs - Each tab list.
 * @csspart tab - Each tab.
 * @csspart idle - The message shown while there is no call.
 * @csspart error - The message shown when the contact center cannot be reached, with Retry.
 *
 * @cssprop --avw-av-workbench-gap - Space between areas (default `--avw-space-3`).
 * @cssprop --avw-color-surface-sunken - The workbench background.
 * @cssprop --avw-color-primary - The selected tab's marker.
 *
 * @event avw-workbench-opened - The workbench opened. `reason`: `sign-in`, `call-connected`, `host` or `agent` (the Open button).
 * @event avw-workbench-closed - The workbench closed to its compact bar. `reason`: `agent` or `host`.
 * @event avw-workbench-open-request - Cancelable, sent by the workbench itself when it sees the agent sign in or a call connect and no connection bar asked first.
 */
export class AvWorkbench extends LitElement {
  static override styles = styles;

  /** Shown open; closed it is a compact bar. Reflected. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The backend. Set it and the workbench provides the call to its panels itself. */
  @property({ attribute: false }) backend?: WorkbenchBackend | null;

  /** Tenant configuration for the workbench's own provider; missing parts take the documented defaults. */
  @property({ attribute: false }) config?: Partial<WorkbenchConfig>;

  /**
   * The customer center feature, overriding `config.customerCenter`:
   * present (or `true`) on, `false` off, absent follows the configuration.
   */
  @property({
    attribute: 'customer-center',
    converter: { fromAttribute: (value: string | null) => (value === null ? undefined : value !== 'false') },
  })
  customerCenter?: boolean;

  /** Colour theme of every panel. Unset: the page's tokens (light when it has none). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Locale of every panel (BCP 47). Unset: the nearest `lang` above. */
  @property({ reflect: true }) locale?: string;

  /** Development only: passed to `<screen-popup>` (pages on http://localhost still need to be trusted). */
  @property({ type: Boolean, attribute: 'allow-insecure-localhost' }) allowInsecureLocalhost = false;

  /** The call the panels share. @internal */
  @state() protected sharedCall?: CallSession | null;
  /** @internal */
  @state() protected sharedAgent?: Agent | null;
  /** @internal */
  @state() protected sharedConfig?: WorkbenchConfig;
  /** @internal */
  @state() protected sharedBackend?: WorkbenchBackend | null;
  /** Whether a provider above answered: then the workbench renders none of its own. @internal */
  @state() protected outerProvider?: boolean;
  /** Slots the host filled, whose default panels are left out. @internal */
  @state() protected filled: ReadonlySet<string> = new Set();
  /** @internal */
  @state() protected collapsed: ReadonlySet<Section> = new Set();
  /** @internal */
  @state() protected activeTab: Readonly<Record<TabGroup, Area>> = { actions: 'notify-sms', live: 'realtime-transfer' };
  /** Tabs shown at least once: their panels stay, keeping drafts and loaded pages. @internal */
  @state() protected visitedTabs: ReadonlySet<Area> = new Set(['notify-sms', 'realtime-transfer']);
  /** Bumped by Retry after a failure, so the provider reconnects and reads the call again. @internal */
  @state() protected generation = 0;

  readonly #l10n = new LocalizeController(this);
  readonly #seenMoments = new Set<string>();
  #wasSignedIn = false;
  #openReason: WorkbenchOpenedReason = 'host';
  #closeReason: 'agent' | 'host' = 'host';
  #subscribedTo?: Element;
  readonly #unsubscribers: (() => void)[] = [];
  #childObserver?: MutationObserver;
  /** The slots this render places; the header's always. */
  #slotsRendered = new Set<string>();
  #langObserver?: MutationObserver;
  #retried?: { readonly generation: number; readonly from: WorkbenchBackend; readonly backend: WorkbenchBackend };
  /** What `#merged` was made from (at first nothing, which merges to nothing). */
  #mergedConfig?: Partial<WorkbenchConfig>;
  #mergedCustomerCenter?: boolean;
  #merged?: Partial<WorkbenchConfig>;

  constructor() {
    super();
    // Only to learn whether a provider sits above us; the values come from the subscriptions below.
    new ContextConsumer(this, {
      context: backendContext,
      subscribe: false,
      callback: () => (this.outerProvider = true),
    });
    // The host's slotted panels ask for context when they upgrade, before our
    // provider exists; this hands their requests to it once it connects.
    new ContextRoot().attach(this);
  }

  /** Whether the areas come from a provider above rather than our own. */
  get #usesOuterProvider(): boolean | undefined {
    return this.outerProvider && this.backend === undefined;
  }

  /** Reaching the backend at all: pending, failed or fine. */
  readonly #reach = new Task(this, {
    task: async ([backend], { signal }) => (backend ? backend.getAgent({ signal }) : null),
    args: () => [this.sharedBackend, this.generation] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(WorkbenchOpenRequestEvent.eventName, this.#onOpenRequest);
    this.#readFilledSlots();
    this.#childObserver = new MutationObserver(() => this.#readFilledSlots());
    this.#childObserver.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
    // Our provider's lang and dir follow the host's while no locale is set.
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    this.#langObserver.observe(this, { attributes: true, attributeFilter: ['dir', 'lang'] });
    // Moved in the page: subscribe again (updated() does) to whichever provider is now above.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(WorkbenchOpenRequestEvent.eventName, this.#onOpenRequest);
    this.#childObserver?.disconnect();
    this.#langObserver?.disconnect();
    this.#unsubscribe();
  }

  /** Opens the workbench, as the host. */
  show(): void {
    this.#openFor('host');
  }

  /** Closes the workbench to its compact bar. */
  hide(): void {
    this.#closeReason = 'host';
    this.open = false;
  }

  // ---- opening ---------------------------------------------------------------------------------

  #onOpenRequest = (event: WorkbenchOpenRequestEvent): void => {
    const origin = dispatchedBy.get(event);
    if (origin && origin !== this) return;
    const moment = momentOf(event);
    if (moment) {
      // The connection bar and our own watch may both notice one sign-in or
      // call: the first request decides, veto included.
      if (this.#seenMoments.has(moment)) return;
      this.#seenMoments.add(moment);
    }
    // A listener after us (on window, added later) may still veto: decide
    // once the dispatch is over.
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.#openFor(event.reason);
    });
  };

  #requestOpen(reason: WorkbenchOpenReason, callId?: string): void {
    const event = new WorkbenchOpenRequestEvent(reason, callId);
    if (this.#seenMoments.has(momentOf(event)!)) return;
    dispatchedBy.set(event, this);
    this.dispatchEvent(event);
  }

  #openFor(reason: WorkbenchOpenedReason): void {
    if (this.open) return;
    this.#openReason = reason;
    this.open = true;
  }

  /** News from the stream shows the contact center is back: check again without waiting for Retry. */
  #recoverIfBack(value: unknown): void {
    if (value && this.#reach.status === TaskStatus.ERROR) void this.#reach.run();
  }

  #agentChanged(agent: Agent | null): void {
    this.#recoverIfBack(agent);
    this.sharedAgent = agent;
    if (!agent) return;
    const signedIn = agent.state !== 'signed-out';
    if (!signedIn) this.#seenMoments.delete('sign-in');
    else if (!this.#wasSignedIn) this.#requestOpen('sign-in');
    this.#wasSignedIn = signedIn;
  }

  #callChanged(call: CallSession | null): void {
    this.#recoverIfBack(call);
    this.sharedCall = call;
    if (call?.state === 'connected') this.#requestOpen('call-connected', call.id);
  }

  // ---- context ---------------------------------------------------------------------------------

  /** Follows the provider's values from inside our tree, whichever provider it is. */
  #subscribe(target: Element): void {
    this.#unsubscribe();
    this.#subscribedTo = target;
    const ask = <T>(context: Context<unknown, T>, take: (value: T) => void) => {
      let stop: (() => void) | undefined;
      target.dispatchEvent(
        new ContextEvent(
          context,
          target,
          (value: T, unsubscribe?: () => void) => {
            if (unsubscribe && unsubscribe !== stop) {
              stop = unsubscribe;
              this.#unsubscribers.push(unsubscribe);
            }
            take(value);
          },
          true,
        ),
      );
    };
    ask(backendContext, (backend) => (this.sharedBackend = backend ?? null));
    ask(configContext, (config) => (this.sharedConfig = config));
    ask(agentContext, (agent) => this.#agentChanged(agent ?? null));
    ask(callContext, (call) => this.#callChanged(call ?? null));
  }

  #unsubscribe(): void {
    for (const stop of this.#unsubscribers.splice(0)) stop();
    this.#subscribedTo = undefined;
  }

  #readFilledSlots(): void {
    const names = new Set<string>();
    for (const child of this.children) {
      const slot = child.getAttribute('slot');
      if (slot) names.add(slot);
    }
    const same = names.size === this.filled.size && [...names].every((n) => this.filled.has(n));
    if (!same) this.filled = names;
  }

  /** The configuration given to our own provider, with the attribute's override; the same object while neither changes. */
  get #providerConfig(): Partial<WorkbenchConfig> | undefined {
    const { config, customerCenter } = this;
    if (this.#mergedConfig !== config || this.#mergedCustomerCenter !== customerCenter) {
      this.#mergedConfig = config;
      this.#mergedCustomerCenter = customerCenter;
      this.#merged = customerCenter === undefined ? config : { ...config, customerCenter };
    }
    return this.#merged;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  get #localeTag(): string {
    return this.#usesOuterProvider ? this.#l10n.requestedTag : (this.locale ?? this.#l10n.requestedTag);
  }

  #t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return format(messagesFor(resolveLocale(this.#localeTag))[key], params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Already loaded, it answers at once.
    void loadLocale(resolveLocale(this.#localeTag));
    // A backend of our own (null included) means our own provider, whatever is above.
    if (changed.has('backend') && this.backend !== undefined) this.sharedBackend = this.backend;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const base = this.renderRoot.querySelector('.workbench');
    if (base && base !== this.#subscribedTo) this.#subscribe(base);
    if (changed.has('open') && changed.get('open') !== undefined) {
      this.dispatchEvent(this.open ? new WorkbenchOpenedEvent(this.#openReason) : new WorkbenchClosedEvent(this.#closeReason));
      this.#openReason = 'host';
      this.#closeReason = 'host';
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  #area(name: Area): unknown {
    const el: StaticValue = staticTag(AREAS[name], name);
    return this.#slotFor(
      name,
      this.filled.has(name)
        ? nothing
        : html`<${el} ?allow-insecure-localhost=${name === 'screen-popup' && this.allowInsecureLocalhost}></${el}>`,
    );
  }

  #slotFor(name: string, fallback: unknown = nothing): TemplateResult {
    this.#slotsRendered.add(name);
    return html`<slot name=${name}>${fallback}</slot>`;
  }

  /**
   * Slots with no place in the current state still exist, hidden: slotted
   * content then always sits under our provider and keeps its context
   * subscriptions, instead of asking before its slot exists and never again.
   */
  #renderParkedSlots(): unknown {
    const parked = SLOTS.filter((name) => !this.#slotsRendered.has(name) && this.filled.has(name));
    return parked.length ? html`<div class="parked" hidden>${parked.map((name) => html`<slot name=${name}></slot>`)}</div>` : nothing;
  }

  #toggleSection(section: Section): void {
    const next = new Set(this.collapsed);
    if (!next.delete(section)) next.add(section);
    this.collapsed = next;
  }

  #section(name: Section, content: unknown): TemplateResult {
    const expanded = !this.collapsed.has(name);
    return html`<section part="section ${name}" class="section" aria-labelledby="heading-${name}">
      <h3 class="section-heading" id="heading-${name}">
        <button
          type="button"
          class="section-toggle"
          aria-expanded=${expanded}
          aria-controls="section-${name}"
          @click=${() => this.#toggleSection(name)}
        >
          <span class="chevron" aria-hidden="true"></span>${this.#t(`avWorkbench.section.${name}`)}
        </button>
      </h3>
      <div class="section-body" id="section-${name}" ?hidden=${!expanded}>${content}</div>
    </section>`;
  }

  #selectTab(group: TabGroup, area: Area, focus?: boolean): void {
    this.activeTab = { ...this.activeTab, [group]: area };
    if (!this.visitedTabs.has(area)) this.visitedTabs = new Set([...this.visitedTabs, area]);
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${area}`)?.focus());
    }
  }

  #onTabKeydown(group: TabGroup, event: KeyboardEvent): void {
    const areas = Object.keys(TABS[group]) as Area[];
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const next = tabKeyTarget(event, areas.indexOf(this.activeTab[group]), areas.length, rtl);
    if (next >= 0) this.#selectTab(group, areas[next]!, true);
  }

  #tabs(group: TabGroup): TemplateResult {
    const active = this.activeTab[group];
    const tabs = Object.entries(TABS[group]) as [Area, MessageKey][];
    return html`<div class="tabset">
      <div part="tabs" class="tabs" role="tablist" aria-label=${this.#t(`avWorkbench.section.${group}`)} @keydown=${(e: KeyboardEvent) => this.#onTabKeydown(group, e)}>
        ${tabs.map(
          ([area, key]) => html`<button
            part="tab"
            type="button"
            role="tab"
            id="tab-${area}"
            aria-selected=${area === active}
            aria-controls="panel-${area}"
            tabindex=${area === active ? 0 : -1}
            @click=${() => this.#selectTab(group, area)}
          >
            ${this.#t(key)}
          </button>`,
        )}
      </div>
      ${tabs.map(
        ([area]) => html`<div class="tabpanel" role="tabpanel" id="panel-${area}" aria-labelledby="tab-${area}" ?hidden=${area !== active}>
          ${this.visitedTabs.has(area) ? this.#area(area) : nothing}
        </div>`,
      )}
    </div>`;
  }

  #onToggle = (): void => {
    if (this.open) {
      this.#closeReason = 'agent';
      this.open = false;
    } else {
      this.#openFor('agent');
    }
  };

  #retry = (): void => {
    this.generation += 1;
  };

  /**
   * The backend given to our provider. After a Retry it is a fresh stand-in
   * for the same backend: the provider reconnects on a new backend and reads
   * again the call and agent it missed while the contact center was
   * unreachable. (Rebuilding the provider instead would strand the host's
   * slotted panels on the old one.)
   */
  get #providerBackend(): WorkbenchBackend | null {
    const backend = this.backend ?? null;
    if (!backend || this.generation === 0) return backend;
    if (this.#retried?.generation !== this.generation || this.#retried.from !== backend) {
      const standIn = new Proxy(backend, {
        get: (target, key) => {
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      this.#retried = { generation: this.generation, from: backend, backend: standIn };
    }
    return this.#retried.backend;
  }

  #renderBody(): unknown {
    const reach = this.#reach;
    if (this.sharedBackend && reach.status !== TaskStatus.COMPLETE) {
      if (reach.status === TaskStatus.ERROR) {
        const error = reach.error;
        const reason = isBackendError(error) ? this.#t(`common.error.${error.kind}` as MessageKey) : this.#t('common.error.unknown');
        return html`<div part="error" class="error-box" role="alert">
          <span>${this.#t('avWorkbench.error', { reason })}</span>
          <button type="button" @click=${this.#retry}>${this.#t('common.retry')}</button>
        </div>`;
      }
      return html`<div class="state loading" role="status" aria-busy="true">${this.#t('avWorkbench.loading')}</div>`;
    }
    const call = this.sharedCall;
    if (!call) {
      const signedIn = (this.sharedAgent?.state ?? 'signed-out') !== 'signed-out';
      return html`<div part="idle" class="idle">
          <p class="idle-title">${this.#t('avWorkbench.idle.title')}</p>
          <p>${this.#t(signedIn ? 'avWorkbench.idle.ready' : 'avWorkbench.idle.signedOut')}</p>
          <p class="muted">${this.#t('avWorkbench.idle.what')}</p>
        </div>
        ${this.#slotFor('extra')}`;
    }
    // No configuration yet: the customer center is off, as by default.
    const cc = this.customerCenter ?? this.sharedConfig?.customerCenter;
    // The first column's sections and their areas.
    const areas: [Section, ...Area[]][] = cc
      ? [['customer', 'basic-information', 'contact-records']]
      : [
          ['call', 'call-message', 'call-callback'],
          ['customer', 'customer-info', 'history-contacts'],
        ];
    return html`<div class="columns" data-customer-center=${cc ? 'on' : 'off'}>
        <div class="column">${areas.map(([name, ...pair]) => this.#section(name, pair.map((area) => this.#area(area))))}</div>
        <div class="column">
          ${this.#section('live', this.#tabs('live'))}
          ${this.#section('actions', [this.#area('call-reason'), this.#tabs('actions'), this.#slotFor('actions')])}
        </div>
      </div>
      ${this.#slotFor('extra')}`;
  }

  #renderWorkbench(): TemplateResult {
    const open = this.open;
    const call = this.sharedCall;
    this.#slotsRendered = new Set(['header']);
    const body = open ? this.#renderBody() : nothing;
    return html`<div part="base" class="workbench" data-open=${open} role="region" aria-labelledby="title">
      <div part="header" class="header">
        <h2 class="title" id="title">${this.#t('avWorkbench.title')}</h2>
        <span part="summary" class="summary" data-state=${call?.state ?? 'none'}
          ><bdi
            >${call
              ? this.#t('avWorkbench.summary.call', { number: call.customerNumber, state: this.#t(`avWorkbench.state.${call.state}`) })
              : this.#t('avWorkbench.summary.noCall')}</bdi
          ></span
        >
        <span class="header-slot"><slot name="header"></slot></span>
        <button
          part="toggle"
          type="button"
          class=${open ? 'toggle' : 'toggle primary'}
          aria-expanded=${open}
          aria-controls="body"
          aria-label=${this.#t(open ? 'avWorkbench.closeLabel' : 'avWorkbench.openLabel')}
          @click=${this.#onToggle}
        >
          <span class="chevron" aria-hidden="true"></span>${this.#t(open ? 'avWorkbench.close' : 'avWorkbench.open')}
        </button>
      </div>
      <div part="body" class="body" id="body" ?hidden=${!open}>${body}</div>
      ${this.#renderParkedSlots()}
    </div>`;
  }

  protected override render() {
    if (this.#usesOuterProvider) return this.#renderWorkbench();
    const provider = staticTag(WorkbenchProvider, 'workbench-provider');
    // The themes the provider knows; anything else leaves the page's tokens in charge.
    const inheritTheme = this.theme !== 'light' && this.theme !== 'dark';
    return html`<${provider}
      class=${inheritTheme ? 'inherit-theme' : ''}
      .backend=${this.#providerBackend}
      .config=${this.#providerConfig ?? NO_CONFIG}
      theme=${inheritTheme ? nothing : this.theme!}
      locale=${this.#localeTag}
      dir=${this.locale ? nothing : this.#l10n.dir}
      >${this.#renderWorkbench()}</${provider}>`;
  }
}

/** The moment an open request stands for, so that one sign-in or one call opens once. */
function momentOf(event: WorkbenchOpenRequestEvent): string | null {
  if (event.reason === 'sign-in') return 'sign-in';
  if (event.reason === 'call-connected') return `call:${event.callId ?? ''}`;
  return null;
}
