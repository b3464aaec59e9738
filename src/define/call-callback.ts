import { CallCallback } from '../components/call-callback/call-callback.js';
import { defineElement } from './define.js';

defineElement('call-callback', CallCallback);

declare global {
  interface HTMLElementTagNameMap {
    'call-callback': CallCallback;
  }
}
