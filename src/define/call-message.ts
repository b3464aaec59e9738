import { CallMessage } from '../components/call-message/call-message.js';
import { defineElement } from './define.js';

defineElement('call-message', CallMessage);

declare global {
  interface HTMLElementTagNameMap {
    'call-message': CallMessage;
  }
}
