import type { MessageRecord, NotificationChannel } from '../backend/types.js';

/**
 * Dispatched by `<notify-sms>`, `<notify-email>` and `<notify-whatsapp>` just
 * before a message goes to the backend, with exactly what will be sent. Call
 * `preventDefault()` to stop it: nothing is sent and the draft stays.
 */
export class NotificationSendRequestEvent extends Event {
  static readonly eventName = 'avw-notification-send-request';
  readonly channel: NotificationChannel;
  /** The normalized address: E.164 for SMS and WhatsApp, the trimmed address for email. */
  readonly recipient: string;
  /** The final text the customer receives. */
  readonly text: string;
  /** Email only. */
  readonly subject?: string;
  constructor(detail: { channel: NotificationChannel; recipient: string; text: string; subject?: string }) {
    super(NotificationSendRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.channel = detail.channel;
    this.recipient = detail.recipient;
    this.text = detail.text;
    this.subject = detail.subject;
  }
}

/** The backend accepted a notification; `record` is its message-sending record. */
export class NotificationSentEvent extends Event {
  static readonly eventName = 'avw-notification-sent';
  readonly record: MessageRecord;
  constructor(record: MessageRecord) {
    super(NotificationSentEvent.eventName, { bubbles: true, composed: true });
    this.record = record;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-notification-send-request': NotificationSendRequestEvent;
    'avw-notification-sent': NotificationSentEvent;
  }
}
