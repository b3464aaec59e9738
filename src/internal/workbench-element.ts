import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WorkbenchBackend } from '../backend/types.js';
import { isBackendError } from '../backend/errors.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import {
  agentContext,
  backendContext,
  callContext,
  configContext,
  customerContext,
  identityAuthContext,
} from '../context/keys.js';
import {
  type Agent,
  type CallSession,
  type Customer,
  type IdentityAuthResult,
  type WorkbenchConfig,
  resolveConfig,
} from '../context/types.js';

/**
 * What every panel shares: the call, agent, customer, config and backend,
 * each read from the provider's context unless set on the element itself
 * (an explicitly set property wins), and the localization controller.
 * Panels read context; only the provider writes it.
 */
export class WorkbenchElement extends LitElement {
  /** The call. Leave unset to follow the provider; set it (or `null`) to override. */
  @property({ attribute: false }) call?: CallSession | null;
  /** The signed-in agent. Leave unset to follow the provider. */
  @property({ attribute: false }) agent?: Agent | null;
  /** The customer. Leave unset to follow the provider. */
  @property({ attribute: false }) customer?: Customer | null;
  /** The backend. Leave unset to use the provider's. */
  @property({ attribute: false }) backend?: WorkbenchBackend | null;
  /** Workbench configuration (limits, country code...). Leave unset to use the provider's. */
  @property({ attribute: false }) config?: Partial<WorkbenchConfig>;

  /** @internal */
  @consume({ context: callContext, subscribe: true }) @state() protected contextCall?: CallSession | null;
  /** @internal */
  @consume({ context: agentContext, subscribe: true }) @state() protected contextAgent?: Agent | null;
  /** @internal */
  @consume({ context: customerContext, subscribe: true }) @state() protected contextCustomer?: Customer | null;
  /** @internal */
  @consume({ context: identityAuthContext, subscribe: true }) @state() protected contextIdentityAuth?: IdentityAuthResult | null;
  /** @internal */
  @consume({ context: backendContext, subscribe: true }) @state() protected contextBackend?: WorkbenchBackend | null;
  /** @internal */
  @consume({ context: configContext, subscribe: true }) @state() protected contextConfig?: WorkbenchConfig;

  /** @internal */
  protected readonly l10n = new LocalizeController(this);

  #resolvedFrom?: Partial<WorkbenchConfig>;
  #resolved?: WorkbenchConfig;

  /** @internal */
  protected get currentCall(): CallSession | null {
    return this.call !== undefined ? this.call : (this.contextCall ?? null);
  }

  /** @internal */
  protected get currentAgent(): Agent | null {
    return this.agent !== undefined ? this.agent : (this.contextAgent ?? null);
  }

  /** @internal */
  protected get currentCustomer(): Customer | null {
    return this.customer !== undefined ? this.customer : (this.contextCustomer ?? null);
  }

  /** @internal */
  protected get currentBackend(): WorkbenchBackend | null {
    return this.backend !== undefined ? this.backend : (this.contextBackend ?? null);
  }

  /** @internal */
  protected get currentConfig(): WorkbenchConfig {
    const source = this.config ?? this.contextConfig;
    if (source !== this.#resolvedFrom || !this.#resolved) {
      this.#resolvedFrom = source;
      this.#resolved = resolveConfig(source);
    }
    return this.#resolved;
  }

  /** A failure as a sentence for the agent, in their language. @internal */
  protected errorMessage(error: unknown): string {
    return this.l10n.t(
      // What a task throws when it has no backend to ask.
      error instanceof Error && error.message === 'no-backend'
        ? 'common.noBackend'
        : isBackendError(error)
          ? `common.error.${error.kind}`
          : 'common.error.unknown',
      // Only the validation message has a {field}.
      { field: (error as { field?: string } | null)?.field ?? '' },
    );
  }
}
