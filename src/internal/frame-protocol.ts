/**
 * The messages between `<screen-popup>` (the parent, in the workbench) and
 * `<workbench-frame-bridge>` (inside a tenant page in one of its iframes).
 *
 * Both sides post only to the other's exact origin and accept only from the
 * other's exact window and origin; this module only says what a well-formed
 * message is. Anything that does not parse is ignored, never half-read.
 *
 * Flow: the bridge says `hello`; the parent answers with a `context`
 * snapshot and pushes a new one whenever the call, agent, customer, identity
 * check, config, locale or theme change. The bridge forwards backend calls as
 * `request`s (an AbortSignal becomes a `cancel`); the parent carries out only
 * the methods this page is granted and answers each with a `response`.
 * A page granted `transcript` also gets the current call's transcript: the
 * segments so far in each snapshot, and every new one as an `event`.
 */
import type { BackendErrorKind } from '../backend/errors.js';
import type { StreamStatus, TranscriptSegment, WorkbenchBackend } from '../backend/types.js';
import type { Agent, CallSession, Customer, IdentityAuthResult, WorkbenchConfig } from '../context/types.js';

export const FRAME_PROTOCOL = 'av-workbench/frame';
/** Raised when a message changes incompatibly; each side ignores other versions. */
export const FRAME_PROTOCOL_VERSION = 1;

export type ForwardableMethod = Exclude<keyof WorkbenchBackend, 'subscribe'>;

/**
 * Every backend method a bridge can forward, with how many arguments come
 * before its options object. Typed against the contract, so a method added
 * to `WorkbenchBackend` does not compile until it is listed here.
 */
export const METHOD_ARITY: Readonly<Record<ForwardableMethod, number>> = Object.freeze({
  signIn: 0,
  signOut: 0,
  setAgentState: 2,
  listRestReasons: 0,
  getAgent: 0,
  getCurrentCall: 0,
  dial: 1,
  answer: 1,
  hold: 1,
  resume: 1,
  setMuted: 2,
  hangUp: 1,
  callback: 1,
  setHandledNumber: 2,
  findCustomerByNumber: 1,
  getCustomer: 1,
  createCustomer: 1,
  updateCustomer: 2,
  listContactRecords: 1,
  getContactRecord: 1,
  listMessageRecords: 1,
  getRecordingUrl: 1,
  listTemplates: 1,
  sendNotification: 1,
  getReasonTree: 0,
  getIdentifiedReason: 1,
  getCallReason: 1,
  saveCallReason: 2,
  listHarassmentRecords: 1,
  createHarassmentRecord: 1,
  listAuthModes: 0,
  startIdentityAuth: 2,
  getIdentityAuth: 1,
  listScreenPopups: 0,
});

/**
 * What every pop-up page may do without a grant: read what the panels show
 * about the current call. Left out on purpose: every write and call control,
 * `getRecordingUrl` (it hands out a credential-free link to the call audio)
 * and `listScreenPopups` (the tenant's configuration, no panel's business).
 * A page's `grants` add methods to this list.
 */
export const READ_ONLY_METHODS: readonly ForwardableMethod[] = Object.freeze([
  'getAgent',
  'getCurrentCall',
  'listRestReasons',
  'findCustomerByNumber',
  'getCustomer',
  'listContactRecords',
  'getContactRecord',
  'listMessageRecords',
  'listTemplates',
  'getReasonTree',
  'getIdentifiedReason',
  'getCallReason',
  'listHarassmentRecords',
  'listAuthModes',
  'getIdentityAuth',
] as ForwardableMethod[]);

export function isForwardableMethod(name: unknown): name is ForwardableMethod {
  return typeof name === 'string' && Object.hasOwn(METHOD_ARITY, name);
}

/**
 * A grant that is not a method: the live transcript of the current call
 * (what `<realtime-transfer>` shows). Not read-only by default because it is
 * the customer's own words, more than the panels' record of the call.
 */
export const TRANSCRIPT_GRANT = 'transcript';

/** Whether a page's grants include the live transcript. */
export function grantsTranscript(grants: readonly string[] | undefined): boolean {
  return (grants ?? []).includes(TRANSCRIPT_GRANT);
}

/** The methods a page may call: the read-only list plus its grants (unknown grant names are ignored). */
export function allowedMethods(grants: readonly string[] | undefined): ReadonlySet<ForwardableMethod> {
  const allowed = new Set<ForwardableMethod>(READ_ONLY_METHODS);
  for (const grant of grants ?? []) if (isForwardableMethod(grant)) allowed.add(grant);
  return allowed;
}

/** What the workbench shares with a pop-up page, as one snapshot. */
export interface FrameContextSnapshot {
  readonly call: CallSession | null;
  readonly agent: Agent | null;
  readonly customer: Customer | null;
  readonly identityAuth: IdentityAuthResult | null;
  readonly config: WorkbenchConfig;
  readonly locale: string;
  readonly theme: 'light' | 'dark';
  /** The methods this page may call, so panels can tell before they try. */
  readonly allowed: readonly ForwardableMethod[];
  /** The state of the workbench's event stream (absent from older parents: take `open`). */
  readonly streamStatus?: StreamStatus;
  /** The current call's transcript so far; only for a page granted `transcript`, and only during a call. */
  readonly transcript?: readonly TranscriptSegment[];
}

/** A live event relayed to a page: only transcript lines of the current call, only when granted. */
export interface FrameEvent {
  readonly type: 'transcript';
  readonly callId: string;
  readonly segment: TranscriptSegment;
}

