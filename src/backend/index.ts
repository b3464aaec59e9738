export type * from './types.js';
export * from './errors.js';
export { MemoryBackend, type MemoryBackendOptions, type BackendMethod } from './memory-backend.js';
export { HttpBackend, type HttpBackendOptions } from './http-backend.js';
