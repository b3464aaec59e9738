import type {
  Agent,
  AgentStateName,
  CallSession,
  Customer,
  Gender,
  IdentifiedReason,
  IdentityAuthResult,
  ScreenPopupPage,
} from '../context/types.js';

/**
 * The backend contract: everything the panels need from the contact center.
 * An integrator implements this interface (or speaks the HTTP protocol that
 * `HttpBackend` uses). See docs/backend.md.
 *
 * Rules every implementation keeps:
 * - every method takes an AbortSignal and rejects with a `BackendError` of
 *   kind `aborted` when it fires;
 * - every write that acts (sends, creates, calls) takes an idempotency key:
 *   a retry with the same key never acts twice;
 * - failures are `BackendError`s, never bare strings.
 */
export interface WorkbenchBackend {
  // Agent and call control
  signIn(options?: RequestOptions): Promise<Agent>;
  signOut(options?: RequestOptions): Promise<Agent>;
  setAgentState(state: AgentStateName, restReasonId: string | undefined, options?: RequestOptions): Promise<Agent>;
  listRestReasons(options?: RequestOptions): Promise<readonly RestReason[]>;
  getAgent(options?: RequestOptions): Promise<Agent | null>;
  getCurrentCall(options?: RequestOptions): Promise<CallSession | null>;
  dial(number: string, options: WriteOptions): Promise<CallSession>;
  answer(callId: string, options?: RequestOptions): Promise<CallSession>;
  hold(callId: string, options?: RequestOptions): Promise<CallSession>;
  resume(callId: string, options?: RequestOptions): Promise<CallSession>;
  setMuted(callId: string, muted: boolean, options?: RequestOptions): Promise<CallSession>;
  hangUp(callId: string, options?: RequestOptions): Promise<CallSession>;
  /** Calls the handled number back after the call `callId` ended abnormally. */
  callback(callId: string, options: WriteOptions): Promise<CallSession>;
  /**
   * One stream per provider: call, agent, identity-auth and transcript events.
   * `since` resumes after that sequence number, with nothing lost or doubled.
   */
  subscribe(listener: (event: WorkbenchEvent) => void, options?: SubscribeOptions): Subscription;

  // Handled number
  setHandledNumber(callId: string, handledNumber: string, options: WriteOptions): Promise<CallSession>;

  // Customers
  findCustomerByNumber(number: string, options?: RequestOptions): Promise<Customer | null>;
  getCustomer(customerId: string, options?: RequestOptions): Promise<Customer | null>;
  createCustomer(input: CustomerInput, options: WriteOptions): Promise<Customer>;
  updateCustomer(customerId: string, input: CustomerInput, options: WriteOptions): Promise<Customer>;

  // Contact records
  listContactRecords(query: ContactRecordQuery, options?: RequestOptions): Promise<Page<ContactRecord>>;
  getContactRecord(recordId: string, options?: RequestOptions): Promise<ContactRecord | null>;
  listMessageRecords(query: MessageRecordQuery, options?: RequestOptions): Promise<readonly MessageRecord[]>;
  /** A short-lived URL an `<audio>` element can load without credentials. */
  getRecordingUrl(recordingId: string, options?: RequestOptions): Promise<RecordingUrl>;

  // Notifications
  listTemplates(channel: NotificationChannel, options?: RequestOptions): Promise<readonly NotificationTemplate[]>;
  sendNotification(input: NotificationInput, options: WriteOptions): Promise<MessageRecord>;

  // Call reasons and remarks
  getReasonTree(options?: RequestOptions): Promise<readonly ReasonNode[]>;
  getIdentifiedReason(callId: string, options?: RequestOptions): Promise<IdentifiedReason | null>;
  getCallReason(callId: string, options?: RequestOptions): Promise<SavedCallReason | null>;
  saveCallReason(callId: string, input: CallReasonInput, options: WriteOptions): Promise<SavedCallReason>;

  // Harassment records
  listHarassmentRecords(number: string, options?: RequestOptions): Promise<readonly HarassmentRecord[]>;
  createHarassmentRecord(input: HarassmentInput, options: WriteOptions): Promise<HarassmentRecord>;

  // Identity authentication
  listAuthModes(options?: RequestOptions): Promise<readonly AuthMode[]>;
  startIdentityAuth(callId: string, modeId: string, options: WriteOptions): Promise<IdentityAuthResult>;
  getIdentityAuth(authId: string, options?: RequestOptions): Promise<IdentityAuthResult | null>;