export interface SerializedBackendError {
  readonly kind: BackendErrorKind;
  readonly message: string;
  readonly field?: string;
  readonly code?: string;
}

interface Envelope<T extends string> {
  readonly protocol: typeof FRAME_PROTOCOL;
  readonly version: typeof FRAME_PROTOCOL_VERSION;
  readonly type: T;
}

export type HelloMessage = Envelope<'hello'>;
export interface RequestMessage extends Envelope<'request'> {
  readonly id: string;
  readonly method: ForwardableMethod;
  /** The arguments before the options object, structured-cloned. */
  readonly args: readonly unknown[];
  /** For writes: the idempotency key of the action, the same on every retry. */
  readonly idempotencyKey?: string;
}
export interface CancelMessage extends Envelope<'cancel'> {
  readonly id: string;
}
export interface ContextMessage extends Envelope<'context'> {
  readonly snapshot: FrameContextSnapshot;
}
export interface EventMessage extends Envelope<'event'> {
  readonly event: FrameEvent;
}
export type ResponseMessage =
  | (Envelope<'response'> & { readonly id: string; readonly ok: true; readonly value: unknown })
  | (Envelope<'response'> & { readonly id: string; readonly ok: false; readonly error: SerializedBackendError });

/** From the bridge to the parent. */
export type BridgeMessage = HelloMessage | RequestMessage | CancelMessage;
/** From the parent to the bridge. */
export type ParentMessage = ContextMessage | EventMessage | ResponseMessage;

type Body<M> = M extends Envelope<string> ? Omit<M, 'protocol' | 'version'> : never;

/** Stamps a message with the protocol name and version. */
export function frameMessage<M extends BridgeMessage | ParentMessage>(body: Body<M>): M {
  return { protocol: FRAME_PROTOCOL, version: FRAME_PROTOCOL_VERSION, ...body } as unknown as M;
}

const MAX_ID_LENGTH = 100;
const MAX_ARGS = 4;
const ERROR_KINDS: readonly BackendErrorKind[] = ['validation', 'not-found', 'forbidden', 'conflict', 'unavailable', 'aborted'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown, max = MAX_ID_LENGTH): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function envelopeOf(data: unknown): Record<string, unknown> | null {
  if (!isRecord(data) || data.protocol !== FRAME_PROTOCOL || data.version !== FRAME_PROTOCOL_VERSION) return null;
  return typeof data.type === 'string' ? data : null;
}

const STREAM_STATUSES: readonly StreamStatus[] = ['connecting', 'open', 'reconnecting', 'closed'];
const MAX_SEGMENT_ID_LENGTH = 200;

function isSegment(value: unknown): value is TranscriptSegment {
  return (
    isRecord(value) &&
    isId(value.id, MAX_SEGMENT_ID_LENGTH) &&
    (value.speaker === 'customer' || value.speaker === 'agent') &&
    typeof value.text === 'string' &&
    typeof value.offsetMs === 'number' &&
    Number.isFinite(value.offsetMs) &&
    typeof value.final === 'boolean'
  );
}

/** A message from a bridge, or null when it is not one (any other postMessage traffic included). */
export function parseBridgeMessage(data: unknown): BridgeMessage | null {
  const m = envelopeOf(data);
  if (!m) return null;
  switch (m.type) {
    case 'hello':
      return m as unknown as HelloMessage;
    case 'cancel':
      return isId(m.id) ? (m as unknown as CancelMessage) : null;
    case 'request': {
      if (!isId(m.id) || typeof m.method !== 'string' || !Array.isArray(m.args) || m.args.length > MAX_ARGS) return null;
      if (m.idempotencyKey !== undefined && !isId(m.idempotencyKey)) return null;
      return m as unknown as RequestMessage;
    }
    default:
      return null;
  }
}

/** A message from the parent, or null when it is not one. */
export function parseParentMessage(data: unknown): ParentMessage | null {
  const m = envelopeOf(data);
  if (!m) return null;
  if (m.type === 'context') {
    const s = m.snapshot;
    if (!isRecord(s)) return null;
    const ok =
      ['call', 'agent', 'customer', 'identityAuth'].every((key) => s[key] === null || isRecord(s[key])) &&
      isRecord(s.config) &&
      typeof s.locale === 'string' &&
      (s.theme === 'light' || s.theme === 'dark') &&
      Array.isArray(s.allowed) &&
      (s.streamStatus === undefined || STREAM_STATUSES.includes(s.streamStatus as StreamStatus)) &&
      (s.transcript === undefined || (Array.isArray(s.transcript) && s.transcript.every(isSegment)));
    return ok ? (m as unknown as ContextMessage) : null;
  }
  if (m.type === 'event') {
    const e = m.event;
    const ok = isRecord(e) && e.type === 'transcript' && isId(e.callId) && isSegment(e.segment);
    return ok ? (m as unknown as EventMessage) : null;
  }
  if (m.type === 'response') {
    if (!isId(m.id) || typeof m.ok !== 'boolean') return null;
    if (m.ok) return m as unknown as ResponseMessage;
    const e = m.error;
    if (!isRecord(e) || !ERROR_KINDS.includes(e.kind as BackendErrorKind) || typeof e.message !== 'string') return null;
    return m as unknown as ResponseMessage;
  }
  return null;
}

/** The exact origin of an origin or URL string, or null when it has none. */
export function exactOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
