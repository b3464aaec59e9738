import type { Agent, AgentStateName, CallSession, Customer, IdentityAuthResult, ScreenPopupPage } from '../context/types.js';
import { checkHandledNumber, samePhone, toE164 } from '../util/phone.js';
import { isValidEmail } from '../util/email.js';
import { BackendError, type BackendErrorKind, abortError } from './errors.js';
import {
  seedAgent,
  seedAuthModes,
  seedContactRecords,
  seedCustomers,
  seedHarassmentRecords,
  seedMessageRecords,
  seedReasonTree,
  seedRestReasons,
  seedScreenPopups,
  seedTemplates,
  seedTranscript,
} from './memory-seed.js';
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
  SubscribeOptions,
  Subscription,
  TranscriptSegment,
  WorkbenchBackend,
  WorkbenchEvent,
  WriteOptions,
} from './types.js';

export type BackendMethod = Exclude<keyof WorkbenchBackend, 'subscribe'>;

export interface MemoryBackendOptions {
  /** Seed realistic data (default true). */
  readonly seed?: boolean;
  /** Start with a connected inbound call (default true when seeded). */
  readonly connectedCall?: boolean;
  /** The clock, injectable for tests. */
  readonly now?: () => number;
  /** Latency added to every method, in ms (default 0). */
  readonly latencyMs?: number;
  /** Where recordings are served from: a function from recording id to a playable URL. */
  readonly recordingUrl?: (recordingId: string) => string | null;
  /** Remark and reason limits the backend enforces (the server's own rules). */
  readonly remarksMaxLength?: number;
  readonly handledNumberMaxLength?: number;
  readonly defaultCountryCode?: string;
}

interface Fault {
  readonly error: BackendError;
  remaining: number;
}

const clone = <T>(value: T): T => structuredClone(value);
const freeze = <T>(value: T): T => Object.freeze(value);

/**
 * The backend contract in the browser, with realistic seeded data. Tests,
 * stories and the demo page use it; `setDelay`, `failNext` and `hang` make
 * loading and error states reproducible.
 */
export class MemoryBackend implements WorkbenchBackend {
  readonly now: () => number;
  /** Every method call, in order, with its arguments: for tests. */
  readonly calls: { method: BackendMethod; args: unknown[] }[] = [];

  readonly #options: MemoryBackendOptions;
  readonly #delays = new Map<BackendMethod | '*', number>();
  readonly #faults = new Map<BackendMethod, Fault>();
  readonly #hung = new Set<BackendMethod>();
  readonly #listeners = new Set<(event: WorkbenchEvent) => void>();
  readonly #log: WorkbenchEvent[] = [];
  readonly #idempotent = new Map<string, unknown>();
  #seq = 0;
  #idCounter = 0;

  agent: Agent;
  call: CallSession | null = null;
  customers: Customer[] = [];
  contactRecords: ContactRecord[] = [];
  messageRecords: MessageRecord[] = [];
  harassmentRecords: HarassmentRecord[] = [];
  templates: NotificationTemplate[] = [];
  reasonTree: ReasonNode[] = [];
  authModes: AuthMode[] = [];
  restReasons: RestReason[] = [];
  screenPopups: ScreenPopupPage[] = [];
  savedReasons = new Map<string, SavedCallReason>();
  authResults = new Map<string, IdentityAuthResult>();
  transcript: TranscriptSegment[] = [];
  /** How an identity check ends, by mode id; `pass` when absent. */
  authOutcome = new Map<string, IdentityAuthResult['status']>();

  constructor(options: MemoryBackendOptions = {}) {
    this.#options = options;
    this.now = options.now ?? (() => Date.now());
    this.agent = freeze({ ...seedAgent, state: 'ready' as AgentStateName });
    if (options.latencyMs) this.#delays.set('*', options.latencyMs);
    if (options.seed !== false) this.#seedAll();
  }

