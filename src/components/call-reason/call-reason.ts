import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isBackendError, newIdempotencyKey } from '../../backend/errors.js';
import type { CallReasonInput, SavedCallReason } from '../../backend/types.js';
import type { CallSession, IdentifiedReason } from '../../context/types.js';
import { DraftController } from '../../controllers/draft-controller.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { CallReasonSavedEvent, CallReasonSaveRequestEvent } from './call-reason.events.js';
import { styles } from './call-reason.styles.js';
import { addEnglish } from '../../localize/registry.js';
import callReasonEn from '../../localize/locales/en/call-reason.js';

addEnglish(callReasonEn);

/** A reason of the tree with what the tree view needs to know about it. */
interface IndexedReason {
  readonly key: number;
  readonly id: string;
  readonly label: string;
  readonly path: readonly string[];
  readonly parent: IndexedReason | null;
  readonly children: readonly IndexedReason[];
}

interface ReasonIndex {
  readonly roots: readonly IndexedReason[];
  readonly byId: ReadonlyMap<string, IndexedReason>;
  /** Every reason, in tree order; a reason's key is its place here. */
  readonly byKey: readonly IndexedReason[];
}

interface CallData {
  readonly saved: SavedCallReason | null;
  readonly identified: IdentifiedReason | null;
}

type Draft = CallReasonInput;
/** The element's `l10n.t`, bound: render passes it to the parts it draws. */
type Translate = LocalizeController['t'];

/** 'ended' and 'ended-abnormally'. */
const ended = (call: CallSession): boolean => call.state.startsWith('ended');
/** Deeper trees are cut: no configuration needs them, and unbounded recursion on backend data could overflow the stack. */
const MAX_DEPTH = 12;
const TYPE_AHEAD_MS = 500;

/**
 * The reason the customer called, and the agent's remarks. The reason the
 * system identified (the caller's IVR choice or speech recognition) is
 * preselected for the agent to confirm or change; the agent picks one or
 * more reasons from the tenant's multi-level reason tree (a keyboard-operable
 * tree view with search), adds remarks up to the configured limit (300
 * characters by default), and saves. An unsaved draft survives a page
 * reload during the call.
 *
 * @summary Identified call reason, reason tree, remarks and save.
 * @tag call-reason
 *
 * @csspart base - The panel.
 * @csspart identified - The reason the system identified, and how.
 * @csspart search - The search box that filters the tree.
 * @csspart tree - The reason tree.
 * @csspart match - The highlighted part of a label that matches the search.
 * @csspart chips - The list of selected reasons.
 * @csspart chip - One selected reason with its remove button.
 * @csspart remarks - The remarks text area.
 * @csspart counter - The remarks character counter.
 * @csspart save - The save button.
 * @csspart status - The saved / unsaved indicator.
 * @csspart empty - The message shown when there is no call.
 *
 * @cssprop --avw-call-reason-tree-max-height - Height of the tree before it scrolls (default 18rem).
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-border - Panel, tree and field borders.
 * @cssprop --avw-color-info-bg - Selected tree rows and the identified reason.
 * @cssprop --avw-color-warning-bg - Search matches.
 * @cssprop --avw-color-danger - Refusals and errors.
 *
 * @event avw-call-reason-save-request - Before saving; cancel it to stop the save. Carries `callId`, `reasonIds` and `remarks`.
 * @event avw-call-reason-saved - The backend saved the call reason. Carries `saved` (the stored value) and `callId`.
 */
export class CallReason extends WorkbenchElement {
  static override styles = styles;

  // The per-call state below is set by #resetFor, which the first update
  // runs too; only what `value` reads before that starts with a value here.

  /** The reasons the agent chose, in the order chosen. @internal */
  @state() protected selected: readonly string[] = [];
  /** @internal */
  @state() protected remarks = '';
  /** Why the last edit of the remarks was refused, if it was. @internal */
  @state() protected remarksProblem!: string | null;
  /** @internal */
  @state() protected formProblem!: string | null;
  /** @internal */
  @state() protected query!: string;
  /** @internal */
  @state() protected expanded!: ReadonlySet<string>;
  /** The tree item that holds the roving tab stop. @internal */
  @state() protected activeId?: string;
  /** @internal */
  @state() protected saving!: boolean;
  /** @internal */
  @state() protected saveError!: string | null;
  /** What the backend holds for this call: loaded or just saved. @internal */
  @state() protected savedValue!: SavedCallReason | null;
  /** @internal */
  @state() protected announcement!: string;