  // Screen pop-ups
  listScreenPopups(options?: RequestOptions): Promise<readonly ScreenPopupPage[]>;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface WriteOptions extends RequestOptions {
  /** The same key on every retry of one action. */
  readonly idempotencyKey: string;
}

export interface SubscribeOptions {
  readonly signal?: AbortSignal;
  /** Resume after this sequence number. */
  readonly since?: number;
  /** Told when the stream drops and when it is back. */
  readonly onStatus?: (status: StreamStatus) => void;
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Subscription {
  close(): void;
}

export type WorkbenchEvent =
  | { readonly seq: number; readonly type: 'call'; readonly call: CallSession }
  | { readonly seq: number; readonly type: 'agent'; readonly agent: Agent }
  | { readonly seq: number; readonly type: 'identity-auth'; readonly result: IdentityAuthResult }
  | { readonly seq: number; readonly type: 'transcript'; readonly callId: string; readonly segment: TranscriptSegment };

export interface TranscriptSegment {
  /** Stable across a partial and the final that replaces it. */
  readonly id: string;
  readonly speaker: 'customer' | 'agent';
  readonly text: string;
  /** Milliseconds from the start of the call. */
  readonly offsetMs: number;
  readonly final: boolean;
}

export interface RestReason {
  readonly id: string;
  readonly label: string;
}

export interface CustomerInput {
  readonly name: string;
  readonly gender?: Gender;
  readonly phoneNumbers: readonly string[];
  readonly email?: string;
  readonly address?: string;
  readonly level?: string;
  readonly notes?: string;
}

export interface ContactRecordQuery {
  /** The handled number whose records to list. */
  readonly number: string;
  readonly limit?: number;
  /** Epoch ms, inclusive. */
  readonly from?: number;
  /** Epoch ms, exclusive. */
  readonly to?: number;
  /** Opaque cursor from the previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  readonly total?: number;
}

export type NotificationChannel = 'sms' | 'email' | 'whatsapp';

export interface ContactRecord {
  readonly id: string;
  readonly callId: string;
  readonly channel: 'voice' | 'video' | 'multimedia';
  readonly direction: 'inbound' | 'outbound';
  readonly customerNumber: string;
  readonly handledNumber: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly agentName: string;
  readonly agentWorkNo: string;
  readonly skillQueue?: string;
  readonly reasonPath?: readonly string[];
  readonly remarks?: string;
  readonly recordingId?: string;
}

export interface MessageRecordQuery {
  readonly contactRecordId?: string;
  readonly callId?: string;
}

export interface MessageRecord {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly templateId?: string;
  readonly templateName?: string;
  readonly subject?: string;
  readonly text: string;
  readonly sentAt: number;
  readonly status: 'sent' | 'delivered' | 'failed' | 'pending';
  readonly callId?: string;
  readonly contactRecordId?: string;
}

export interface RecordingUrl {
  readonly url: string;
  /** Epoch ms after which the URL is refused. */
  readonly expiresAt: number;
}

export interface NotificationTemplate {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly name: string;
  readonly subject?: string;
  /** Text with `{{variable}}` placeholders. */
  readonly body: string;
  /** WhatsApp: the parameters the agent fills, by name. */
  readonly parameters?: readonly string[];
  /** WhatsApp: only approved templates may be sent. */
  readonly approved?: boolean;
  readonly locale?: string;
}

export interface NotificationInput {
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly templateId?: string;
  readonly subject?: string;
  /** The exact final text the customer receives. */
  readonly text: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly callId?: string;
  readonly contactRecordId?: string;
}

export interface ReasonNode {
  readonly id: string;
  readonly label: string;
  readonly children?: readonly ReasonNode[];
}

export interface CallReasonInput {
  readonly reasonIds: readonly string[];
  readonly remarks: string;
}

export interface SavedCallReason extends CallReasonInput {
  readonly callId: string;
  readonly savedAt: number;
}

export type HarassmentListType = 'black' | 'red';
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface HarassmentInput {
  readonly number: string;
  readonly listType: HarassmentListType;
  readonly reason: string;
  readonly callId: string;
}

export interface HarassmentRecord extends HarassmentInput {
  readonly id: string;
  readonly createdAt: number;
  readonly status: ReviewStatus;
  readonly createdBy: string;
}

export interface AuthMode {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  /** The IVR flow that carries out this check. */
  readonly ivrFlowId: string;
}
