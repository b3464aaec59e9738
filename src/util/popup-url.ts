/**
 * Which screen pop-up URLs may load, and the URL a pop-up page receives.
 * Pure functions: `<screen-popup>` renders what they decide, and the tests
 * exercise every look-alike case here without a browser frame.
 */
import type { Agent, CallSession } from '../context/types.js';

/** Why a pop-up URL was refused. Each has a localized sentence (`screenPopup.refused.<problem>`). */
export type PopupUrlProblem =
  /** Not an absolute URL at all. */
  | 'invalid-url'
  /** `javascript:`, `data:`, `blob:`, `file:`... anything but https (and http on localhost when allowed). */
  | 'scheme'
  /** http on a host that is not localhost, or on localhost without `allow-insecure-localhost`. */
  | 'insecure'
  /** `user:pass@` in the URL: a classic way to make `https://trusted@evil` read as trusted. */
  | 'credentials'
  /** `trusted.example.`: resolves like `trusted.example` but is another origin to the browser. */
  | 'trailing-dot'
  /** The page would share the host's origin, so its sandbox could be lifted from inside. */
  | 'same-origin'
  /** The origin is not on the tenant's trust list. */
  | 'untrusted';

export type PopupUrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: PopupUrlProblem };

export interface PopupUrlPolicy {
  /** The tenant's trust list: origins (`https://crm.example.com`); anything else in an entry is ignored. */
  readonly trustedOrigins: readonly string[];
  /** The host page's own origin (`location.origin`): a pop-up may never share it. */
  readonly hostOrigin?: string;
  /**
   * Development only: let `http://localhost`, `http://127.0.0.1` and `http://[::1]` pages load.
   * Implied when `hostOrigin` is itself on one of those hosts: a workbench
   * served from loopback is a developer's machine, never production.
   */
  readonly allowInsecureLocalhost?: boolean;
}

// Loopback only: the browser counts these as secure contexts (no network to
// intercept plain http on). A LAN address or any other http host never is.
const LOCALHOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The exact origins of a trust list. Entries are parsed as URLs so that
 * `HTTPS://CRM.EXAMPLE.COM:443/` and `https://crm.example.com` are one
 * origin; an entry that is not a URL, or has credentials, trusts nothing.
 */
export function trustedOriginSet(entries: readonly string[]): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const entry of entries) {
    const url = parse(entry.trim());
    if (!url || url.username || url.password || url.origin === 'null') continue;
    origins.add(url.origin);
  }
  return origins;
}

/**
 * Whether a configured pop-up URL may load. Origins are compared exactly
 * (scheme, host and port of the parsed URL), never as string prefixes, so
 * `trusted.example.evil.example`, `eviltrusted.example` and IDN look-alikes
 * (whose punycode host differs) are all refused.
 */
export function checkPopupUrl(raw: string, policy: PopupUrlPolicy): PopupUrlCheck {
  const url = parse(typeof raw === 'string' ? raw.trim() : '');
  if (!url) return { ok: false, problem: 'invalid-url' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  const host = parse(policy.hostOrigin ?? '');
  // A host page on loopback is a development machine.
  const development = policy.allowInsecureLocalhost === true || LOCALHOSTS.has(host?.hostname ?? '');
  if (url.protocol === 'http:' && !(development && LOCALHOSTS.has(url.hostname))) {
    return { ok: false, problem: 'insecure' };
  }
  // A fully qualified name with its root dot is another origin (cookies,
  // storage, CSP all treat it apart), so a trust list never matches it.
  if (url.hostname.endsWith('.')) return { ok: false, problem: 'trailing-dot' };
  if (url.origin === host?.origin) return { ok: false, problem: 'same-origin' };
  if (!trustedOriginSet(policy.trustedOrigins).has(url.origin)) return { ok: false, problem: 'untrusted' };
  return { ok: true, url };
}

/** The call parameters every pop-up page receives, by their exact names. */
export const POPUP_PARAM_NAMES = [
  'callerNum',
  'calledNum',
  'callid',
  'mediaType',
  'callType',
  'workNo',
  'callskill',
  'callskillid',
  'agentName',
] as const;

export type PopupParamName = (typeof POPUP_PARAM_NAMES)[number];

/**
 * The parameters for a call: `mediaType` is 1 for voice and video, 5 for
 * multimedia; `callType` 0 inbound, 1 outbound. Unknown values are empty
 * strings, so a page always finds every name.
 */
export function popupParams(call: CallSession | null, agent: Agent | null): Record<PopupParamName, string> {
  return {
    callerNum: call?.callingNumber ?? '',
    calledNum: call?.calledNumber ?? '',
    callid: call?.id ?? '',
    mediaType: call ? (call.mediaType === 'multimedia' ? '5' : '1') : '',
    callType: call ? (call.direction === 'outbound' ? '1' : '0') : '',
    workNo: agent?.workNo ?? '',
    callskill: call?.skillQueue ?? '',
    callskillid: call?.skillQueueId ?? '',
    agentName: agent?.name ?? '',
  };
}

/**
 * The checked page URL with the call parameters added. The page's own query
 * parameters and fragment stay; a parameter of ours replaces one of the same
 * name, so a page cannot be configured to receive a stale `callid`.
 * URLSearchParams does the encoding.
 */
export function buildPopupUrl(url: URL, call: CallSession | null, agent: Agent | null): string {
  const out = new URL(url.href);
  for (const [name, value] of Object.entries(popupParams(call, agent))) out.searchParams.set(name, value);
  return out.href;
}

/** Sandbox tokens for an embedded page: scripts, forms and its own origin, and pop-ups only when configured. */
export function popupSandbox(allowPopups: boolean): string {
  return allowPopups ? 'allow-scripts allow-forms allow-same-origin allow-popups' : 'allow-scripts allow-forms allow-same-origin';
}
