import type { Agent, AgentStateName, CallSession, Customer, IdentifiedReason, IdentityAuthResult, ScreenPopupPage } from '../context/types.js';
import { BackendError, type BackendErrorKind, abortError } from './errors.js';
import type {
  AuthMode,
  CallReasonInput,
  ContactRecord,
  ContactRecordQuery,
  CustomerInput,
  HarassmentInput,
  HarassmentRecord,
  MessageRecord,
  MessageRecordQuery,
  NotificationChannel,
  NotificationInput,
  NotificationTemplate,
  Page,
  ReasonNode,
  RecordingUrl,
  RequestOptions,
  RestReason,
  SavedCallReason,
  StreamStatus,
  SubscribeOptions,
  Subscription,
  WorkbenchBackend,
  WorkbenchEvent,
  WriteOptions,
} from './types.js';

export interface HttpBackendOptions {
  /** Where the API lives, e.g. `https://cc.example.com` (the `/api/v1` paths are appended). */
  readonly baseUrl: string;
  /** The agent's bearer token, or a function read before every request (for tokens that rotate). */
  readonly token: string | (() => string);
  /** Per attempt, in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Extra attempts for idempotent requests after a network error, timeout or 5xx (default 3). */
  readonly retries?: number;
  /** The fetch to use (default the global one). */
  readonly fetch?: typeof fetch;
}

interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly idempotencyKey?: string;
  /** What a 404 means: `null` for lookups by id, an error otherwise. */
  readonly notFoundIsNull?: boolean;
}

const STATUS_KIND: Record<number, BackendErrorKind> = {
  400: 'validation',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'validation',
  415: 'validation',
  422: 'validation',
};
const KINDS = new Set<BackendErrorKind>(['validation', 'not-found', 'forbidden', 'conflict', 'unavailable', 'aborted']);

const enc = encodeURIComponent;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The backend contract over HTTP, speaking the protocol of docs/protocol.md
 * (the reference server in demo/server implements it). It uses only the
 * platform: fetch, AbortController, TextDecoder.
 *
 * - Timeouts per attempt; the caller's AbortSignal cancels at any time.
 * - GETs and writes carrying an idempotency key are retried with exponential
 *   backoff after network errors, timeouts and 5xx, always with the same
 *   `Idempotency-Key`. A 4xx is never retried.
 * - The event stream is Server-Sent Events read through fetch (so it can
 *   carry the Authorization header), resumed with `Last-Event-ID` after a drop.
 */
export class HttpBackend implements WorkbenchBackend {
  private readonly baseUrl: string;
  private readonly token: () => string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: HttpBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const token = options.token;
    this.token = typeof token === 'function' ? token : () => token;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 3;
    // Unbound, the global fetch throws "Illegal invocation" in browsers.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  // ---- plumbing ------------------------------------------------------------------

