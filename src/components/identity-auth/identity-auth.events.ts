/**
 * Dispatched before an identity check starts. Call `preventDefault()` to stop
 * it (for instance when the host runs its own check first).
 */
export class IdentityAuthStartRequestEvent extends Event {
  static readonly eventName = 'avw-identity-auth-start-request';
  readonly callId: string;
  readonly modeId: string;
  constructor(callId: string, modeId: string) {
    super(IdentityAuthStartRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.callId = callId;
    this.modeId = modeId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-identity-auth-start-request': IdentityAuthStartRequestEvent;
  }
}
