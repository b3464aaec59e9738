import { render } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';

/**
 * Row heights with prefix sums in O(log n) (a Fenwick tree), so that one row
 * changing height on a 20,000-row list costs the same as on a 50-row list.
 * Appending is a point update on a zeroed slot; only growing the capacity
 * rebuilds, which amortizes to O(1).
 */
export class HeightIndex {
  #tree = new Float64Array(1024 + 1);
  #values = new Float64Array(1024);
  #n = 0;

  get length(): number {
    return this.#n;
  }

  get total(): number {
    return this.prefix(this.#n);
  }

  /** Replaces every height: O(n). */
  reset(count: number, heightAt: (index: number) => number): void {
    this.#ensure(count);
    this.#values.fill(0);
    for (let i = 0; i < count; i++) this.#values[i] = heightAt(i);
    this.#n = count;
    this.#rebuild();
  }

  push(height: number): void {
    const index = this.#n++;
    this.#ensure(index + 1);
    this.#values[index] = height;
    this.#add(index, height);
  }

  get(index: number): number {
    return this.#values[index]!;
  }

  set(index: number, height: number): void {
    const delta = height - this.#values[index]!;
    if (delta === 0) return;
    this.#values[index] = height;
    this.#add(index, delta);
  }

  /** Sum of the heights of rows `[0, index)`. */
  prefix(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.#n); i > 0; i -= i & -i) sum += this.#tree[i]!;
    return sum;
  }

  /** The row that contains `offset` (clamped to the first and last row). */
  find(offset: number): number {
    if (this.#n === 0) return 0;
    const size = this.#values.length;
    let pos = 0;
    let rest = offset;
    // The capacity is a power of two: the first step is the whole tree.
    for (let step = size; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= size && this.#tree[next]! <= rest) {
        pos = next;
        rest -= this.#tree[next]!;
      }
    }
    return Math.min(pos, this.#n - 1);
  }

  #add(index: number, delta: number): void {
    const size = this.#values.length;
    for (let i = index + 1; i <= size; i += i & -i) this.#tree[i] = this.#tree[i]! + delta;
  }

  #ensure(count: number): void {
    let size = this.#values.length;
    if (count <= size) return;
    while (size < count) size *= 2;
    // Slots past the last row hold zeros, so copying them all keeps the sums.
    const values = new Float64Array(size);
    values.set(this.#values);
    this.#values = values;
    this.#tree = new Float64Array(size + 1);
    this.#rebuild();
  }

  #rebuild(): void {
    const size = this.#values.length;
    this.#tree.fill(0);
    for (let i = 1; i <= size; i++) {
      this.#tree[i] = this.#tree[i]! + this.#values[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= size) this.#tree[parent] = this.#tree[parent]! + this.#tree[i]!;
    }
  }
}

/** What a virtual list shows: read live, never copied. */
export interface ListModel<T> {
  readonly length: number;
  at(index: number): T;
  /**
   * Where the row with `key` is. When it is not in this model (a filter hid
   * it), the first row after where it would be, with `exact: false`.
   */
  locate(key: string): { index: number; exact: boolean };
}

export interface VirtualListOptions<T> {
  /** The model shown first; `setModel` replaces it. */
  model: ListModel<T>;
  keyOf(item: T): string;
  renderRow(item: T): unknown;
  /**
   * What a row's template depends on besides the item itself. A row is
   * rendered again only when its item (by identity) or one of these values
   * changes: each update then costs one row, not every visible row. The list
   * sets `aria-posinset` and `aria-setsize` on each row itself, and
   * `data-first` / `data-last` on the first and last row of the whole list.
   */
  rowDeps(item: T): readonly unknown[];
  /** A height for a row never measured at this width. */
  estimate(item: T, width: number): number;
  /** Told when the list starts or stops following the newest row. */
  onFollowChange(following: boolean): void;
  /** Called before rows `[start, end)` render (to pick, say, the row that takes the tab stop). */
  beforeRender(start: number, end: number): void;
}


/**
 * Renders only the rows in and near a scroll viewport, into a rows container,
 * with lit's `render`. Heights are measured after each render, cached by key
 * (they survive filtering) and kept in a HeightIndex. Two scroll behaviours:
 * following the newest row while at the bottom, otherwise keeping the row at
 * the top of the viewport where it is, whatever changes above or around it.
 *
 * With `virtualize = false` every row is rendered (the benchmark's baseline).
 */
export class VirtualList<T> {
  virtualize = true;

