import { IdentityAuth } from '../components/identity-auth/identity-auth.js';
import { defineElement } from './define.js';

defineElement('identity-auth', IdentityAuth);

declare global {
  interface HTMLElementTagNameMap {
    'identity-auth': IdentityAuth;
  }
}
