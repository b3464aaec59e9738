import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A key part that is missing (no call, no agent yet) means there is nothing to keep a draft under. */
export type DraftKeyPart = string | number | null | undefined;

export interface DraftOptions<T> {
  /** What the draft belongs to, usually the element's tag: `call-reason`, `notify-sms`. */
  readonly name: string;
  /**
   * The parts that scope the draft, in order (tenant, agent, call...). Read
   * on every host update; when the resulting key changes, `onKeyChange` is
   * told what is stored under the new one.
   */
  readonly keyParts: () => readonly DraftKeyPart[];
  /**
   * Checks a stored value and returns it typed, or `null` to discard it.
   * Storage outlives releases and can be edited by hand, so it is untrusted.
   */
  readonly parse: (raw: unknown) => T | null;
  /** Called during the host's update when the key changed, with the draft stored under the new key. */
  readonly onKeyChange?: (draft: T | null, key: string | null) => void;
  /** Where drafts live; sessionStorage by default so a draft dies with the tab. */
  readonly storage?: () => Storage | null;
}

/**
 * Keeps an unsaved draft of a panel in session storage so that it survives
 * a page reload, scoped by the parts its host gives (for example tenant,
 * agent and call: `avw:draft:call-reason:<tenant>:<agent>:<call>`).
 *
 * Storage failures (quota, disabled storage, private mode) are ignored: a
 * draft is a convenience, and failing to keep one must never stop the agent
 * from working with what is on screen.
 */
export class DraftController<T> implements ReactiveController {
  readonly #options: DraftOptions<T>;
  #lastKey: string | null | undefined;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T>) {
    this.#options = options;
    host.addController(this);
  }

  /** The storage key for the current parts, or null when a part is missing. */
  get key(): string | null {
    const parts = this.#options.keyParts();
    if (parts.some((part) => (part ?? '') === '')) return null;
    // Escaping ':' keeps `a:b` + `c` and `a` + `b:c` from sharing a key.
    return 'avw:draft:' + [this.#options.name, ...parts].map((part) => encodeURIComponent(String(part))).join(':');
  }

  hostUpdate(): void {
    const key = this.key;
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    this.#options.onKeyChange?.(this.load(), key);
  }

  /** The draft stored under the current key, or null (none, unreadable or invalid). */
  load(): T | null {
    return this.#use((storage, key) => {
      const text = storage.getItem(key);
      if (text === null) return null;
      const value = this.#options.parse(JSON.parse(text));
      // A value that no longer parses would be offered again on every load.
      if (value === null) storage.removeItem(key);
      return value;
    });
  }

  /** Stores `value` under the current key; does nothing when there is no key or no storage. */
  save(value: T): void {
    this.#use((storage, key) => storage.setItem(key, JSON.stringify(value)));
  }

  /** Removes the draft under the current key (or under `key`, for a draft whose scope has gone). */
  clear(key: string | null = this.key): void {
    this.#use((storage, key) => storage.removeItem(key), key);
  }

  /**
   * Runs `use` on the store when there is a key and a store, and gives null
   * when either is missing or the store throws (quota, disabled storage,
   * sandboxed frames where merely reading sessionStorage throws).
   */
  #use<R>(use: (storage: Storage, key: string) => R, key = this.key): R | null {
    try {
      const storage = this.#options.storage ? this.#options.storage() : globalThis.sessionStorage;
      if (key && storage) return use(storage, key);
    } catch {
      // A draft is a convenience: keep working without one.
    }
    return null;
  }
}
