import { RealtimeTransfer } from '../components/realtime-transfer/realtime-transfer.js';
import { defineElement } from './define.js';

defineElement('realtime-transfer', RealtimeTransfer);

declare global {
  interface HTMLElementTagNameMap {
    'realtime-transfer': RealtimeTransfer;
  }
}
