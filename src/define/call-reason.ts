import { CallReason } from '../components/call-reason/call-reason.js';
import { defineElement } from './define.js';

defineElement('call-reason', CallReason);

declare global {
  interface HTMLElementTagNameMap {
    'call-reason': CallReason;
  }
}
