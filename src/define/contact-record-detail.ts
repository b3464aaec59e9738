import { ContactRecordDetail } from '../components/contact-record-detail/contact-record-detail.js';
import { defineElement } from './define.js';
// The detail shows a recording and sends messages through the composers: register them first.
import './recording-player.js';
import './notify-sms.js';
import './notify-email.js';
import './notify-whatsapp.js';

defineElement('contact-record-detail', ContactRecordDetail);

declare global {
  interface HTMLElementTagNameMap {
    'contact-record-detail': ContactRecordDetail;
  }
}
