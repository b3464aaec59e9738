import './workbench-provider.js';
import './call-message.js';
import './harassment-record.js';
import './identity-auth.js';
import './call-callback.js';
import './call-reason.js';
