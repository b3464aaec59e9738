import { provide } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { agentContext, callContext, customerContext, identityAuthContext, localeContext } from '../context/keys.js';
import type { Agent, CallSession, Customer, IdentityAuthResult } from '../context/types.js';

/**
 * What `<workbench-provider>` and `<workbench-frame-bridge>` both provide to
 * the elements inside them. Each fills it from its own source (the backend's
 * stream, the parent window's messages) and documents that in its class
 * JSDoc, which the manifest prefers to these descriptions.
 */
export class WorkbenchContextRoot extends LitElement {
  /** The live call. */
  @provide({ context: callContext })
  @property({ attribute: false })
  call: CallSession | null = null;

  /** The signed-in agent. */
  @provide({ context: agentContext })
  @property({ attribute: false })
  agent: Agent | null = null;

  /** The customer on the call. */
  @provide({ context: customerContext })
  @property({ attribute: false })
  customer: Customer | null = null;

  /** The latest identity check of the call. */
  @provide({ context: identityAuthContext })
  @property({ attribute: false })
  identityAuth: IdentityAuthResult | null = null;

  /** The locale of every element inside (BCP 47, e.g. `en`, `zh-CN`). */
  @provide({ context: localeContext })
  @property({ reflect: true })
  locale = 'en';

  /** The colour theme of every element inside. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';
}
