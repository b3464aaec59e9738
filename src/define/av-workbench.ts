import { AvWorkbench } from '../components/av-workbench/av-workbench.js';
import { defineElement } from './define.js';
// The workbench renders its own provider and every panel: define them first.
import './workbench-provider.js';
import './call-message.js';
import './call-callback.js';
import './customer-info.js';
import './history-contacts.js';
import './contact-records.js';
import './basic-information.js';
import './call-reason.js';
import './notify-sms.js';
import './notify-email.js';
import './notify-whatsapp.js';
import './harassment-record.js';
import './identity-auth.js';
import './realtime-transfer.js';
import './screen-popup.js';

defineElement('av-workbench', AvWorkbench);

declare global {
  interface HTMLElementTagNameMap {
    'av-workbench': AvWorkbench;
  }
}
