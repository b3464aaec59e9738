import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

/** Headless Chromium from the machine (never a downloaded one). */
export function launchChrome(extraArgs = []) {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: [...CHROME_ARGS, ...extraArgs] });
}
