import { MemoryBackend, type BackendMethod } from '../../src/backend/memory-backend.js';
import type { CallSession } from '../../src/context/types.js';

/** A seeded backend whose call started 95 s ago; `slow` methods never settle (a loading state). */
export function storyBackend(options: { hang?: BackendMethod[]; fail?: BackendMethod[] } = {}): MemoryBackend {
  const backend = new MemoryBackend({ recordingUrl: () => new URL('/assets/sample-recording.wav', location.href).href });
  for (const method of options.hang ?? []) backend.hang(method);
  for (const method of options.fail ?? []) backend.failNext(method, 'unavailable', 1000);
  return backend;
}

/** The seeded connected call, with its start time relative to now. */
export function storyCall(patch: Partial<CallSession> = {}): CallSession {
  return { ...new MemoryBackend().call!, startTime: Date.now() - 95_000, ...patch };
}

/** Text with markup in it, to show that backend strings stay inert text. */
export const HOSTILE_TEXT = '<b>Zhang</b><img src=x onerror=alert(1)>';
