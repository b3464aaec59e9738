import { ConnectionBar } from '../components/connection-bar/connection-bar.js';
import { defineElement } from './define.js';

defineElement('connection-bar', ConnectionBar);

declare global {
  interface HTMLElementTagNameMap {
    'connection-bar': ConnectionBar;
  }
}
