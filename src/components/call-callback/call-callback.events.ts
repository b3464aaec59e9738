/**
 * Dispatched before the handled number is called back. Call
 * `preventDefault()` to stop the callback.
 */
export class CallbackRequestEvent extends Event {
  static readonly eventName = 'avw-callback-request';
  /** The abnormally ended call. */
  readonly callId: string;
  /** The number that would be called. */
  readonly number: string;
  constructor(callId: string, number: string) {
    super(CallbackRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.callId = callId;
    this.number = number;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-callback-request': CallbackRequestEvent;
  }
}
