/**
 * Dispatched before the handled number is saved. Call `preventDefault()` to
 * stop the save (for instance when the host wants its own confirmation).
 */
export class HandledNumberChangeRequestEvent extends Event {
  static readonly eventName = 'avw-handled-number-change-request';
  readonly callId: string;
  readonly handledNumber: string;
  constructor(callId: string, handledNumber: string) {
    super(HandledNumberChangeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.callId = callId;
    this.handledNumber = handledNumber;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-handled-number-change-request': HandledNumberChangeRequestEvent;
  }
}
