import { BasicInformation } from '../components/basic-information/basic-information.js';
import { defineElement } from './define.js';

defineElement('basic-information', BasicInformation);

declare global {
  interface HTMLElementTagNameMap {
    'basic-information': BasicInformation;
  }
}