  private async request<T>(call: Call): Promise<T> {
    const retriable = call.method === 'GET' || call.idempotencyKey !== undefined;
    const attempts = 1 + (retriable ? Math.max(0, this.retries) : 0);
    let lastError: BackendError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoff(attempt), call.signal);
      try {
        return await this.attempt<T>(call);
      } catch (error) {
        const err = error as BackendError;
        if (err.kind !== 'unavailable') throw err;
        lastError = err;
      }
    }
    throw lastError!;
  }

  private async attempt<T>(call: Call): Promise<T> {
    if (call.signal?.aborted) throw abortError();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token()}`, Accept: 'application/json' };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
    try {
      const response = await this.fetchFn(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        cache: 'no-store',
      });
      const text = await response.text();
      if (response.ok) return (response.status === 204 || text === '' ? null : JSON.parse(text)) as T;
      if (response.status === 404 && call.notFoundIsNull) return null as T;
      throw errorFrom(response.status, text);
    } catch (error) {
      if (error instanceof BackendError) throw error;
      if (call.signal?.aborted) throw abortError();
      if (timedOut) throw new BackendError('unavailable', 'The server did not answer in time.', { code: 'timeout' });
      throw new BackendError('unavailable', 'The server cannot be reached.', { code: 'network' });
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  private get<T>(path: string, options?: RequestOptions, notFoundIsNull = false): Promise<T> {
    return this.request<T>({ method: 'GET', path, signal: options?.signal, notFoundIsNull });
  }

  private send<T>(method: 'POST' | 'PUT', path: string, body: unknown, options?: RequestOptions | WriteOptions): Promise<T> {
    const idempotencyKey = options && 'idempotencyKey' in options ? options.idempotencyKey : undefined;
    return this.request<T>({ method, path, body, signal: options?.signal, idempotencyKey });
  }

  // ---- agent and call control ----------------------------------------------------------

  signIn(options?: RequestOptions) {
    return this.send<Agent>('POST', '/api/v1/agent/sign-in', undefined, options);
  }

  signOut(options?: RequestOptions) {
    return this.send<Agent>('POST', '/api/v1/agent/sign-out', undefined, options);
  }

  setAgentState(state: AgentStateName, restReasonId: string | undefined, options?: RequestOptions) {
    return this.send<Agent>('PUT', '/api/v1/agent/state', restReasonId === undefined ? { state } : { state, restReasonId }, options);
  }

  listRestReasons(options?: RequestOptions) {
    return this.get<readonly RestReason[]>('/api/v1/rest-reasons', options);
  }

  getAgent(options?: RequestOptions) {
    return this.get<Agent | null>('/api/v1/agent', options);
  }

  getCurrentCall(options?: RequestOptions) {
    return this.get<CallSession | null>('/api/v1/calls/current', options);
  }

  dial(number: string, options: WriteOptions) {
    return this.send<CallSession>('POST', '/api/v1/calls', { number }, options);
  }

  answer(callId: string, options?: RequestOptions) {
    return this.send<CallSession>('POST', `/api/v1/calls/${enc(callId)}/answer`, undefined, options);
  }

  hold(callId: string, options?: RequestOptions) {
    return this.send<CallSession>('POST', `/api/v1/calls/${enc(callId)}/hold`, undefined, options);
  }

  resume(callId: string, options?: RequestOptions) {
    return this.send<CallSession>('POST', `/api/v1/calls/${enc(callId)}/resume`, undefined, options);
  }

  setMuted(callId: string, muted: boolean, options?: RequestOptions) {
    return this.send<CallSession>('PUT', `/api/v1/calls/${enc(callId)}/muted`, { muted }, options);
  }

  hangUp(callId: string, options?: RequestOptions) {
    return this.send<CallSession>('POST', `/api/v1/calls/${enc(callId)}/hang-up`, undefined, options);
  }

  callback(callId: string, options: WriteOptions) {
    return this.send<CallSession>('POST', `/api/v1/calls/${enc(callId)}/callback`, undefined, options);
  }

  subscribe(listener: (event: WorkbenchEvent) => void, options: SubscribeOptions = {}): Subscription {
    return new EventStream(this, listener, options);
  }

  /** @internal The stream's fetch, with the same credentials. */
  openStream(lastSeq: number | undefined, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token()}`, Accept: 'text/event-stream' };
    if (lastSeq !== undefined) headers['Last-Event-ID'] = String(lastSeq);
    return this.fetchFn(`${this.baseUrl}/api/v1/events`, { headers, signal, cache: 'no-store' });
  }

  // ---- handled number -------------------------------------------------------------------

  setHandledNumber(callId: string, handledNumber: string, options: WriteOptions) {
    return this.send<CallSession>('PUT', `/api/v1/calls/${enc(callId)}/handled-number`, { handledNumber }, options);
  }

  // ---- customers ------------------------------------------------------------------------

  findCustomerByNumber(number: string, options?: RequestOptions) {
    return this.get<Customer | null>(`/api/v1/customers/lookup?number=${enc(number)}`, options);
  }

  getCustomer(customerId: string, options?: RequestOptions) {
    return this.get<Customer | null>(`/api/v1/customers/${enc(customerId)}`, options, true);
  }

  createCustomer(input: CustomerInput, options: WriteOptions) {
    return this.send<Customer>('POST', '/api/v1/customers', input, options);
  }

  updateCustomer(customerId: string, input: CustomerInput, options: WriteOptions) {
    return this.send<Customer>('PUT', `/api/v1/customers/${enc(customerId)}`, input, options);
  }

  // ---- contact records ------------------------------------------------------------------

  listContactRecords(query: ContactRecordQuery, options?: RequestOptions) {
    return this.get<Page<ContactRecord>>(`/api/v1/contact-records${queryString(query)}`, options);
  }

  getContactRecord(recordId: string, options?: RequestOptions) {
    return this.get<ContactRecord | null>(`/api/v1/contact-records/${enc(recordId)}`, options, true);
  }

  listMessageRecords(query: MessageRecordQuery, options?: RequestOptions) {
    return this.get<readonly MessageRecord[]>(`/api/v1/message-records${queryString(query)}`, options);
  }

  getRecordingUrl(recordingId: string, options?: RequestOptions) {
    return this.get<RecordingUrl>(`/api/v1/recordings/${enc(recordingId)}/url`, options);
  }

  // ---- notifications ----------------------------------------------------------------------

  listTemplates(channel: NotificationChannel, options?: RequestOptions) {
    return this.get<readonly NotificationTemplate[]>(`/api/v1/templates?channel=${enc(channel)}`, options);
  }

  sendNotification(input: NotificationInput, options: WriteOptions) {
    return this.send<MessageRecord>('POST', '/api/v1/notifications', input, options);
  }

  // ---- call reasons -------------------------------------------------------------------------

  getReasonTree(options?: RequestOptions) {
    return this.get<readonly ReasonNode[]>('/api/v1/reason-tree', options);
  }

  getIdentifiedReason(callId: string, options?: RequestOptions) {
    return this.get<IdentifiedReason | null>(`/api/v1/calls/${enc(callId)}/identified-reason`, options);
  }

  getCallReason(callId: string, options?: RequestOptions) {
    return this.get<SavedCallReason | null>(`/api/v1/calls/${enc(callId)}/reason`, options);
  }

  saveCallReason(callId: string, input: CallReasonInput, options: WriteOptions) {
    return this.send<SavedCallReason>('PUT', `/api/v1/calls/${enc(callId)}/reason`, input, options);
  }

  // ---- harassment ------------------------------------------------------------------------------

  listHarassmentRecords(number: string, options?: RequestOptions) {
    return this.get<readonly HarassmentRecord[]>(`/api/v1/harassment-records?number=${enc(number)}`, options);
  }

  createHarassmentRecord(input: HarassmentInput, options: WriteOptions) {
    return this.send<HarassmentRecord>('POST', '/api/v1/harassment-records', input, options);
  }

  // ---- identity authentication ------------------------------------------------------------------

  listAuthModes(options?: RequestOptions) {
    return this.get<readonly AuthMode[]>('/api/v1/auth-modes', options);
  }

  startIdentityAuth(callId: string, modeId: string, options: WriteOptions) {
    return this.send<IdentityAuthResult>('POST', `/api/v1/calls/${enc(callId)}/identity-auths`, { modeId }, options);
  }

  getIdentityAuth(authId: string, options?: RequestOptions) {
    return this.get<IdentityAuthResult | null>(`/api/v1/identity-auths/${enc(authId)}`, options, true);
  }

  // ---- screen pop-ups ------------------------------------------------------------------------

  listScreenPopups(options?: RequestOptions) {
    return this.get<readonly ScreenPopupPage[]>('/api/v1/screen-popups', options);
  }
}

