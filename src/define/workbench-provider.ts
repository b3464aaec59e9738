import { WorkbenchProvider } from '../components/workbench-provider/workbench-provider.js';
import { defineElement } from './define.js';

defineElement('workbench-provider', WorkbenchProvider);

declare global {
  interface HTMLElementTagNameMap {
    'workbench-provider': WorkbenchProvider;
  }
}
