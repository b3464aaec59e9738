/**
 * The immutable values the workbench shares through context. Every value is
 * a snapshot: the provider replaces it, nobody mutates it.
 */

/** 1 voice/video, 5 multimedia: the numbers tenant pages receive as `mediaType`. */
export type MediaType = 'voice' | 'video' | 'multimedia';
export type CallDirection = 'inbound' | 'outbound';
export type CallState = 'ringing' | 'connected' | 'held' | 'ended' | 'ended-abnormally';

export interface RecordingInfo {
  /** Whether smart voice recording is running for this call. */
  readonly recording: boolean;
  /** The recording's id once one exists, to fetch its short-lived URL. */
  readonly recordingId?: string;
  /** Quality inspection / smart voice analysis state, when the tenant has it. */
  readonly smartAnalysis?: 'off' | 'on' | 'completed';
}

export interface IdentifiedReason {
  /** How the system identified it: the caller's IVR choice or speech recognition. */
  readonly source: 'ivr' | 'recognition';
  readonly reasonId: string;
  /** Path of labels from the root of the reason tree, for display. */
  readonly path: readonly string[];
}

export interface CallSession {
  readonly id: string;
  readonly mediaType: MediaType;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly callingNumber: string;
  readonly calledNumber: string;
  /** The customer's number: the calling number inbound, the called one outbound. */
  readonly customerNumber: string;
  /** Set by the agent to identify the service object; empty means "same as the customer number". */
  readonly handledNumber?: string;
  readonly skillQueue?: string;
  readonly skillQueueId?: string;
  readonly recording?: RecordingInfo;
  /** Epoch milliseconds when the call connected (or started ringing, before that). */
  readonly startTime: number;
  /** Epoch milliseconds when it ended. */
  readonly endTime?: number;
  readonly twoParty: boolean;
  readonly muted?: boolean;
  readonly identifiedReason?: IdentifiedReason | null;
  /** Whether real-time speech recognition runs for this call (the transcript tab needs it). */
  readonly asrEnabled?: boolean;
}

export type AgentStateName = 'signed-out' | 'ready' | 'busy' | 'rest' | 'talking' | 'wrap-up';

export interface Agent {
  readonly id: string;
  readonly tenantId: string;
  readonly workNo: string;
  readonly name: string;
  readonly state: AgentStateName;
  readonly restReasonId?: string;
}

export type Gender = 'male' | 'female' | 'other' | 'unknown';

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly gender?: Gender;
  readonly phoneNumbers: readonly string[];
  readonly email?: string;
  readonly address?: string;
  readonly level?: string;
  readonly notes?: string;
  /** Tenant-defined fields, shown by `<customer-info>` per the tenant's field configuration. */
  readonly fields?: Readonly<Record<string, string | number | boolean | null>>;
}

export type IdentityAuthStatus = 'not-returned' | 'in-progress' | 'pass' | 'fail' | 'error';

export interface IdentityAuthResult {
  readonly id: string;
  readonly callId: string;
  readonly modeId: string;
  readonly status: IdentityAuthStatus;
  readonly startedAt: number;
  readonly completedAt?: number;
}

export interface FieldStyleRule {
  /** Tenant-chosen name, used in configuration error messages. */
  readonly name?: string;
  readonly field: string;
  readonly when: Readonly<Record<string, unknown>>;
  readonly presentation?: 'plain' | 'badge' | 'emphasis' | 'masked';
  readonly tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';
  /** For `masked`: how many trailing characters stay readable (default 4). */
  readonly visible?: number;
}

export interface CustomerFieldConfig {
  readonly key: string;
  /** Label per locale; the key itself when none fits. */
  readonly label?: Readonly<Record<string, string>> | string;
  readonly format?: 'text' | 'date' | 'date-time' | 'number' | 'currency' | 'phone';
  readonly currency?: string;
}

export interface ScreenPopupPage {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly open: 'embed' | 'window';
  /** Backend operations a frame bridge may forward for this page; read-only when absent. */
  readonly grants?: readonly string[];
  /** Embedded pages only: let the page open pop-up windows (adds `allow-popups` to its sandbox). */
  readonly allowPopups?: boolean;
}

export interface WorkbenchLimits {
  /** Longest call remark, in characters. */
  readonly remarksMaxLength: number;
  /** Longest handled number, in characters. */
  readonly handledNumberMaxLength: number;
  /** Longest harassment reason, in characters. */
  readonly harassmentReasonMaxLength: number;
  /** Most SMS segments a notification may take. */
  readonly smsMaxSegments: number;
  /** Most screen pop-up pages shown. */
  readonly screenPopupMax: number;
}

export interface WorkbenchConfig {
  readonly tenantId: string;
  readonly customerCenter: boolean;
  readonly limits: WorkbenchLimits;
  /** Digits of the tenant's default country calling code, without `+` (e.g. `86`). */
  readonly defaultCountryCode: string;
  readonly customerFields?: readonly CustomerFieldConfig[];
  readonly fieldStyleRules?: readonly FieldStyleRule[];
  readonly screenPopups?: readonly ScreenPopupPage[];
  /** Origins screen pop-up pages may come from. */
  readonly trustedOrigins?: readonly string[];
  /** Whether editing basic information needs a passed identity check. */
  readonly requireAuthForEdit?: boolean;
  /** How many records `<contact-records>` shows. */
  readonly contactRecordsCount?: number;
}

export const DEFAULT_LIMITS: WorkbenchLimits = Object.freeze({
  remarksMaxLength: 300,
  handledNumberMaxLength: 24,
  harassmentReasonMaxLength: 1024,
  smsMaxSegments: 5,
  screenPopupMax: 5,
});

export const DEFAULT_CONFIG: WorkbenchConfig = Object.freeze({
  tenantId: 'default',
  customerCenter: false,
  limits: DEFAULT_LIMITS,
  defaultCountryCode: '1',
});

/** Completes a partial config with the documented defaults, frozen. */
export function resolveConfig(partial?: Partial<WorkbenchConfig> | null): WorkbenchConfig {
  const limits = Object.freeze({ ...DEFAULT_LIMITS, ...(partial?.limits ?? {}) });
  return Object.freeze({ ...DEFAULT_CONFIG, ...(partial ?? {}), limits });
}

/** The handled number a call stands for: the one the agent set, else the customer's. */
export function effectiveHandledNumber(call: CallSession | undefined | null): string {
  if (!call) return '';
  return call.handledNumber && call.handledNumber.length > 0 ? call.handledNumber : call.customerNumber;
}
