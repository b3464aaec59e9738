import { BackendError, abortError } from '../../backend/errors.js';
import type { RequestOptions, SubscribeOptions, Subscription, WorkbenchBackend, WorkbenchEvent } from '../../backend/types.js';
import {
  type BridgeMessage,
  type ForwardableMethod,
  type ResponseMessage,
  METHOD_ARITY,
  frameMessage,
} from '../../internal/frame-protocol.js';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: BackendError) => void;
  readonly cleanup: () => void;
}

/** How long a request may wait for the parent before it fails as `unavailable`. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The `WorkbenchBackend` the bridge gives the panels of a tenant page: each
 * call goes to the parent workbench as a request and comes back as its
 * response. The parent decides what this page may do; a refusal arrives here
 * as a `BackendError('forbidden')` the panel shows like any other failure.
 */
export class FrameBackend {
  readonly #send: (message: BridgeMessage) => void;
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<(event: WorkbenchEvent) => void>();
  #seq = 0;
  /** The backend interface itself, for the context. */
  readonly backend: WorkbenchBackend;

  constructor(send: (message: BridgeMessage) => void) {
    this.#send = send;
    const methods: Record<string, unknown> = {};
    for (const method of Object.keys(METHOD_ARITY) as ForwardableMethod[]) {
      methods[method] = (...args: unknown[]) => this.#request(method, args);
    }
    methods.subscribe = (listener: (event: WorkbenchEvent) => void, options?: SubscribeOptions) => this.#subscribe(listener, options);
    this.backend = Object.freeze(methods) as unknown as WorkbenchBackend;
  }

  #request(method: ForwardableMethod, args: unknown[]): Promise<unknown> {
    const arity = METHOD_ARITY[method];
    const options = (args[arity] ?? {}) as RequestOptions & { idempotencyKey?: unknown };
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#send(frameMessage({ type: 'cancel', id }));
        this.#finish(id)?.reject(abortError());
      };
      const timer = setTimeout(() => this.#finish(id)?.reject(new BackendError('unavailable', 'The workbench did not answer.')), REQUEST_TIMEOUT_MS);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      });
      try {
        this.#send(
          frameMessage({
            type: 'request',
            id,
            method,
            args: args.slice(0, arity),
            ...(typeof options.idempotencyKey === 'string' ? { idempotencyKey: options.idempotencyKey } : {}),
          }),
        );
      } catch {
        // An argument that cannot be cloned across windows: refuse it here, send nothing.
        this.#finish(id)?.reject(new BackendError('validation', `The arguments of ${method} cannot be sent to the workbench.`));
      }
    });
  }

  #finish(id: string): Pending | undefined {
    const entry = this.#pending.get(id);
    if (!entry) return undefined;
    this.#pending.delete(id);
    entry.cleanup();
    return entry;
  }

  /** Settles the request a response answers; unknown ids (cancelled, timed out) are ignored. */
  settle(message: ResponseMessage): void {
    const entry = this.#finish(message.id);
    if (!entry) return;
    if (message.ok) entry.resolve(message.value);
    else entry.reject(new BackendError(message.error.kind, message.error.message, { field: message.error.field, code: message.error.code }));
  }

  /** Fails every open request: the bridge lost its parent. */
  dispose(): void {
    for (const id of [...this.#pending.keys()]) this.#finish(id)?.reject(new BackendError('unavailable', 'The workbench went away.'));
  }

  /** Feeds subscribers the call, agent and identity-check changes the parent pushed. */
  publish(event: WorkbenchEvent extends infer E ? (E extends unknown ? Omit<E, 'seq'> : never) : never): void {
    const full = Object.freeze({ ...event, seq: ++this.#seq }) as WorkbenchEvent;
    for (const listener of [...this.#listeners]) listener(full);
  }

  #subscribe(listener: (event: WorkbenchEvent) => void, options: SubscribeOptions = {}): Subscription {
    this.#listeners.add(listener);
    const close = () => {
      this.#listeners.delete(listener);
      options.onStatus?.('closed');
    };
    options.signal?.addEventListener('abort', close, { once: true });
    queueMicrotask(() => options.onStatus?.('open'));
    return { close };
  }
}
