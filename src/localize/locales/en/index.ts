import { addEnglish } from '../../registry.js';
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

/** English: the source locale and the fallback for every string. */
export const en = {
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

// Whoever imports the whole table (tests, tooling) gets every area registered.
addEnglish(en);

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
export default en;
