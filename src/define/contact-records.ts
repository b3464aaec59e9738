import { ContactRecords } from '../components/contact-records/contact-records.js';
import { defineElement } from './define.js';
// "More" plays recordings inline; a record's <contact-record-detail> loads when one is opened.
import './recording-player.js';

defineElement('contact-records', ContactRecords);

declare global {
  interface HTMLElementTagNameMap {
    'contact-records': ContactRecords;
  }
}
