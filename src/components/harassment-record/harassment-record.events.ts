import type { HarassmentInput, HarassmentRecord } from '../../backend/types.js';

/**
 * Dispatched after the agent confirmed, before the record is sent for review.
 * Call `preventDefault()` to stop it (the host may want its own approval).
 */
export class HarassmentRecordCreateRequestEvent extends Event {
  static readonly eventName = 'avw-harassment-record-create-request';
  readonly input: HarassmentInput;
  constructor(input: HarassmentInput) {
    super(HarassmentRecordCreateRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.input = input;
  }
}

/** The backend accepted a harassment record; it now waits for review. */
export class HarassmentRecordCreatedEvent extends Event {
  static readonly eventName = 'avw-harassment-record-created';
  readonly record: HarassmentRecord;
  constructor(record: HarassmentRecord) {
    super(HarassmentRecordCreatedEvent.eventName, { bubbles: true, composed: true });
    this.record = record;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-harassment-record-create-request': HarassmentRecordCreateRequestEvent;
    'avw-harassment-record-created': HarassmentRecordCreatedEvent;
  }
}
