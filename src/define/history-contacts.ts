import { HistoryContacts } from '../components/history-contacts/history-contacts.js';
import { defineElement } from './define.js';
// "More" plays recordings inline; a record's <contact-record-detail> loads when one is opened.
import './recording-player.js';

defineElement('history-contacts', HistoryContacts);

declare global {
  interface HTMLElementTagNameMap {
    'history-contacts': HistoryContacts;
  }
}
