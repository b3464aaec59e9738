import { HarassmentRecordPanel } from '../components/harassment-record/harassment-record.js';
import { defineElement } from './define.js';

defineElement('harassment-record', HarassmentRecordPanel);

declare global {
  interface HTMLElementTagNameMap {
    'harassment-record': HarassmentRecordPanel;
  }
}
