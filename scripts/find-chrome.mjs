import { existsSync } from 'node:fs';

/** Candidate browser binaries, most specific first. */
export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The Chrome/Chromium to drive: CHROME_PATH when set, else the first one installed. */
export function findChrome({ required = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    if (required) throw new Error(`CHROME_PATH is set to ${fromEnv}, but nothing is there.`);
  }
  const found = CHROME_CANDIDATES.find((p) => existsSync(p));
  if (!found && required) {
    throw new Error(
      'No Chrome or Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROME_PATH to its executable, then run the command again.',
    );
  }
  return found;
}