/** 250 ms, 500 ms, 1 s, ... up to 8 s, with jitter so clients do not retry in step. */
function backoff(attempt: number): number {
  const base = Math.min(8000, 250 * 2 ** (attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

function queryString(query: object): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function errorFrom(status: number, text: string): BackendError {
  let body: { error?: { kind?: string; message?: string; field?: string; code?: string } } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const e = body?.error;
  const named = e?.kind && KINDS.has(e.kind as BackendErrorKind) ? (e.kind as BackendErrorKind) : undefined;
  let kind: BackendErrorKind = named ?? STATUS_KIND[status] ?? (status >= 500 ? 'unavailable' : 'conflict');
  // Only a 5xx is worth retrying: a 4xx stays the same whatever kind its body names.
  if (status < 500 && kind === 'unavailable') kind = 'conflict';
  if (status >= 500) kind = 'unavailable';
  return new BackendError(kind, e?.message ?? `The server answered ${status}.`, { field: e?.field, code: e?.code ?? `http-${status}` });
}

/**
 * One subscription: reads Server-Sent Events from a fetch body and, when the
 * stream drops, reconnects with the last sequence number it delivered.
 */
class EventStream implements Subscription {
  readonly #controller = new AbortController();
  #lastSeq: number | undefined;
  #closed = false;
  /** Whether the current connection delivered an event: a stream that did is resumed at once. */
  #delivered = false;

  constructor(
    private readonly backend: HttpBackend,
    private readonly listener: (event: WorkbenchEvent) => void,
    private readonly options: SubscribeOptions,
  ) {
    this.#lastSeq = options.since;
    if (options.signal?.aborted) {
      this.#closed = true;
      queueMicrotask(() => options.onStatus?.('closed'));
      return;
    }
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
    void this.#run();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#controller.abort();
    this.options.onStatus?.('closed');
  }

  #status(status: StreamStatus): void {
    if (!this.#closed) this.options.onStatus?.(status);
  }

  async #run(): Promise<void> {
    let failures = 0;
    this.#status('connecting');
    while (!this.#closed) {
      this.#delivered = false;
      try {
        const response = await this.backend.openStream(this.#lastSeq, this.#controller.signal);
        if (!response.ok || !response.body) {
          // Credentials the server refuses will not get better by retrying.
          if (response.status === 401 || response.status === 403 || response.status === 404) {
            this.close();
            return;
          }
          throw new Error(`stream answered ${response.status}`);
        }
        this.#status('open');
        await this.#read(response.body);
      } catch {
        // A dropped stream; the loop resumes it.
      }
      if (this.#closed) return;
      failures = this.#delivered ? 0 : failures + 1;
      this.#status('reconnecting');
      try {
        await sleep(failures === 0 ? 50 : Math.min(5000, 250 * 2 ** (failures - 1)), this.#controller.signal);
      } catch {
        return;
      }
    }
  }

  /** Reads events until the body ends. */
  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let id: string | undefined;
    let type = 'message';
    let data: string[] = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            if (data.length > 0) this.#dispatch(id, type, data.join('\n'));
            id = undefined;
            type = 'message';
            data = [];
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(value);
          else if (field === 'event') type = value;
          else if (field === 'id') id = value;
        }
      }
    } finally {
      reader.releaseLock();
    }
  }

  #dispatch(id: string | undefined, type: string, data: string): void {
    const seq = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
    if (type === 'ready') {
      // Where the server starts this stream: the point to resume from if it drops before any event.
      if (seq !== undefined && this.#lastSeq === undefined) this.#lastSeq = seq;
      return;
    }
    if (seq === undefined || (this.#lastSeq !== undefined && seq <= this.#lastSeq)) return;
    let parsed: WorkbenchEvent & { at?: number };
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    this.#lastSeq = seq;
    this.#delivered = true;
    // `at` is the server's send time, for latency measurements; not part of the contract.
    const { at: _at, ...event } = parsed;
    if (!this.#closed) this.listener(event as WorkbenchEvent);
  }
}