  #seedAll(): void {
    const now = this.now();
    this.customers = clone(seedCustomers) as Customer[];
    this.contactRecords = [
      ...seedContactRecords(now, '+8613800138000', 12, 'cr'),
      ...seedContactRecords(now, '+14155550123', 4, 'cr-mg'),
      ...seedContactRecords(now, '+8613911112222', 2, 'cr-cj'),
    ];
    this.messageRecords = seedMessageRecords(this.contactRecords.filter((r) => r.customerNumber === '+8613800138000'));
    this.harassmentRecords = seedHarassmentRecords(now);
    this.templates = clone(seedTemplates) as NotificationTemplate[];
    this.reasonTree = clone(seedReasonTree) as ReasonNode[];
    this.authModes = clone(seedAuthModes) as AuthMode[];
    this.restReasons = clone(seedRestReasons) as RestReason[];
    this.screenPopups = clone(seedScreenPopups) as ScreenPopupPage[];
    if (this.#options.connectedCall !== false) {
      this.agent = freeze({ ...seedAgent });
      this.call = freeze({
        id: 'call-20261125-0001',
        mediaType: 'voice',
        direction: 'inbound',
        state: 'connected',
        callingNumber: '+8613800138000',
        calledNumber: '4008001234',
        customerNumber: '+8613800138000',
        skillQueue: 'Billing Support',
        skillQueueId: 'skill-201',
        recording: { recording: true, recordingId: 'rec-live-1', smartAnalysis: 'on' },
        startTime: now - 95 * 1000,
        twoParty: true,
        asrEnabled: true,
        identifiedReason: { source: 'ivr', reasonId: 'billing-payment-refund', path: ['Billing', 'Payment', 'Refund request'] },
      } satisfies CallSession);
    }
  }

  // ---- test and demo controls -------------------------------------------

  /** Adds latency to one method, or to all with `'*'`. */
  setDelay(method: BackendMethod | '*', ms: number): this {
    this.#delays.set(method, ms);
    return this;
  }

  /** The next `times` calls of `method` reject with this error (or kind). */
  failNext(method: BackendMethod, error: BackendError | BackendErrorKind = 'unavailable', times = 1): this {
    const err = typeof error === 'string' ? new BackendError(error, `Simulated ${error} failure of ${method}.`) : error;
    this.#faults.set(method, { error: err, remaining: times });
    return this;
  }

  /** Calls of `method` never settle until aborted: a loading state that stays. */
  hang(method: BackendMethod): this {
    this.#hung.add(method);
    return this;
  }

  clearFaults(): this {
    this.#faults.clear();
    this.#hung.clear();
    this.#delays.clear();
    return this;
  }

  /** Publishes an event to every subscriber, numbering it. */
  emit(event: DistributiveOmit<WorkbenchEvent, 'seq'>): WorkbenchEvent {
    const full = freeze({ ...event, seq: ++this.#seq }) as WorkbenchEvent;
    this.#log.push(full);
    for (const listener of [...this.#listeners]) listener(full);
    return full;
  }

  /** Replaces the current call and tells subscribers. */
  setCall(call: CallSession | null): void {
    this.call = call ? freeze({ ...call }) : null;
    if (this.call) this.emit({ type: 'call', call: this.call });
  }

  /** Starts ringing an inbound call from `number`. */
  ring(number = '+8613800138000', patch: Partial<CallSession> = {}): CallSession {
    const call: CallSession = freeze({
      id: `call-${this.#nextId()}`,
      mediaType: 'voice',
      direction: 'inbound',
      state: 'ringing',
      callingNumber: number,
      calledNumber: '4008001234',
      customerNumber: number,
      skillQueue: 'Billing Support',
      skillQueueId: 'skill-201',
      recording: { recording: false },
      startTime: this.now(),
      twoParty: true,
      asrEnabled: true,
      identifiedReason: null,
      ...patch,
    });
    this.setCall(call);
    this.transcript = [];
    return call;
  }

  /** Ends the current call, normally or abnormally. */
  endCall(abnormal = false): void {
    if (!this.call) return;
    this.setCall({ ...this.call, state: abnormal ? 'ended-abnormally' : 'ended', endTime: this.now() });
  }

  /** Emits one transcript segment for the current call. */
  pushTranscript(segment: TranscriptSegment): void {
    if (!this.call) return;
    const i = this.transcript.findIndex((s) => s.id === segment.id);
    if (i >= 0) this.transcript[i] = segment;
    else this.transcript.push(segment);
    this.emit({ type: 'transcript', callId: this.call.id, segment: freeze({ ...segment }) });
  }

  /**
   * Plays the scripted conversation: each line first as a partial
   * hypothesis, then as its final text. Returns a stop function.
   */
  playTranscript(intervalMs = 900): () => void {
    let line = 0;
    let partial = true;
    const start = this.call?.startTime ?? this.now();
    const timer = setInterval(() => {
      const script = seedTranscript[line % seedTranscript.length]!;
      const id = `seg-${line + 1}`;
      const text = partial ? script.text.slice(0, Math.max(1, Math.ceil(script.text.length / 2))) : script.text;
      this.pushTranscript({ id, speaker: script.speaker, text, offsetMs: this.now() - start, final: !partial });
      if (!partial) line++;
      partial = !partial;
    }, intervalMs / 2);
    return () => clearInterval(timer);
  }

  #nextId(): string {
    this.#idCounter += 1;
    return `${this.now().toString(36)}-${this.#idCounter}`;
  }

  // ---- plumbing ----------------------------------------------------------

  async #run<T>(method: BackendMethod, args: unknown[], signal: AbortSignal | undefined, body: () => T): Promise<T> {
    this.calls.push({ method, args });
    if (signal?.aborted) throw abortError();
    const delay = this.#delays.get(method) ?? this.#delays.get('*') ?? 0;
    const hung = this.#hung.has(method);
    if (delay > 0 || hung) {
      await new Promise<void>((resolve, reject) => {
        const timer = hung ? undefined : setTimeout(done, delay);
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
    } else {
      // Stay asynchronous like a real network, so pending states exist.
      await Promise.resolve();
    }
    if (signal?.aborted) throw abortError();
    const fault = this.#faults.get(method);
    if (fault && fault.remaining > 0) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.#faults.delete(method);
      throw fault.error;
    }
    return clone(body());
  }

  #once<T>(key: string, method: string, act: () => T): T {
    const scoped = `${method}:${key}`;
    if (this.#idempotent.has(scoped)) return this.#idempotent.get(scoped) as T;
    const result = act();
    this.#idempotent.set(scoped, result);
    return result;
  }

  #requireCall(callId: string): CallSession {
    if (!this.call || this.call.id !== callId) throw new BackendError('not-found', `No call ${callId}.`);
    return this.call;
  }

  #updateCall(patch: Partial<CallSession>): CallSession {
    this.setCall({ ...this.call!, ...patch });
    return this.call!;
  }

  #setAgent(patch: Partial<Agent>): Agent {
    this.agent = freeze({ ...this.agent, ...patch });
    this.emit({ type: 'agent', agent: this.agent });
    return this.agent;
  }

  // ---- agent and call control ---------------------------------------------

  signIn(options?: RequestOptions) {
    return this.#run('signIn', [], options?.signal, () => this.#setAgent({ state: this.call ? 'talking' : 'ready' }));
  }

  signOut(options?: RequestOptions) {
    return this.#run('signOut', [], options?.signal, () => this.#setAgent({ state: 'signed-out', restReasonId: undefined }));
  }

  setAgentState(state: AgentStateName, restReasonId: string | undefined, options?: RequestOptions) {
    return this.#run('setAgentState', [state, restReasonId], options?.signal, () => {
      if (state === 'rest' && !this.restReasons.some((r) => r.id === restReasonId)) {
        throw new BackendError('validation', 'Choose a rest reason.', { field: 'restReasonId', code: 'required' });
      }
      return this.#setAgent({ state, restReasonId: state === 'rest' ? restReasonId : undefined });
    });
  }

  listRestReasons(options?: RequestOptions) {
    return this.#run('listRestReasons', [], options?.signal, () => this.restReasons);
  }

  getAgent(options?: RequestOptions) {
    return this.#run('getAgent', [], options?.signal, () => this.agent);
  }

  getCurrentCall(options?: RequestOptions) {
    return this.#run('getCurrentCall', [], options?.signal, () => this.call);
  }

  dial(number: string, options: WriteOptions) {
    return this.#run('dial', [number], options.signal, () =>
      this.#once(options.idempotencyKey, 'dial', () => {
        const checked = toE164(number, this.#options.defaultCountryCode ?? '86');
        if (!checked.ok) throw new BackendError('validation', 'Invalid number.', { field: 'number', code: checked.problem });
        return this.#outbound(checked.value);
      }),
    );
  }

  #outbound(number: string): CallSession {
    const call = this.ring(number, { direction: 'outbound', callingNumber: '4008001234', calledNumber: number, customerNumber: number });
    return this.#updateCall({ ...call, state: 'connected', startTime: this.now(), recording: { recording: true, recordingId: `rec-${call.id}` } });
  }

  answer(callId: string, options?: RequestOptions) {
    return this.#run('answer', [callId], options?.signal, () => {
      this.#requireCall(callId);
      this.#setAgent({ state: 'talking' });
      return this.#updateCall({ state: 'connected', startTime: this.now(), recording: { recording: true, recordingId: `rec-${callId}` } });
    });
  }

  hold(callId: string, options?: RequestOptions) {
    return this.#run('hold', [callId], options?.signal, () => (this.#requireCall(callId), this.#updateCall({ state: 'held' })));
  }

  resume(callId: string, options?: RequestOptions) {
    return this.#run('resume', [callId], options?.signal, () => (this.#requireCall(callId), this.#updateCall({ state: 'connected' })));
  }

  setMuted(callId: string, muted: boolean, options?: RequestOptions) {
    return this.#run('setMuted', [callId, muted], options?.signal, () => (this.#requireCall(callId), this.#updateCall({ muted })));
  }

  hangUp(callId: string, options?: RequestOptions) {
    return this.#run('hangUp', [callId], options?.signal, () => {
      this.#requireCall(callId);
      const call = this.#updateCall({ state: 'ended', endTime: this.now() });
      this.#setAgent({ state: 'wrap-up' });
      return call;
    });
  }

  callback(callId: string, options: WriteOptions) {
    return this.#run('callback', [callId], options.signal, () =>
      this.#once(options.idempotencyKey, 'callback', () => {
        const call = this.#requireCall(callId);
        if (call.state !== 'ended-abnormally') {
          throw new BackendError('conflict', 'Only an abnormally ended call can be called back.', { code: 'not-abnormal' });
        }
        return this.#outbound(call.handledNumber || call.customerNumber);
      }),
    );
  }

  subscribe(listener: (event: WorkbenchEvent) => void, options: SubscribeOptions = {}): Subscription {
    const since = options.since ?? this.#seq;
    const close = () => {
      this.#listeners.delete(listener);
      options.onStatus?.('closed');
    };
    options.signal?.addEventListener('abort', close, { once: true });
    queueMicrotask(() => {
      if (options.signal?.aborted) return;
      options.onStatus?.('open');
      for (const event of this.#log) if (event.seq > since) listener(event);
      this.#listeners.add(listener);
    });
    return { close };
  }

  // ---- handled number --------------------------------------------------------

  setHandledNumber(callId: string, handledNumber: string, options: WriteOptions) {
    return this.#run('setHandledNumber', [callId, handledNumber], options.signal, () => {
      this.#requireCall(callId);
      const checked = checkHandledNumber(handledNumber, this.#options.handledNumberMaxLength ?? 24);
      if (!checked.ok) throw new BackendError('validation', 'Invalid handled number.', { field: 'handledNumber', code: checked.problem });
      return this.#updateCall({ handledNumber: checked.value });
    });
  }

  // ---- customers -------------------------------------------------------------

  findCustomerByNumber(number: string, options?: RequestOptions) {
    return this.#run('findCustomerByNumber', [number], options?.signal, () =>
      this.customers.find((c) => c.phoneNumbers.some((p) => samePhone(p, number))) ?? null,
    );
  }

  getCustomer(customerId: string, options?: RequestOptions) {
    return this.#run('getCustomer', [customerId], options?.signal, () => this.customers.find((c) => c.id === customerId) ?? null);
  }

  #checkCustomer(input: CustomerInput): void {
    if (!input.name || input.name.trim() === '') throw new BackendError('validation', 'Name is required.', { field: 'name', code: 'required' });
    if (input.name.length > 100) throw new BackendError('validation', 'Name is too long.', { field: 'name', code: 'too-long' });
    if (input.email && !isValidEmail(input.email)) throw new BackendError('validation', 'Invalid email.', { field: 'email', code: 'invalid-email' });
    for (const number of input.phoneNumbers) {
      if (!toE164(number, this.#options.defaultCountryCode ?? '86').ok) {
        throw new BackendError('validation', 'Invalid phone number.', { field: 'phoneNumbers', code: 'invalid-phone' });
      }
    }
  }

  createCustomer(input: CustomerInput, options: WriteOptions) {
    return this.#run('createCustomer', [input], options.signal, () =>
      this.#once(options.idempotencyKey, 'createCustomer', () => {
        this.#checkCustomer(input);
        const customer: Customer = freeze({ ...clone(input), id: `cust-${this.#nextId()}` });
        this.customers.push(customer);
        return customer;
      }),
    );
  }

  updateCustomer(customerId: string, input: CustomerInput, options: WriteOptions) {
    return this.#run('updateCustomer', [customerId, input], options.signal, () => {
      const i = this.customers.findIndex((c) => c.id === customerId);
      if (i < 0) throw new BackendError('not-found', `No customer ${customerId}.`);
      this.#checkCustomer(input);
      const customer: Customer = freeze({ ...this.customers[i]!, ...clone(input) });
      this.customers[i] = customer;
      return customer;
    });
  }

  // ---- contact records -------------------------------------------------------

  listContactRecords(query: ContactRecordQuery, options?: RequestOptions) {
    return this.#run('listContactRecords', [query], options?.signal, (): Page<ContactRecord> => {
      const all = this.contactRecords
        .filter((r) => samePhone(r.handledNumber, query.number))
        .filter((r) => (query.from === undefined || r.startTime >= query.from) && (query.to === undefined || r.startTime < query.to))
        .sort((a, b) => b.startTime - a.startTime);
      const offset = query.cursor ? Number(query.cursor) : 0;
      const limit = query.limit ?? 20;
      const items = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? String(offset + limit) : undefined;
      return { items, nextCursor: next, total: all.length };
    });
  }

  getContactRecord(recordId: string, options?: RequestOptions) {
    return this.#run('getContactRecord', [recordId], options?.signal, () => this.contactRecords.find((r) => r.id === recordId) ?? null);
  }

  listMessageRecords(query: MessageRecordQuery, options?: RequestOptions) {
    return this.#run('listMessageRecords', [query], options?.signal, () =>
      this.messageRecords
        .filter(
          (m) =>
            (query.contactRecordId === undefined || m.contactRecordId === query.contactRecordId) &&
            (query.callId === undefined || m.callId === query.callId),
        )
        .sort((a, b) => b.sentAt - a.sentAt),
    );
  }

  getRecordingUrl(recordingId: string, options?: RequestOptions) {
    return this.#run('getRecordingUrl', [recordingId], options?.signal, (): RecordingUrl => {
      const url = this.#options.recordingUrl?.(recordingId) ?? null;
      if (!url) throw new BackendError('not-found', `No recording ${recordingId}.`);
      return { url, expiresAt: this.now() + 5 * 60 * 1000 };
    });
  }

  // ---- notifications ---------------------------------------------------------

  listTemplates(channel: NotificationChannel, options?: RequestOptions) {
    return this.#run('listTemplates', [channel], options?.signal, () => this.templates.filter((t) => t.channel === channel));
  }

  sendNotification(input: NotificationInput, options: WriteOptions) {
    return this.#run('sendNotification', [input], options.signal, () =>
      this.#once(options.idempotencyKey, 'sendNotification', () => {
        if (input.channel === 'email') {
          if (!isValidEmail(input.recipient)) throw new BackendError('validation', 'Invalid email.', { field: 'recipient', code: 'invalid-email' });
        } else if (!toE164(input.recipient, this.#options.defaultCountryCode ?? '86').ok) {
          throw new BackendError('validation', 'Invalid phone number.', { field: 'recipient', code: 'invalid-phone' });
        }
        if (input.text.trim() === '') throw new BackendError('validation', 'Message is empty.', { field: 'text', code: 'required' });
        const template = this.templates.find((t) => t.id === input.templateId);
        if (input.channel === 'whatsapp' && !template?.approved) {
          throw new BackendError('validation', 'WhatsApp needs an approved template.', { field: 'templateId', code: 'not-approved' });
        }
        const record: MessageRecord = freeze({
          id: `msg-${this.#nextId()}`,
          channel: input.channel,
          recipient: input.recipient,
          templateId: input.templateId,
          templateName: template?.name,
          subject: input.subject,
          text: input.text,
          sentAt: this.now(),
          status: 'sent',
          callId: input.callId,
          contactRecordId: input.contactRecordId,
        });
        this.messageRecords.push(record);
        return record;
      }),
    );
  }

  // ---- call reasons ----------------------------------------------------------

  getReasonTree(options?: RequestOptions) {
    return this.#run('getReasonTree', [], options?.signal, () => this.reasonTree);
  }

  getIdentifiedReason(callId: string, options?: RequestOptions) {
    return this.#run('getIdentifiedReason', [callId], options?.signal, () => this.#requireCall(callId).identifiedReason ?? null);
  }

  getCallReason(callId: string, options?: RequestOptions) {
    return this.#run('getCallReason', [callId], options?.signal, () => this.savedReasons.get(callId) ?? null);
  }

  saveCallReason(callId: string, input: CallReasonInput, options: WriteOptions) {
    return this.#run('saveCallReason', [callId, input], options.signal, () =>
      this.#once(options.idempotencyKey, 'saveCallReason', () => {
        const max = this.#options.remarksMaxLength ?? 300;
        if (input.remarks.length > max) throw new BackendError('validation', 'Remarks are too long.', { field: 'remarks', code: 'too-long' });
        if (input.reasonIds.length === 0) throw new BackendError('validation', 'Choose a reason.', { field: 'reasonIds', code: 'required' });
        const saved: SavedCallReason = freeze({ callId, reasonIds: [...input.reasonIds], remarks: input.remarks, savedAt: this.now() });
        this.savedReasons.set(callId, saved);
        return saved;
      }),
    );
  }

  // ---- harassment --------------------------------------------------------------

  listHarassmentRecords(number: string, options?: RequestOptions) {
    return this.#run('listHarassmentRecords', [number], options?.signal, () =>
      this.harassmentRecords.filter((r) => samePhone(r.number, number)).sort((a, b) => b.createdAt - a.createdAt),
    );
  }

  createHarassmentRecord(input: HarassmentInput, options: WriteOptions) {
    return this.#run('createHarassmentRecord', [input], options.signal, () =>
      this.#once(options.idempotencyKey, 'createHarassmentRecord', () => {
        if (input.reason.trim() === '') throw new BackendError('validation', 'Reason is required.', { field: 'reason', code: 'required' });
        if (input.reason.length > 1024) throw new BackendError('validation', 'Reason is too long.', { field: 'reason', code: 'too-long' });
        const call = this.#requireCall(input.callId);
        if (!call.twoParty) throw new BackendError('conflict', 'Only during a two-party call.', { code: 'not-two-party' });
        const record: HarassmentRecord = freeze({
          ...input,
          id: `har-${this.#nextId()}`,
          createdAt: this.now(),
          status: 'pending',
          createdBy: this.agent.workNo,
        });
        this.harassmentRecords.push(record);
        return record;
      }),
    );
  }

  // ---- identity authentication -----------------------------------------------

  listAuthModes(options?: RequestOptions) {
    return this.#run('listAuthModes', [], options?.signal, () => this.authModes);
  }

  startIdentityAuth(callId: string, modeId: string, options: WriteOptions) {
    return this.#run('startIdentityAuth', [callId, modeId], options.signal, () =>
      this.#once(options.idempotencyKey, 'startIdentityAuth', () => {
        this.#requireCall(callId);
        if (!this.authModes.some((m) => m.id === modeId)) throw new BackendError('validation', 'Unknown mode.', { field: 'modeId', code: 'unknown' });
        const result: IdentityAuthResult = freeze({ id: `auth-${this.#nextId()}`, callId, modeId, status: 'in-progress', startedAt: this.now() });
        this.authResults.set(result.id, result);
        this.emit({ type: 'identity-auth', result });
        // The IVR flow answers a little later, as a real one would.
        setTimeout(() => {
          const done: IdentityAuthResult = freeze({ ...result, status: this.authOutcome.get(modeId) ?? 'pass', completedAt: this.now() });
          this.authResults.set(done.id, done);
          this.emit({ type: 'identity-auth', result: done });
        }, 30);
        return result;
      }),
    );
  }

  getIdentityAuth(authId: string, options?: RequestOptions) {
    return this.#run('getIdentityAuth', [authId], options?.signal, () => this.authResults.get(authId) ?? null);
  }

  // ---- screen pop-ups --------------------------------------------------------

  listScreenPopups(options?: RequestOptions) {
    return this.#run('listScreenPopups', [], options?.signal, () => this.screenPopups);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
