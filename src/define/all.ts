import './workbench-provider.js';
import './call-message.js';
// import './call-reason.js';
