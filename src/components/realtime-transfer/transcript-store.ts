import type { TranscriptSegment } from '../../backend/types.js';
import type { ListModel } from '../../internal/virtual-list.js';

/** What an upsert did: where the line is and, when it replaced one, the line it replaced; null when nothing changed. */
export type UpsertResult = { readonly index: number; readonly previous?: TranscriptSegment } | null;

/**
 * One call's transcript, keyed by segment id: a partial and the final that
 * replaces it share the id, and a segment resent after a reconnect replaces
 * rather than repeats. Lines keep the order in which their id first arrived.
 * Updates are O(1) (O(log n) to find a row in the customer view): nothing
 * here copies the whole list.
 */
export class TranscriptStore {
  /** The call these lines belong to, when known. */
  callId: string | null = null;
  #items: TranscriptSegment[] = [];
  readonly #positions = new Map<string, number>();
  /** Positions in `items` of the customer's lines, ascending. */
  #customer: number[] = [];

  /** Every line. */
  readonly all: ListModel<TranscriptSegment>;
  /** Only the customer's lines. */
  readonly customerOnly: ListModel<TranscriptSegment>;

  constructor() {
    // `rows` maps a view's index to a position in `items`; the view of every line has none.
    const items = () => this.#items;
    const view = (rows?: () => number[]): ListModel<TranscriptSegment> => ({
      get length() {
        return (rows ?? items)().length;
      },
      at: (index) => this.#items[rows ? rows()[index]! : index]!,
      // A key not in the store sorts after every line.
      locate: (key) => {
        const position = this.#positions.get(key) ?? Infinity;
        const index = rows ? this.customerIndexOf(position) : Math.min(position, this.#items.length);
        return { index, exact: (rows ? rows()[index] : index) === position };
      },
    });
    this.all = view();
    this.customerOnly = view(() => this.#customer);
  }

  get size(): number {
    return this.#items.length;
  }

  reset(callId: string | null = null): void {
    this.callId = callId;
    this.#items = [];
    this.#positions.clear();
    this.#customer = [];
  }

  upsert(segment: TranscriptSegment): UpsertResult {
    const position = this.#positions.get(segment.id);
    if (position === undefined) {
      const index = this.#items.length;
      this.#items.push(segment);
      this.#positions.set(segment.id, index);
      if (segment.speaker === 'customer') this.#customer.push(index);
      return { index };
    }
    const previous = this.#items[position]!;
    if (
      previous.text === segment.text &&
      previous.final === segment.final &&
      previous.speaker === segment.speaker &&
      previous.offsetMs === segment.offsetMs
    ) {
      return null;
    }
    this.#items[position] = segment;
    if (previous.speaker !== segment.speaker) {
      // Recognition rarely reassigns a line's speaker; rebuilding is fine then.
      this.#customer = [];
      this.#items.forEach((s, i) => s.speaker === 'customer' && this.#customer.push(i));
    }
    return { index: position, previous };
  }

  /** Where the line at `position` sits in the customer view (or would). */
  customerIndexOf(position: number): number {
    let lo = 0;
    let hi = this.#customer.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#customer[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
