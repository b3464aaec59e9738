/**
 * The transcript was copied as plain text (the whole of it, or from one line
 * to the end). The text is built from the data, so lines scrolled out of view
 * are included; `clipboard` says whether the browser's clipboard took it.
 */
export class TranscriptCopiedEvent extends Event {
  static readonly eventName = 'avw-transcript-copied';
  readonly text: string;
  readonly lineCount: number;
  /** The id of the first line copied, or null for the whole transcript. */
  readonly fromSegmentId: string | null;
  readonly clipboard: boolean;
  constructor(text: string, lineCount: number, fromSegmentId: string | null, clipboard: boolean) {
    super(TranscriptCopiedEvent.eventName, { bubbles: true, composed: true });
    this.text = text;
    this.lineCount = lineCount;
    this.fromSegmentId = fromSegmentId;
    this.clipboard = clipboard;
  }
}

/** The agent switched the Only Customer filter. */
export class TranscriptFilterChangedEvent extends Event {
  static readonly eventName = 'avw-transcript-filter-changed';
  readonly onlyCustomer: boolean;
  constructor(onlyCustomer: boolean) {
    super(TranscriptFilterChangedEvent.eventName, { bubbles: true, composed: true });
    this.onlyCustomer = onlyCustomer;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-transcript-copied': TranscriptCopiedEvent;
    'avw-transcript-filter-changed': TranscriptFilterChangedEvent;
  }
}
