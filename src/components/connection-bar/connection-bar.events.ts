import type { Agent, AgentStateName } from '../../context/types.js';

/** The agent's state changed: signed in or out, ready, busy, rest (with its reason), talking, wrap-up. */
export class AgentStateChangedEvent extends Event {
  static readonly eventName = 'avw-agent-state-changed';
  readonly agent: Agent;
  readonly state: AgentStateName;
  readonly previousState: AgentStateName | null;
  constructor(agent: Agent, previousState: AgentStateName | null) {
    super(AgentStateChangedEvent.eventName, { bubbles: true, composed: true });
    this.agent = agent;
    this.state = agent.state;
    this.previousState = previousState;
  }
}

/** Why the workbench should open: the agent signed in, a call connected, or the host asked. */
export type WorkbenchOpenReason = 'sign-in' | 'call-connected' | 'host';

/**
 * Asks whoever shows the workbench (`<av-workbench>`, a host) to open it.
 * The connection bar dispatches it when the agent signs in and when a call
 * connects, as the workbench opens by itself at those moments. Call
 * `preventDefault()` to keep the workbench closed.
 */
export class WorkbenchOpenRequestEvent extends Event {
  static readonly eventName = 'avw-workbench-open-request';
  readonly reason: WorkbenchOpenReason;
  /** The call that connected, for `call-connected`. */
  readonly callId?: string;
  constructor(reason: WorkbenchOpenReason, callId?: string) {
    super(WorkbenchOpenRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.reason = reason;
    this.callId = callId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-agent-state-changed': AgentStateChangedEvent;
    'avw-workbench-open-request': WorkbenchOpenRequestEvent;
  }
}
