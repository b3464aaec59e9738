/*
 * The no-build bundle a tenant page loads with one <script type="module">:
 * it registers every tag, English included, and exports what a page script
 * needs beside the tags. Backends are separate files (dist/backend/http.js,
 * dist/backend/memory.js), so a page that only shows panels does not pay for them.
 */
import './define/all.js';

export * from './context/index.js';
export * from './events/context-events.js';
export { BackendError, isBackendError, newIdempotencyKey } from './backend/errors.js';
export { SUPPORTED_LOCALES, loadLocale, resolveLocale } from './localize/registry.js';
