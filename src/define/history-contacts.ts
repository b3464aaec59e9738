import { HistoryContacts } from '../components/history-contacts/history-contacts.js';
import { defineElement } from './define.js';
// Records open in <contact-record-detail>, and "More" plays recordings inline.
import './contact-record-detail.js';
import './recording-player.js';

defineElement('history-contacts', HistoryContacts);

declare global {
  interface HTMLElementTagNameMap {
    'history-contacts': HistoryContacts;
  }
}