  /** The current choice: what Save would send. */
  get value(): CallReasonInput {
    return { reasonIds: [...this.selected], remarks: this.remarks };
  }

  /** Undefined until the first update, so that it resets the panel for whatever call there is. */
  #callId?: string | null;
  /** The agent changed something (or a draft was restored): later loads must not overwrite it. */
  #touched!: boolean;
  #saveAbort?: AbortController;
  #idempotencyKey!: string;
  #keyFor!: string;
  #typeBuffer!: string;
  #typeTime!: number;
  #index = NO_REASONS;
  /** The branches the agent had open before searching (set when a search starts): they come back when the search is cleared. */
  #expandedBeforeSearch!: ReadonlySet<string>;
  /** Whether the last render drew the tree (the search box's aria-controls needs a target). */
  #treeShown?: boolean;

  /** @internal */
  protected readonly draft = new DraftController<Draft>(this, {
    name: 'call-reason',
    keyParts: () => [this.currentAgent?.tenantId ?? this.currentConfig.tenantId, this.currentAgent?.id, this.currentCall?.id],
    parse: parseDraft,
    onKeyChange: (draft) => this.#restoreDraft(draft),
  });

  /** @internal */
  protected readonly treeTask = new Task(this, {
    task: async ([backend], { signal }) => (backend ? indexTree(await backend.getReasonTree({ signal })) : null),
    args: () => [this.currentBackend] as const,
  });

  /** @internal */
  protected readonly callTask = new Task(this, {
    task: async ([backend, callId, askIdentified], { signal }): Promise<CallData | null> => {
      if (!backend || !callId) return null;
      const [saved, identified] = await Promise.all([
        backend.getCallReason(callId, { signal }),
        askIdentified
          ? backend.getIdentifiedReason(callId, { signal }).catch((error: unknown) => {
              // A call the backend no longer knows simply has no identified reason.
              if (isBackendError(error) && error.kind === 'not-found') return null;
              throw error;
            })
          : null,
      ]);
      // A changed call reruns the task, which aborts this run first.
      if (!signal.aborted) {
        this.savedValue = saved;
        // What was saved is the agent's confirmed choice and wins over what
        // the system guessed; what the agent did wins over both. A call that
        // carries its identified reason (even null) was not asked about:
        // `identified` is null then.
        const source = this.currentCall?.identifiedReason ?? identified;
        if (!this.#touched) {
          if (saved) {
            this.selected = [...saved.reasonIds];
            this.remarks = saved.remarks;
          } else if (source) {
            this.selected = [source.reasonId];
          }
          this.#expandTo(this.selected);
        }
      }
      return { saved, identified };
    },
    // The call object is replaced on every call event; only its id and
    // whether it already carries the identified reason decide a reload.
    args: () => [this.currentBackend, this.currentCall?.id ?? null, this.currentCall?.identifiedReason === undefined] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saveAbort?.abort();
  }

  protected override willUpdate(): void {
    const call = this.currentCall;
    const id = call?.id ?? null;
    if (id !== this.#callId) this.#resetFor(id);
    // Runs before the draft controller's update, so a reload after the call
    // ended does not bring back a draft of a finished call.
    if (call && ended(call)) this.draft.clear();
    const index = this.treeTask.value ?? NO_REASONS;
    if (index !== this.#index) {
      this.#index = index;
      this.#expandTo(this.selected);
    }
  }

  /** The identified reason: the call's own, else what the backend said. @internal */
  protected get identified(): IdentifiedReason | null {
    const call = this.currentCall;
    if (!call) return null;
    if (call.identifiedReason !== undefined) return call.identifiedReason;
    return this.callTask.value?.identified ?? null;
  }

  #resetFor(callId: string | null): void {
    this.#saveAbort?.abort();
    this.#callId = callId;
    this.#touched = false;
    this.selected = [];
    this.remarks = '';
    this.remarksProblem = null;
    this.formProblem = null;
    this.saving = false;
    this.saveError = null;
    this.savedValue = null;
    this.announcement = '';
    this.#keyFor = '';
    // A new caller starts from a clean tree: the last call's search and open branches say nothing about this one.
    this.query = '';
    this.expanded = new Set();
  }

  #restoreDraft(draft: Draft | null): void {
    if (draft && !this.#touched) {
      this.#touched = true;
      this.selected = draft.reasonIds;
      this.remarks = draft.remarks;
      this.#expandTo(draft.reasonIds);
      this.announcement = this.l10n.t('callReason.draftRestored');
    } else if (this.#touched) {
      // The scope arrived after the agent started (the agent record loads
      // after the call): keep what they did under the new key.
      this.#persist();
    }
  }

