// Builds the library modules the server shares (phone rules, seed data) and
// the browser's HttpBackend with esbuild, in memory: nothing is written to
// disk and no rule is copied by hand.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

async function bundle(entry, platform) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: here,
  });
  return result.outputFiles[0].text;
}

/** The shared module, imported from a data: URL. */
export async function loadShared() {
  const code = await bundle('./shared.ts', 'node');
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** `HttpBackend` as a browser module, for the demo page. */
export function buildHttpBackendModule() {
  return bundle('../../src/backend/http-backend.ts', 'browser');
}

/** The standalone bundle (every element, one file) from the sources, for when dist/ is missing or stale. */
export function buildStandaloneModule() {
  return bundle('../../src/standalone.ts', 'browser');
}
