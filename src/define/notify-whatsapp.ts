import { NotifyWhatsapp } from '../components/notify-whatsapp/notify-whatsapp.js';
import { defineElement } from './define.js';

defineElement('notify-whatsapp', NotifyWhatsapp);

declare global {
  interface HTMLElementTagNameMap {
    'notify-whatsapp': NotifyWhatsapp;
  }
}
