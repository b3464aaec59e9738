import { NotifySms } from '../components/notify-sms/notify-sms.js';
import { defineElement } from './define.js';

defineElement('notify-sms', NotifySms);

declare global {
  interface HTMLElementTagNameMap {
    'notify-sms': NotifySms;
  }
}
