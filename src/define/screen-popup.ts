import { ScreenPopup } from '../components/screen-popup/screen-popup.js';
import { defineElement } from './define.js';

defineElement('screen-popup', ScreenPopup);

declare global {
  interface HTMLElementTagNameMap {
    'screen-popup': ScreenPopup;
  }
}
