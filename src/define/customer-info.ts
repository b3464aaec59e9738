import { CustomerInfo } from '../components/customer-info/customer-info.js';
import { defineElement } from './define.js';

defineElement('customer-info', CustomerInfo);

declare global {
  interface HTMLElementTagNameMap {
    'customer-info': CustomerInfo;
  }
}
