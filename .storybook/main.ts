import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The recording sample the stories play lives beside the demo.
  staticDirs: [{ from: '../demo/assets', to: '/assets' }],
};
export default config;
