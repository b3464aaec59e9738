import type { Messages } from '../en/index.js';
import common from './common.js';
import workbenchProvider from './workbench-provider.js';
import callMessage from './call-message.js';
import realtimeTransfer from './realtime-transfer.js';
import customerInfo from './customer-info.js';
import contactHistory from './contact-history.js';
import recordingPlayer from './recording-player.js';
import basicInformation from './basic-information.js';
import notify from './notify.js';
import harassmentRecord from './harassment-record.js';
import identityAuth from './identity-auth.js';
import callCallback from './call-callback.js';
import callReason from './call-reason.js';
import connectionBar from './connection-bar.js';
import screenPopup from './screen-popup.js';
import frameBridge from './frame-bridge.js';
import avWorkbench from './av-workbench.js';

/** Arabic (right-to-left). The type makes a missing key a compile error; test/localize.test.ts checks it at run time too. */
const ar: Messages = {
  ...common,
  ...workbenchProvider,
  ...callMessage,
  ...realtimeTransfer,
  ...customerInfo,
  ...contactHistory,
  ...recordingPlayer,
  ...basicInformation,
  ...notify,
  ...harassmentRecord,
  ...identityAuth,
  ...callCallback,
  ...callReason,
  ...connectionBar,
  ...screenPopup,
  ...frameBridge,
  ...avWorkbench,
};
export default ar;