  readonly #options: VirtualListOptions<T>;
  #model: ListModel<T>;
  readonly #index = new HeightIndex();
  readonly #measured = new Map<string, number>();
  /** Rows rendered since they were last measured: only these are measured again. */
  readonly #rendered = new Set<string>();
  #paddingStart = '';
  #paddingEnd = '';
  #anchor: { key: string; delta: number } | null = null;
  #viewport?: HTMLElement;
  #rows?: HTMLElement;
  #width = 0;
  #start = 0;
  #end = 0;
  #lastSetTop = NaN;
  #following = true;
  #resizeFrame = 0;
  readonly #resizeObserver: ResizeObserver;
  /**
   * Watches the rendered rows for size changes nobody rendered (a theme's
   * font size, a font arriving): rows are measured only when they render, so
   * without this their cached heights would go stale.
   */
  readonly #rowObserver: ResizeObserver;
  readonly #rowKeys = new WeakMap<Element, string>();
  #observedRows = new Set<Element>();
  readonly #onScroll = () => {
    const viewport = this.#viewport;
    if (viewport && this.#adoptScroll(viewport, true) && this.virtualize) this.sync();
  };

  constructor(options: VirtualListOptions<T>) {
    this.#options = options;
    this.#model = options.model;
    // A frame later: changing rows inside an observer's callback could resize
    // the viewport again within the frame, which the browser reports as an error.
    const resized = () => {
      cancelAnimationFrame(this.#resizeFrame);
      this.#resizeFrame = requestAnimationFrame(() => this.#resized());
    };
    this.#resizeObserver = new ResizeObserver(resized);
    this.#rowObserver = new ResizeObserver((entries) => {
      let stale = false;
      for (const entry of entries) {
        const key = this.#rowKeys.get(entry.target)!;
        const known = this.#measured.get(key);
        if (entry.target.isConnected && known !== undefined && Math.abs(entry.borderBoxSize[0]!.blockSize - known) > 0.5) {
          this.#measured.delete(key);
          stale = true;
        }
      }
      if (stale) resized();
    });
  }

  /** Whether the list sticks to the newest row. */
  get isFollowing(): boolean {
    return this.#following;
  }

  attach(viewport: HTMLElement, rows: HTMLElement): void {
    if (viewport === this.#viewport && rows === this.#rows) return;
    this.detach();
    this.#viewport = viewport;
    this.#rows = rows;
    this.#width = viewport.clientWidth;
    this.#start = this.#end = 0;
    this.#lastSetTop = NaN;
    this.#paddingStart = this.#paddingEnd = '';
    viewport.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#resizeObserver.observe(viewport);
    this.#rebuildHeights();
  }

  detach(): void {
    if (!this.#viewport) return;
    this.#viewport.removeEventListener('scroll', this.#onScroll);
    this.#resizeObserver.unobserve(this.#viewport);
    this.#rowObserver.disconnect();
    this.#observedRows.clear();
    cancelAnimationFrame(this.#resizeFrame);
    this.#viewport = this.#rows = undefined;
  }

  /** Shows another model (a filter changed, or a new call); the top row stays anchored. */
  setModel(model: ListModel<T>): void {
    this.#model = model;
    this.#rebuildHeights();
  }

  /** Forgets every row (a new call): measurements, anchor, and follows again. */
  clear(): void {
    this.#measured.clear();
    this.#anchor = null;
    this.#setFollowing(true);
    this.#rebuildHeights();
  }

  /** The row at `index` changed content; re-measure it when it is next rendered. */
  changed(index: number): void {
    // A rendered row gets a new item, so it renders again and is measured in the next sync.
    if (index >= this.#index.length || (index >= this.#start && index < this.#end)) return;
    this.#measured.delete(this.#options.keyOf(this.#model.at(index)));
    this.#index.set(index, this.#heightAt(index));
  }

  /** Follows the newest row again, and scrolls to it. */
  scrollToEnd(): void {
    this.#setFollowing(true);
    this.sync();
  }

  /** Scrolls just enough to show the row at `index` whole. */
  reveal(index: number): void {
    const viewport = this.#viewport;
    if (!viewport || index < 0 || index >= this.#model.length) return;
    this.sync();
    const all = !this.virtualize;
    // Every row is in the DOM: take its real place.
    const row = this.#rows?.children[index] as HTMLElement | undefined;
    const height = viewport.clientHeight;
    const top = all ? (row?.offsetTop ?? 0) : this.#index.prefix(index);
    const bottom = top + (all ? (row?.offsetHeight ?? 0) : this.#index.get(index));
    const current = viewport.scrollTop;
    let target = current;
    if (top < current) target = top;
    else if (bottom > current + height) target = bottom - height;
    if (target === current) return;
    // Within the 8px slack of #adoptScroll, the newest row: follow again.
    this.#setFollowing(target >= (all ? viewport.scrollHeight : this.#index.total) - height - 8);
    this.#anchor = this.#anchorAt(target);
    this.sync();
  }

  /** The key of the row at the top of the viewport. */
  topKey(): string | null {
    if (!this.#viewport || this.#model.length === 0) return null;
    return this.#anchorAt(this.#viewport.scrollTop).key;
  }

  /**
   * Brings the DOM in line with the model and the scroll position: render the
   * rows in range, measure them, correct heights and scroll position, and go
   * again while measuring moved the range (a few passes at most).
   */
  sync(): void {
    const viewport = this.#viewport;
    const rows = this.#rows;
    if (!viewport || !rows) return;
    this.#adoptScroll(viewport, false);
    if (this.#index.length > this.#model.length) this.#rebuildHeights();
    for (let i = this.#index.length; i < this.#model.length; i++) this.#index.push(this.#heightAt(i));
    if (!this.virtualize) {
      this.#syncAll(viewport, rows);
      return;
    }
    const height = viewport.clientHeight;
    // Pixels rendered beyond each edge of the viewport.
    const overscan = Math.max(200, height / 2);
    for (let pass = 0; pass < 4; pass++) {
      const top = this.#targetTop(height);
      // An empty index finds row 0: start and end are both 0.
      const start = this.#index.find(top - overscan);
      // At most 240 rows: a guard against absurd estimates rendering thousands at once.
      const end = Math.min(this.#model.length, this.#index.find(top + height + overscan) + 1, start + 240);
      // Measuring corrected heights but the same rows are in range: all rendered and measured already.
      if (pass > 0 && start === this.#start && end === this.#end) break;
      this.#renderRange(rows, start, end);
      // The spacers before measuring, so that one forced layout covers both;
      // they change again only when a row outside the range changed height.
      this.#setPadding(rows);
      const moved = this.#measure(rows);
      this.#setPadding(rows);
      this.#applyTop(viewport, this.#targetTop(height));
      if (!moved) break;
    }
  }

  #syncAll(viewport: HTMLElement, rows: HTMLElement): void {
    const count = this.#model.length;
    // The anchor is found by the rows' real offsets: this path measures nothing.
    const anchor = this.#following ? null : this.#anchor;
    this.#renderRange(rows, 0, count);
    this.#rendered.clear();
    rows.style.paddingBlock = '0';
    this.#paddingStart = this.#paddingEnd = '';
    if (this.#following) {
      this.#applyTop(viewport, viewport.scrollHeight - viewport.clientHeight);
    } else if (anchor) {
      const { index, exact } = this.#model.locate(anchor.key);
      const row = rows.children[Math.min(index, count - 1)] as HTMLElement | undefined;
      if (row) this.#applyTop(viewport, row.offsetTop + (exact ? anchor.delta : 0));
    }
  }

  #renderRange(rows: HTMLElement, start: number, end: number): void {
    this.#start = start;
    this.#end = end;
    const items: T[] = [];
    for (let i = start; i < end; i++) items.push(this.#model.at(i));
    const count = this.#model.length;
    const { keyOf, renderRow, rowDeps, beforeRender } = this.#options;
    beforeRender(start, end);
    render(
      repeat(items, keyOf, (item) =>
        guard([item, ...rowDeps(item)], () => {
          this.#rendered.add(keyOf(item));
          return renderRow(item);
        }),
      ),
      rows,
    );
    // Kept out of the row templates: they change for every row whenever a line
    // is added, and re-rendering every row for that would cost what guard saves.
    const children = rows.children;
    const size = String(count);
    const observed = new Set<Element>();
    for (let k = 0; k < children.length; k++) {
      const child = children[k]!;
      const position = String(start + k + 1);
      if (child.getAttribute('aria-posinset') !== position) child.setAttribute('aria-posinset', position);
      if (child.getAttribute('aria-setsize') !== size) child.setAttribute('aria-setsize', size);
      // The last row's marker moves with every new line: toggling it here
      // costs the previous last row an attribute, not a render of its
      // template. Its height may change with it (edge spacing), so measure it.
      const first = start + k === 0;
      const last = start + k === count - 1;
      if (child.hasAttribute('data-first') !== first || child.hasAttribute('data-last') !== last) {
        child.toggleAttribute('data-first', first);
        child.toggleAttribute('data-last', last);
        this.#rendered.add(keyOf(items[k]!));
      }
      if (!this.virtualize) continue;
      observed.add(child);
      if (!this.#observedRows.delete(child)) {
        this.#rowKeys.set(child, keyOf(items[k]!));
        this.#rowObserver.observe(child);
      }
    }
    // Rows that left the DOM: an observer holds on to what it observes.
    for (const gone of this.#observedRows) this.#rowObserver.unobserve(gone);
    this.#observedRows = observed;
  }

  /** The spacers standing for the rows before and after the rendered ones. */
  #setPadding(rows: HTMLElement): void {
    const before = `${this.#index.prefix(this.#start)}px`;
    const after = `${Math.max(0, this.#index.total - this.#index.prefix(this.#end))}px`;
    // Unchanged values are not written: a write would invalidate the rows' style.
    if (before !== this.#paddingStart) rows.style.paddingBlockStart = this.#paddingStart = before;
    if (after !== this.#paddingEnd) rows.style.paddingBlockEnd = this.#paddingEnd = after;
  }

  /**
   * Measures the rows rendered since their last measurement (or never
   * measured at this width); true when a height changed. A row that did not
   * render again keeps its height, so an update that touches no row forces
   * no layout here.
   */
  #measure(rows: HTMLElement): boolean {
    let changed = false;
    const children = rows.children;
    const { keyOf } = this.#options;
    for (let k = 0; k < children.length && this.#start + k < this.#end; k++) {
      const index = this.#start + k;
      const key = keyOf(this.#model.at(index));
      if (!this.#rendered.has(key) && this.#measured.has(key)) continue;
      const height = children[k]!.getBoundingClientRect().height;
      this.#measured.set(key, height);
      if (Math.abs(this.#index.get(index) - height) > 0.5) {
        this.#index.set(index, height);
        changed = true;
      }
    }
    this.#rendered.clear();
    return changed;
  }

  /** Where the viewport's top belongs, within the list: the end while following, else where the anchor row now is. */
  #targetTop(height: number): number {
    const end = this.#index.total - height;
    let top = end;
    if (!this.#following) {
      const anchor = this.#anchor;
      const at = anchor && this.#model.locate(anchor.key);
      if (!at) top = this.#viewport?.scrollTop ?? 0;
      else if (at.index < this.#model.length) top = this.#index.prefix(at.index) + (at.exact ? anchor!.delta : 0);
    }
    return Math.max(0, Math.min(top, end));
  }

  #applyTop(viewport: HTMLElement, top: number): void {
    if (Math.abs(viewport.scrollTop - top) > 0.5) viewport.scrollTop = top;
    this.#lastSetTop = viewport.scrollTop;
  }

  /**
   * Takes a scroll position we did not set as the agent's: it moves the
   * anchor and decides whether we follow. Our own corrections also fire
   * scroll events; those are ignored. `sync` checks too, because a render can
   * come before the scroll event of a position that just changed.
   */
  #adoptScroll(viewport: HTMLElement, fromEvent: boolean): boolean {
    const top = viewport.scrollTop;
    if (isNaN(this.#lastSetTop) ? !fromEvent : Math.abs(top - this.#lastSetTop) < 1) return false;
    this.#lastSetTop = top;
    // Within 8px of the bottom still counts as at the newest line.
    const atBottom = top >= viewport.scrollHeight - viewport.clientHeight - 8;
    this.#setFollowing(atBottom);
    this.#anchor = this.#anchorAt(top);
    return true;
  }

  /** The viewport, or rows without rendering again, changed size. */
  #resized(): void {
    const viewport = this.#viewport;
    if (!viewport) return;
    const width = viewport.clientWidth;
    if (Math.abs(width - this.#width) > 0.5) {
      // Heights depend on the width: forget them and estimate again.
      this.#width = width;
      this.#measured.clear();
      this.#rebuildHeights();
    }
    this.sync();
  }

  #anchorAt(top: number): { key: string; delta: number } {
    if (!this.virtualize && this.#rows) {
      const children = this.#rows.children;
      let lo = 0;
      let hi = children.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((children[mid] as HTMLElement).offsetTop <= top) lo = mid;
        else hi = mid - 1;
      }
      const row = children[lo] as HTMLElement | undefined;
      if (!row || lo >= this.#model.length) return { key: '', delta: 0 };
      return { key: this.#options.keyOf(this.#model.at(lo)), delta: top - row.offsetTop };
    }
    const index = this.#index.find(top);
    if (index >= this.#model.length) return { key: '', delta: 0 };
    return { key: this.#options.keyOf(this.#model.at(index)), delta: top - this.#index.prefix(index) };
  }

  #setFollowing(following: boolean): void {
    if (following === this.#following) return;
    this.#following = following;
    if (following) this.#anchor = null;
    this.#options.onFollowChange(following);
  }

  #rebuildHeights(): void {
    this.#index.reset(this.#model.length, (i) => this.#heightAt(i));
  }

  /** The row's measured height, or an estimate when it was never measured at this width. */
  #heightAt(index: number): number {
    const item = this.#model.at(index);
    return this.#measured.get(this.#options.keyOf(item)) ?? this.#options.estimate(item, this.#width);
  }
}
