import { ContactRecordDetail } from '../components/contact-record-detail/contact-record-detail.js';
import { defineElement } from './define.js';
// The detail shows a recording: register it first. The composers load when the agent picks a channel.
import './recording-player.js';

defineElement('contact-record-detail', ContactRecordDetail);

declare global {
  interface HTMLElementTagNameMap {
    'contact-record-detail': ContactRecordDetail;
  }
}
