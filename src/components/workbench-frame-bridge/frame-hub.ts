import type { StreamStatus, TranscriptSegment, WorkbenchEvent } from '../../backend/types.js';
import type { WorkbenchEventHub } from '../../context/keys.js';

type UnnumberedEvent = WorkbenchEvent extends infer E ? (E extends unknown ? Omit<E, 'seq'> : never) : never;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The event hub the bridge provides to a tenant page, in place of the
 * provider's: fed by the parent's snapshots (call, agent, identity check) and,
 * when the page is granted `transcript`, by the transcript lines the parent
 * relays. Numbers its own events, since the parent's sequence is not the page's business.
 */
export class FrameEventHub implements WorkbenchEventHub {
  lastSeq = 0;
  status: StreamStatus = 'connecting';
  readonly #listeners = new Set<(event: WorkbenchEvent) => void>();
  readonly #statusListeners = new Set<(status: StreamStatus) => void>();
  #segments = new Map<string, TranscriptSegment>();
  #callId: string | null = null;

  subscribe(listener: (event: WorkbenchEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => void this.#statusListeners.delete(listener);
  }

  transcript(): readonly TranscriptSegment[] {
    return [...this.#segments.values()];
  }

  emit(event: UnnumberedEvent): void {
    if (event.type === 'transcript') {
      if (event.callId !== this.#callId) this.#startCall(event.callId);
      this.#segments.set(event.segment.id, event.segment);
    }
    const full = Object.freeze({ ...event, seq: ++this.lastSeq }) as WorkbenchEvent;
    for (const listener of [...this.#listeners]) listener(full);
  }

  /**
   * Takes the transcript a snapshot carries. Lines this hub has not seen (or
   * has seen in another form) are emitted, so a subscriber misses none that
   * the parent held back while the call was changing.
   */
  load(callId: string, segments: readonly TranscriptSegment[]): void {
    if (callId !== this.#callId) this.#startCall(callId);
    for (const segment of segments) {
      if (!same(this.#segments.get(segment.id), segment)) this.emit({ type: 'transcript', callId, segment: Object.freeze({ ...segment }) });
    }
  }

  setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of [...this.#statusListeners]) listener(status);
  }

  #startCall(callId: string): void {
    this.#callId = callId;
    this.#segments = new Map();
  }
}
