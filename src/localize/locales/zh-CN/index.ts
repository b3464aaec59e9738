import type { Messages } from '../en/index.js';
import common from './common.js';
import workbenchProvider from './workbench-provider.js';
import callMessage from './call-message.js';
// import callReason from './call-reason.js';

/** Simplified Chinese. The type makes a missing key a compile error; test/localize.test.ts checks it at run time too. */
const zhCN: Messages = {
  ...common,
  ...workbenchProvider,
  ...callMessage,
  // ...callReason,
};
export default zhCN;
