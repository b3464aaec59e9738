import { ContactRecords } from '../components/contact-records/contact-records.js';
import { defineElement } from './define.js';
// Records open in <contact-record-detail>, and "More" plays recordings inline.
import './contact-record-detail.js';
import './recording-player.js';

defineElement('contact-records', ContactRecords);

declare global {
  interface HTMLElementTagNameMap {
    'contact-records': ContactRecords;
  }
}
