import { NotifyEmail } from '../components/notify-email/notify-email.js';
import { defineElement } from './define.js';

defineElement('notify-email', NotifyEmail);

declare global {
  interface HTMLElementTagNameMap {
    'notify-email': NotifyEmail;
  }
}
