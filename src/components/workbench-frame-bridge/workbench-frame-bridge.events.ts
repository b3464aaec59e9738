import type { FrameContextSnapshot } from '../../internal/frame-protocol.js';

/** The parent workbench sent a new context snapshot (first on connecting, then on every change). */
export class FrameContextChangedEvent extends Event {
  static readonly eventName = 'avw-frame-context-changed';
  readonly snapshot: FrameContextSnapshot;
  constructor(snapshot: FrameContextSnapshot) {
    super(FrameContextChangedEvent.eventName, { bubbles: true, composed: true });
    this.snapshot = snapshot;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-frame-context-changed': FrameContextChangedEvent;
  }
}
