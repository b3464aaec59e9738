import type { SavedCallReason } from '../../backend/types.js';

/**
 * Dispatched before the call reason is saved. Call `preventDefault()` to stop
 * the save (for instance when the host checks the reasons against its own
 * rules first); nothing is sent and the agent's selection stays as it is.
 */
export class CallReasonSaveRequestEvent extends Event {
  static readonly eventName = 'avw-call-reason-save-request';
  readonly callId: string;
  readonly reasonIds: readonly string[];
  readonly remarks: string;
  constructor(callId: string, reasonIds: readonly string[], remarks: string) {
    super(CallReasonSaveRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.callId = callId;
    this.reasonIds = Object.freeze([...reasonIds]);
    this.remarks = remarks;
  }
}

/** The backend saved the call reason; `saved` is what it stored. */
export class CallReasonSavedEvent extends Event {
  static readonly eventName = 'avw-call-reason-saved';
  readonly saved: SavedCallReason;
  readonly callId: string;
  constructor(saved: SavedCallReason) {
    super(CallReasonSavedEvent.eventName, { bubbles: true, composed: true });
    this.saved = saved;
    this.callId = saved.callId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-call-reason-save-request': CallReasonSaveRequestEvent;
    'avw-call-reason-saved': CallReasonSavedEvent;
  }
}
