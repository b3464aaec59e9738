import type { WorkbenchOpenReason } from '../connection-bar/connection-bar.events.js';

/** Why the workbench opened: the request's reason, or `agent` when the agent pressed Open. */
export type WorkbenchOpenedReason = WorkbenchOpenReason | 'agent';

/** The workbench opened. */
export class WorkbenchOpenedEvent extends Event {
  static readonly eventName = 'avw-workbench-opened';
  readonly reason: WorkbenchOpenedReason;
  constructor(reason: WorkbenchOpenedReason) {
    super(WorkbenchOpenedEvent.eventName, { bubbles: true, composed: true });
    this.reason = reason;
  }
}

/** The workbench closed to its compact bar. */
export class WorkbenchClosedEvent extends Event {
  static readonly eventName = 'avw-workbench-closed';
  /** `agent` when the agent pressed Collapse, `host` otherwise. */
  readonly reason: 'agent' | 'host';
  constructor(reason: 'agent' | 'host') {
    super(WorkbenchClosedEvent.eventName, { bubbles: true, composed: true });
    this.reason = reason;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-workbench-opened': WorkbenchOpenedEvent;
    'avw-workbench-closed': WorkbenchClosedEvent;
  }
}
