import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/workbench-provider.js';
import type { WorkbenchBackend } from '../../src/backend/types.js';
import type { WorkbenchConfig } from '../../src/context/types.js';

/** The toolbar's locale, theme and direction, in the form `<workbench-provider>` takes them. */
interface Toolbar {
  locale: string;
  theme: 'light' | 'dark';
  dir: string;
}

let toolbar: Toolbar = { locale: 'en', theme: 'light', dir: 'ltr' };

/**
 * `<workbench-provider>` sets its own locale, theme and direction, so the ones
 * the preview puts around every story stop at it. This decorator reads the
 * toolbar just before the story renders, and `toolbarProvider()` hands what it
 * read to the provider: renders stay plain functions of no arguments.
 */
export const withToolbarProvider: Decorator = (story, { globals }) => {
  toolbar = {
    locale: String(globals.locale ?? 'en'),
    theme: globals.theme === 'dark' ? 'dark' : 'light',
    dir: String(globals.direction ?? 'ltr'),
  };
  return story();
};

/** `content` under a provider in the toolbar's locale, theme and direction. Needs `withToolbarProvider`. */
export function toolbarProvider(backend: WorkbenchBackend, content: unknown, config: Partial<WorkbenchConfig> = {}) {
  return html`<workbench-provider .backend=${backend} .config=${config} locale=${toolbar.locale} theme=${toolbar.theme} dir=${toolbar.dir}>
    ${content}
  </workbench-provider>`;
}
