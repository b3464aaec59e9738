import { WorkbenchFrameBridge } from '../components/workbench-frame-bridge/workbench-frame-bridge.js';
import { defineElement } from './define.js';

defineElement('workbench-frame-bridge', WorkbenchFrameBridge);

declare global {
  interface HTMLElementTagNameMap {
    'workbench-frame-bridge': WorkbenchFrameBridge;
  }
}
