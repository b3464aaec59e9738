import type { ReactiveControllerHost } from 'lit';
import type { StaticValue } from 'lit/static-html.js';
import { staticTag } from './tags.js';

/*
 * Elements one of ours renders only after the agent asks for them (a record's
 * detail, a message composer). Their module is loaded on first use, so a page
 * that defines <contact-records> alone does not pay for them until a record is
 * opened. Where the module is on the page already (define/all.js, the package
 * index), the element renders at once, as before.
 */

const available = new Map<string, CustomElementConstructor>();

/**
 * Says `ctor` (default tag `defaultTag`) is loaded; called by the element's
 * own module when it is evaluated.
 * @internal
 */
export function provideElement(defaultTag: string, ctor: CustomElementConstructor): void {
  available.set(defaultTag, ctor);
}

/** Where loading an element stands, for the host's render. */
export type LazyStatus = 'ready' | 'pending' | 'error';

/**
 * An element loaded on first use. `tag()` gives the tag to render once it is
 * loaded and starts loading it otherwise; the host re-renders when it arrives.
 */
export class LazyElement {
  readonly #host: ReactiveControllerHost;
  readonly #defaultTag: string;
  readonly #load: () => Promise<unknown>;
  #loading?: Promise<unknown> | null;
  /** Why the last load failed (a dropped network, a deploy that removed the chunk). */
  error: unknown = null;

  constructor(host: ReactiveControllerHost, defaultTag: string, load: () => Promise<unknown>) {
    this.#host = host;
    this.#defaultTag = defaultTag;
    this.#load = load;
  }

  get status(): LazyStatus {
    if (available.has(this.#defaultTag)) return 'ready';
    return this.error ? 'error' : 'pending';
  }

  /** The tag to render, or undefined while it loads (loading starts here). */
  tag(): StaticValue | undefined {
    const ctor = available.get(this.#defaultTag);
    if (ctor) return staticTag(ctor, this.#defaultTag);
    // Once: a failed load waits for retry().
    this.#loading ??= this.#load().then(
      () => this.#host.requestUpdate(),
      (error: unknown) => {
        this.error = error;
        this.#host.requestUpdate();
      },
    );
    return undefined;
  }

  /** Tries again after a failed load. */
  retry(): void {
    this.error = this.#loading = null;
    this.#host.requestUpdate();
  }
}
