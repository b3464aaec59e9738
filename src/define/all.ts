import './workbench-provider.js';
// Providers first: a panel defined before its provider asks for context before anyone answers.
import './workbench-frame-bridge.js';
// Then alike panels side by side (gzip matches repeats only within 32 KB):
// the call and customer views, the forms, the composers, the contact lists.
import './screen-popup.js';
import './call-message.js';
import './connection-bar.js';
import './customer-info.js';
import './basic-information.js';
import './call-callback.js';
import './identity-auth.js';
import './harassment-record.js';
import './call-reason.js';
import './notify-sms.js';
import './notify-email.js';
import './notify-whatsapp.js';
import './recording-player.js';
import './history-contacts.js';
import './contact-records.js';
import './contact-record-detail.js';
import './realtime-transfer.js';
import './av-workbench.js';
