import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { darkTokens, lightTokens } from '../src/themes/tokens.js';
import { loadLocale, resolveLocale } from '../src/localize/registry.js';

setCustomElementsManifest(manifest);

function tokenStyle(tokens: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tokens).map(([k, v]) => [`--avw-${k}`, v]));
}

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (en)' },
          { value: 'zh-CN', title: '简体中文 (zh-CN)' },
          { value: 'ar', title: 'العربية (ar)' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', direction: 'ltr' },
  loaders: [async ({ globals }) => ({ locale: await loadLocale(resolveLocale(globals.locale as string)) })],
  decorators: [
    (story, { globals }) => {
      const dark = globals.theme === 'dark';
      const style = {
        ...tokenStyle(dark ? darkTokens : lightTokens),
        // As the theme files and the provider do: scrollbars and form controls follow.
        'color-scheme': dark ? 'dark' : 'light',
        display: 'block',
        padding: '16px',
        background: 'var(--avw-color-surface-sunken)',
        'max-inline-size': '720px',
      };
      return html`<div class="avw-story" lang=${globals.locale ?? 'en'} dir=${globals.direction ?? 'ltr'} style=${styleMap(style)}>
        ${story()}
      </div>`;
    },
  ],
};

export default preview;
