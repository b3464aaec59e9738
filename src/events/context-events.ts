import type { CallSession, Customer, IdentityAuthResult } from '../context/types.js';

/*
 * What panels tell the provider after the backend accepted a change. The
 * provider is the one writer of context: it listens for these and publishes
 * the new value; a host without a provider can listen for them too.
 */

/** The handled number was saved; `call` is the backend's updated call. */
export class HandledNumberChangedEvent extends Event {
  static readonly eventName = 'avw-handled-number-changed';
  readonly call: CallSession;
  readonly handledNumber: string;
  constructor(call: CallSession) {
    super(HandledNumberChangedEvent.eventName, { bubbles: true, composed: true });
    this.call = call;
    this.handledNumber = call.handledNumber ?? '';
  }
}

/** A customer was created or updated. */
export class CustomerSavedEvent extends Event {
  static readonly eventName = 'avw-customer-saved';
  readonly customer: Customer;
  readonly created: boolean;
  constructor(customer: Customer, created: boolean) {
    super(CustomerSavedEvent.eventName, { bubbles: true, composed: true });
    this.customer = customer;
    this.created = created;
  }
}

/** An identity check started, progressed or finished. */
export class IdentityAuthChangedEvent extends Event {
  static readonly eventName = 'avw-identity-auth-changed';
  readonly result: IdentityAuthResult;
  constructor(result: IdentityAuthResult) {
    super(IdentityAuthChangedEvent.eventName, { bubbles: true, composed: true });
    this.result = result;
  }
}

/** A new call was placed from a panel (a callback, a dial). */
export class CallStartedEvent extends Event {
  static readonly eventName = 'avw-call-started';
  readonly call: CallSession;
  constructor(call: CallSession) {
    super(CallStartedEvent.eventName, { bubbles: true, composed: true });
    this.call = call;
  }
}

/** The provider's call changed: a new call, a new state, a new handled number. */
export class CallChangedEvent extends Event {
  static readonly eventName = 'avw-call-changed';
  readonly call: CallSession | null;
  readonly previous: CallSession | null;
  constructor(call: CallSession | null, previous: CallSession | null) {
    super(CallChangedEvent.eventName, { bubbles: true, composed: true });
    this.call = call;
    this.previous = previous;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-handled-number-changed': HandledNumberChangedEvent;
    'avw-customer-saved': CustomerSavedEvent;
    'avw-identity-auth-changed': IdentityAuthChangedEvent;
    'avw-call-started': CallStartedEvent;
    'avw-call-changed': CallChangedEvent;
  }
}