  /** Opens the branches above `ids` so the chosen reasons can be seen in the tree. */
  #expandTo(ids: readonly string[]): void {
    const next = new Set(this.expanded);
    for (const id of ids) {
      for (let node = this.#index.byId.get(id)?.parent; node; node = node.parent) next.add(node.id);
    }
    this.expanded = next;
  }

  // ---- changes -----------------------------------------------------------

  #changed(): void {
    this.#touched = true;
    this.formProblem = null;
    this.saveError = null;
    this.#persist();
  }

  /** Whether the choice is what the backend holds (the same reasons in any order, the same remarks). */
  get #isSaved(): boolean {
    const saved = this.savedValue;
    const { reasonIds, remarks } = this.value;
    return !!saved && saved.remarks === remarks && saved.reasonIds.length === reasonIds.length && reasonIds.every((id) => saved.reasonIds.includes(id));
  }

  #persist(): void {
    const call = this.currentCall;
    if (!call || ended(call)) return;
    // A draft equal to what the backend holds is no draft.
    if (this.#isSaved) this.draft.clear();
    else this.draft.save(this.value);
  }

  /** Adds a reason to the choice or takes it out. */
  #choose(id: string, on: boolean): void {
    this.selected = on ? [...this.selected, id] : this.selected.filter((s) => s !== id);
    this.#changed();
  }

  #removeReason(id: string, index: number): void {
    this.announcement = this.l10n.t('callReason.selected.removed', { path: this.#pathText(id) });
    this.#choose(id, false);
    // Keep the keyboard where it was: on the next chip, else the previous, else the search box.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~=chip] button');
      (buttons[index] ?? buttons[index - 1] ?? this.renderRoot.querySelector<HTMLInputElement>('#search'))?.focus();
    });
  }

  #selectIdentified(): void {
    const id = this.identified?.reasonId;
    if (!id || this.selected.includes(id)) return;
    this.#expandTo([id]);
    this.#choose(id, true);
  }

  // ---- remarks -------------------------------------------------------------

  get #maxRemarks(): number {
    return this.currentConfig.limits.remarksMaxLength;
  }

  /** What is wrong with remarks longer than the limit (saved ones can be). */
  get #overLimit(): string | undefined {
    const count = this.remarks.length;
    const max = this.#maxRemarks;
    return count > max ? this.l10n.t('callReason.remarks.overLimit', { count, max }) : undefined;
  }

  /*
   * Over-long remarks are refused, never cut: the browser's maxlength would
   * silently drop the end of a paste. `beforeinput` stops the edit before it
   * lands; `input` is the safety net for edits that cannot be cancelled
   * (IME, autofill) and puts the previous text back. Growing past the limit
   * is refused; shrinking is always allowed, so over-long saved remarks can
   * be shortened. Lengths are UTF-16 units, as the backend counts them.
   */
  #onBeforeInput(event: InputEvent): void {
    // Only inserts can grow the text: for any other edit `next` below is at most the current length.
    const type = event.inputType;
    if (!event.cancelable) return;
    const area = event.target as HTMLTextAreaElement;
    const inserted = /^insert(LineBreak|Paragraph)$/.test(type)
      ? '\n'
      : (event.data ?? event.dataTransfer?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');
    const next = area.value.length - (area.selectionEnd - area.selectionStart) + inserted.length;
    if (next > this.#maxRemarks && next > area.value.length) {
      event.preventDefault();
      this.#refuse(type, next);
    }
  }

  /** On input, and on compositionend: the input events of a composition are left to its end. */
  #onRemarksInput(event: Partial<InputEvent> & Event): void {
    if (event.isComposing) return;
    const area = event.target as HTMLTextAreaElement;
    const value = area.value;
    if (value.length > this.#maxRemarks && value.length > this.remarks.length) {
      const caret = Math.max(0, area.selectionStart - (value.length - this.remarks.length));
      area.value = this.remarks;
      area.setSelectionRange(caret, caret);
      this.#refuse(event.inputType, value.length);
      return;
    }
    if (value === this.remarks) return;
    this.remarks = value;
    this.remarksProblem = null;
    this.#changed();
  }

  #refuse(inputType = '', length: number): void {
    // insertFromPaste, insertFromPasteAsQuotation, insertFromDrop
    const pasted = /^insertFrom(Paste|Drop)/.test(inputType);
    this.remarksProblem = this.l10n.t(pasted ? 'callReason.remarks.tooLongPasted' : 'callReason.remarks.tooLongTyped', {
      max: this.#maxRemarks,
      count: length,
    });
  }

  // ---- saving --------------------------------------------------------------

  async #save(event?: Event): Promise<void> {
    event?.preventDefault();
    const call = this.currentCall;
    const backend = this.currentBackend;
    if (!call || this.saving) return;
    const value = this.value;
    const problem =
      value.reasonIds.length === 0
        ? this.l10n.t('callReason.required')
        : (this.#overLimit ?? (this.#isSaved ? this.l10n.t('callReason.unchanged') : null));
    if (problem) {
      this.formProblem = problem;
      return;
    }
    if (!backend) {
      this.saveError = this.l10n.t('common.noBackend');
      return;
    }
    // One key per value: a retry of the same value reuses it (the backend
    // then acts once); a changed value is a new action with a new key.
    const fingerprint = JSON.stringify([call.id, value]);
    if (fingerprint !== this.#keyFor) {
      this.#keyFor = fingerprint;
      this.#idempotencyKey = newIdempotencyKey();
    }
    if (!this.dispatchEvent(new CallReasonSaveRequestEvent(call.id, value.reasonIds, value.remarks))) return;
    const abort = new AbortController();
    this.#saveAbort = abort;
    this.saving = true;
    this.saveError = null;
    this.formProblem = null;
    try {
      const saved = await backend.saveCallReason(call.id, value, { idempotencyKey: this.#idempotencyKey, signal: abort.signal });
      if (abort.signal.aborted) return;
      this.savedValue = saved;
      this.#keyFor = '';
      this.announcement = this.l10n.t('callReason.saved');
      // Only clear when nothing changed while the save was in flight.
      if (this.#isSaved) this.draft.clear();
      this.dispatchEvent(new CallReasonSavedEvent(saved));
    } catch (error) {
      if (!abort.signal.aborted) this.saveError = this.errorMessage(error);
    } finally {
      if (this.#saveAbort === abort) this.saving = false;
    }
  }

  // ---- tree view -------------------------------------------------------------

  /** The reasons whose label holds the search; null when there is no search. */
  get #matches(): IndexedReason[] | null {
    const query = normalize(this.query);
    return query ? this.#index.byKey.filter((node) => normalize(node.label).includes(query)) : null;
  }

  /** The reasons shown for the current search: matches, their ancestors and everything under a matching branch. */
  get #shownIds(): ReadonlySet<string> | null {
    const matches = this.#matches;
    if (!matches) return null;
    const shown = new Set<string>();
    const addSubtree = (node: IndexedReason): void => {
      shown.add(node.id);
      node.children.forEach(addSubtree);
    };
    for (const node of matches) {
      // A matching category keeps its reasons reachable: searching "Payment" must let the agent pick a payment reason.
      addSubtree(node);
      for (let up = node.parent; up; up = up.parent) shown.add(up.id);
    }
    return shown;
  }

  /** Tree items in the order the keyboard walks them. */
  #visible(shown: ReadonlySet<string> | null): IndexedReason[] {
    const out: IndexedReason[] = [];
    const walk = (nodes: readonly IndexedReason[]): void => {
      for (const node of nodes) {
        if (shown && !shown.has(node.id)) continue;
        out.push(node);
        if (this.expanded.has(node.id)) walk(node.children);
      }
    };
    walk(this.#index.roots);
    return out;
  }

  #onSearch(event: Event): void {
    if (!normalize(this.query)) this.#expandedBeforeSearch = this.expanded;
    this.query = (event.target as HTMLInputElement).value;
    // Each query opens the way to its own matches only; the agent's own
    // layout comes back when the search is cleared.
    this.expanded = this.#expandedBeforeSearch;
    const matches = this.#matches;
    this.#expandTo(matches ? matches.map((node) => node.id) : this.selected);
    const shown = this.#shownIds;
    const count = shown && this.#index.byKey.filter((n) => n.children.length === 0 && shown.has(n.id)).length;
    this.announcement = !shown
      ? ''
      : count
        ? this.l10n.t('callReason.search.count', { count })
        : this.l10n.t('callReason.search.none', { query: this.query.trim() });
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    // Down goes to the item that holds the tree's tab stop.
    const item = event.key === 'ArrowDown' && this.renderRoot.querySelector<HTMLElement>('[role=treeitem][tabindex="0"]');
    if (!item) return;
    event.preventDefault();
    item.focus();
  }

  #focusReason(node: IndexedReason): void {
    this.activeId = node.id;
    // After the update: the item may not be rendered yet (its branch just opened).
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#ti-${node.key}`)?.focus());
  }

  /** Opens a closed branch, closes an open one. */
  #toggleOpen(node: IndexedReason): void {
    const next = new Set(this.expanded);
    if (!next.delete(node.id)) next.add(node.id);
    this.expanded = next;
  }

  #onTreeKeydown(event: KeyboardEvent): void {
    const key = event.key;
    // A tree item's id is ti-<key>.
    const node = this.#index.byKey[Number((event.target as HTMLElement).id.slice(3))];
    if (!node || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = this.#visible(this.#shownIds);
    const at = list.indexOf(node);
    const next = list[at + 1];
    const branch = node.children.length > 0;
    const open = branch && this.expanded.has(node.id);
    const rtl = getComputedStyle(this).direction === 'rtl';
    let to: IndexedReason | null | undefined;
    let handled = true;
    switch (key) {
      case 'ArrowDown':
        to = next;
        break;
      case 'ArrowUp':
        to = list[at - 1];
        break;
      case 'Home':
        to = list[0];
        break;
      case 'End':
        to = list[list.length - 1];
        break;
      case rtl ? 'ArrowLeft' : 'ArrowRight':
        // Opens a closed branch; in an open one, goes to its first child.
        if (branch && !open) this.#toggleOpen(node);
        else if (next?.parent === node) to = next;
        break;
      case rtl ? 'ArrowRight' : 'ArrowLeft':
        if (open) this.#toggleOpen(node);
        else to = node.parent;
        break;
      case 'Enter':
      case ' ':
        this.#activate(node);
        break;
      case '*':
        // Opening the way to the siblings' children opens every sibling that is a branch.
        this.#expandTo((node.parent?.children ?? this.#index.roots).flatMap((sibling) => sibling.children.map((child) => child.id)));
        break;
      default:
        handled = key.length === 1 && /\S/u.test(key);
        if (handled) to = this.#typeAhead(key, list, at);
    }
    if (to) this.#focusReason(to);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** The next shown reason whose label starts with what was typed (letters typed quickly add up). */
  #typeAhead(char: string, list: readonly IndexedReason[], at: number): IndexedReason | undefined {
    const now = performance.now();
    const typed = (this.#typeBuffer = now - this.#typeTime < TYPE_AHEAD_MS ? this.#typeBuffer + char : char);
    this.#typeTime = now;
    // A fresh letter looks past the current item; a longer prefix may still
    // match it, else its last letter starts afresh past it.
    const found = findFrom(list, typed === char ? at + 1 : at, normalize(typed)) ?? findFrom(list, at + 1, normalize(char));
    // A new letter that matches nothing starts the next prefix afresh.
    if (!found) this.#typeBuffer = '';
    return found;
  }

  /*
   * Only leaf reasons can be chosen. A branch is a category ("Billing"):
   * the reason reports count calls per concrete reason, and a bare
   * category would tell them nothing while letting the choice be skipped.
   * Enter, Space or a click on a branch opens or closes it instead.
   */
  #activate(node: IndexedReason): void {
    this.activeId = node.id;
    if (node.children.length > 0) this.#toggleOpen(node);
    else this.#choose(node.id, !this.selected.includes(node.id));
  }

  // ---- rendering -------------------------------------------------------------

  /** The reason's path in the tree; for the identified reason, the path it came with if the tree has no such reason. */
  #pathText(id: string): string {
    const identified = this.identified;
    const path = this.#index.byId.get(id)?.path ?? (identified?.reasonId === id ? identified.path : null);
    return path?.length ? path.join(this.l10n.t('callReason.path.separator')) : this.l10n.t('callReason.selected.unknown', { id });
  }

  #highlight(label: string): (TemplateResult | string)[] | string {
    const query = normalize(this.query);
    const lower = normalize(label);
    // Case folding that changes the length would misplace the marks; the match still counts.
    if (!query || lower.length !== label.length) return label;
    const parts: (TemplateResult | string)[] = [];
    let from = 0;
    for (let at = lower.indexOf(query); at >= 0; at = lower.indexOf(query, from)) {
      parts.push(label.slice(from, at), html`<mark part="match">${label.slice(at, at + query.length)}</mark>`);
      from = at + query.length;
    }
    parts.push(label.slice(from));
    return parts;
  }

  #renderItems(nodes: readonly IndexedReason[], shown: ReadonlySet<string> | null, active: string | undefined): TemplateResult[] {
    const present = nodes.filter((n) => !shown || shown.has(n.id));
    return present.map((node, i) => {
      const branch = node.children.length > 0;
      const open = branch && this.expanded.has(node.id);
      const selected = !branch && this.selected.includes(node.id);
      // The treeitem holds only its own label (its accessible name); its
      // group is a sibling it owns, so the name never swallows the children.
      return html`<li role="none">
        <div
          role="treeitem"
          class="row"
          id="ti-${node.key}"
          aria-level=${node.path.length}
          aria-setsize=${present.length}
          aria-posinset=${i + 1}
          aria-expanded=${branch ? String(open) : nothing}
          aria-selected=${branch ? nothing : String(selected)}
          aria-owns=${open ? `tg-${node.key}` : nothing}
          tabindex=${node.id === active ? 0 : -1}
          @click=${() => this.#activate(node)}
        >
          ${branch
            ? html`<span class="twisty" aria-hidden="true"></span>`
            : html`<span class="check" aria-hidden="true">${selected ? '✓' : ''}</span>`}
          <span class="label">${this.#highlight(node.label)}</span>
        </div>
        ${open ? html`<ul role="group" id="tg-${node.key}">${this.#renderItems(node.children, shown, active)}</ul>` : nothing}
      </li>`;
    });
  }

  #renderTree(t: Translate) {
    this.#treeShown = false;
    const status = this.treeTask.status;
    // INITIAL or PENDING
    if (status < TaskStatus.COMPLETE) {
      return html`<p class="state" aria-busy="true" data-state="loading">${t('callReason.tree.loading')}</p>`;
    }
    if (status === TaskStatus.ERROR) {
      return html`<div class="error-box" role="alert" data-state="tree-error">
        <span>${t('callReason.tree.error')} ${this.errorMessage(this.treeTask.error)}</span>
        <button type="button" @click=${() => void this.treeTask.run()}>${t('common.retry')}</button>
      </div>`;
    }
    if (this.treeTask.value === null) return html`<p class="state">${t('common.noBackend')}</p>`;
    if (this.#index.roots.length === 0) return html`<p class="state" data-state="empty-tree">${t('callReason.tree.empty')}</p>`;
    const shown = this.#shownIds;
    const list = this.#visible(shown);
    if (list.length === 0) {
      return html`<p class="state" data-state="no-match">${t('callReason.search.none', { query: this.query.trim() })}</p>`;
    }
    this.#treeShown = true;
    // The tab stop: the active item if shown, else the first shown.
    const active = (list.find((n) => n.id === this.activeId) ?? list[0])!.id;
    return html`<ul
      part="tree"
      id="tree"
      role="tree"
      aria-labelledby="tree-label"
      aria-multiselectable="true"
      @keydown=${this.#onTreeKeydown}
      @focusin=${(e: FocusEvent) => {
        const node = this.#index.byKey[Number((e.target as HTMLElement).id.slice(3))];
        if (node) this.activeId = node.id;
      }}
    >
      ${this.#renderItems(this.#index.roots, shown, active)}
    </ul>`;
  }

  #renderIdentified(t: Translate) {
    const identified = this.identified;
    if (!identified) {
      // Say so only once we know: before that it would flash.
      const known = this.currentCall?.identifiedReason === null || this.callTask.status === TaskStatus.COMPLETE;
      return known ? html`<p class="muted identified-none">${t('callReason.identified.none')}</p>` : nothing;
    }
    const inTree = this.#index.byId.get(identified.reasonId)?.children.length === 0;
    const treeLoaded = this.treeTask.status === TaskStatus.COMPLETE && this.#index.roots.length > 0;
    // Whole keys, not built from the source: the no-build bundle shortens only keys it can see.
    const ivr = identified.source === 'ivr';
    return html`<div part="identified" class="identified" data-source=${identified.source}>
      <span class="badge">${t(ivr ? 'callReason.identified.badge.ivr' : 'callReason.identified.badge.recognition')}</span>
      <div class="identified-text">
        <span class="muted">${t(ivr ? 'callReason.identified.ivr' : 'callReason.identified.recognition')}</span>
        <strong>${this.#pathText(identified.reasonId)}</strong>
        ${treeLoaded && !inTree ? html`<span class="muted">${t('callReason.identified.notInTree')}</span>` : nothing}
      </div>
      ${inTree && !this.selected.includes(identified.reasonId)
        ? html`<button type="button" class="link" @click=${this.#selectIdentified}>${t('callReason.identified.select')}</button>`
        : nothing}
    </div>`;
  }

  #renderChips(t: Translate) {
    const identifiedId = this.identified?.reasonId;
    // Until the saved reason is known, the preselection could still change under the agent's eyes.
    if (this.callTask.status === TaskStatus.PENDING && !this.#touched) {
      return html`<p class="state" aria-busy="true" data-state="call-loading">${t('common.loading')}</p>`;
    }
    if (this.selected.length === 0) return html`<p class="muted" id="chips-none">${t('callReason.selected.none')}</p>`;
    return html`<ul part="chips" class="chips" aria-labelledby="chips-label">
      ${this.selected.map((id, i) => {
        const path = this.#pathText(id);
        return html`<li part="chip" class="chip">
          <span class="chip-path">${path}</span>
          ${id === identifiedId ? html`<span class="chip-tag">${t('callReason.identified.chip')}</span>` : nothing}
          <button
            type="button"
            class="chip-remove"
            aria-label=${t('callReason.selected.remove', { path })}
            ?disabled=${this.saving}
            @click=${() => this.#removeReason(id, i)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #renderStatus(t: Translate) {
    const saved = this.savedValue;
    if (this.#isSaved) {
      return html`<span part="status" class="status" data-status="saved">
        ${t('callReason.savedAt', { time: this.l10n.dateTime(saved!.savedAt, { timeStyle: 'short' }) })}
      </span>`;
    }
    if (this.#touched && (saved || this.selected.length > 0 || this.remarks)) {
      return html`<span part="status" class="status" data-status="unsaved">${t('callReason.unsaved')}</span>`;
    }
    return nothing;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const call = this.currentCall;
    const dir = this.l10n.dir === 'rtl' ? 'rtl' : nothing;
    if (!call) {
      return html`<section part="base" aria-labelledby="title" dir=${dir}>
        <h2 id="title">${t('callReason.title')}</h2>
        <p part="empty" class="state">${t('common.noCall')}</p>
      </section>`;
    }
    const max = this.#maxRemarks;
    const counts = { count: this.remarks.length, max };
    // Rendered first: the search box points at the tree only when there is one.
    const tree = this.#renderTree(t);
    const callStatus = this.callTask.status;
    return html`<section part="base" aria-labelledby="title" dir=${dir} aria-busy=${callStatus === TaskStatus.PENDING ? 'true' : 'false'}>
      <header>
        <h2 id="title">${t('callReason.title')}</h2>
        ${this.#renderStatus(t)}
      </header>
      ${ended(call) ? html`<p class="muted">${t('callReason.callEnded')}</p>` : nothing}
      ${callStatus === TaskStatus.ERROR
        ? html`<div class="error-box" role="alert" data-state="call-error">
            <span>${t('callReason.callData.error')} ${this.errorMessage(this.callTask.error)}</span>
            <button type="button" @click=${() => void this.callTask.run()}>${t('common.retry')}</button>
          </div>`
        : nothing}
      ${this.#renderIdentified(t)}
      <div class="layout">
        <div class="picker">
          <span id="tree-label" class="visually-hidden">${t('callReason.tree.label')}</span>
          <label for="search">${t('callReason.search.label')}</label>
          <input
            part="search"
            id="search"
            type="search"
            autocomplete="off"
            placeholder=${t('callReason.search.placeholder')}
            aria-controls=${this.#treeShown ? 'tree' : nothing}
            ?disabled=${this.#index.roots.length === 0}
            .value=${live(this.query)}
            @input=${this.#onSearch}
            @keydown=${this.#onSearchKeydown}
          />
          <div class="tree-box" aria-busy=${this.treeTask.status === TaskStatus.PENDING ? 'true' : 'false'}>${tree}</div>
        </div>
        <form class="details" novalidate @submit=${this.#save}>
          <h3 id="chips-label">${t('callReason.selected.label')}</h3>
          ${this.#renderChips(t)}
          <label for="remarks">${t('callReason.remarks.label')}</label>
          <textarea
            part="remarks"
            id="remarks"
            rows="4"
            .value=${live(this.remarks)}
            ?readonly=${this.saving}
            aria-invalid=${counts.count > max ? 'true' : 'false'}
            aria-describedby="remarks-counter remarks-problem"
            @beforeinput=${this.#onBeforeInput}
            @input=${this.#onRemarksInput}
            @compositionend=${this.#onRemarksInput}
          ></textarea>
          <div class="meta">
            <span class="muted hint">${t('callReason.remarks.hint')}</span>
            <span part="counter" class="counter" id="remarks-counter" ?data-full=${counts.count >= max}>
              <span aria-hidden="true">${t('common.charCount', counts)}</span>
              <span class="visually-hidden">${t('callReason.remarks.counter', counts)}</span>
            </span>
          </div>
          <div id="remarks-problem" class="field-error" role="alert">
            ${this.remarksProblem ?? this.#overLimit}
          </div>
          <div class="actions">
            <button part="save" class="primary" type="submit" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>
              ${this.saving ? t('common.saving') : t('callReason.save')}
            </button>
            <span class="field-error" role="alert" id="form-problem">${this.formProblem}</span>
          </div>
          ${this.saveError
            ? html`<div class="error-box" role="alert" data-state="save-error">
                <span>${t('callReason.saveError')} ${this.saveError}</span>
                <button type="submit">${t('common.retry')}</button>
              </div>`
            : nothing}
        </form>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

// ---- helpers ---------------------------------------------------------------

function normalize(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** The first reason from `start` on, wrapping round, whose label starts with `prefix`. */
function findFrom(list: readonly IndexedReason[], start: number, prefix: string): IndexedReason | undefined {
  return [...list.slice(start), ...list.slice(0, start)].find((node) => normalize(node.label).startsWith(prefix));
}


/**
 * Indexes the well-formed part of a tree from the backend: string ids and
 * labels, each id once, bounded depth.
 */
function indexTree(roots: unknown): ReasonIndex {
  const byId = new Map<string, IndexedReason>();
  const byKey: IndexedReason[] = [];
  const build = (nodes: unknown, parent: IndexedReason | null): IndexedReason[] => {
    const out: IndexedReason[] = [];
    if (!Array.isArray(nodes) || (parent?.path.length ?? 0) >= MAX_DEPTH) return out;
    for (const node of nodes as unknown[]) {
      const { id, label, children } = Object(node) as Record<string, unknown>;
      if (typeof id !== 'string' || id === '' || typeof label !== 'string' || byId.has(id)) continue;
      const entry: { -readonly [K in keyof IndexedReason]: IndexedReason[K] } = {
        key: byKey.length,
        id,
        label,
        path: [...(parent?.path ?? []), label],
        parent,
        children: [],
      };
      byId.set(id, entry);
      byKey.push(entry);
      entry.children = build(children, entry);
      out.push(entry);
    }
    return out;
  };
  return { roots: build(roots, null), byId, byKey };
}

const NO_REASONS = indexTree([]);

function parseDraft(raw: unknown): Draft | null {
  // Object(): anything that is not an object has none of the fields.
  const { reasonIds, remarks } = Object(raw) as Record<string, unknown>;
  if (!Array.isArray(reasonIds) || !reasonIds.every((id) => typeof id === 'string') || typeof remarks !== 'string') return null;
  return { reasonIds: [...new Set(reasonIds as string[])], remarks };
}
