/**
 * The library's one home for phone-number rules. Every panel and backend that
 * accepts, sends to or stores a number goes through here.
 */

export type PhoneProblem = 'required' | 'invalid-characters' | 'too-long' | 'invalid-number';

export type PhoneCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: PhoneProblem };

/** Separators people type or paste: spaces (any kind), hyphens, dots, slashes, parentheses. */
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u3000().\-‐‑‒–—/]/g;

/** Removes separators and turns an international `00` prefix into `+`. */
export function normalizePhone(raw: string): string {
  let value = raw.replace(SEPARATORS, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  return value;
}

/**
 * A number we can send to, in E.164 (`+` and 7–15 digits, no leading zero in
 * the country code). National numbers take the tenant's default country code,
 * dropping one leading trunk `0`.
 */
export function toE164(raw: string, defaultCountryCode: string): PhoneCheck {
  const value = normalizePhone(raw);
  if (value === '') return { ok: false, problem: 'required' };
  if (!/^\+?\d+$/.test(value)) return { ok: false, problem: 'invalid-characters' };
  const country = defaultCountryCode.replace(/^\+/, '');
  const international = value.startsWith('+') ? value : `+${country}${value.replace(/^0/, '')}`;
  if (!/^\+[1-9]\d{6,14}$/.test(international)) return { ok: false, problem: 'invalid-number' };
  return { ok: true, value: international };
}

/**
 * The handled number identifies the service object: digits with an optional
 * leading `+`, at most `maxLength` characters once separators are removed.
 */
export function checkHandledNumber(raw: string, maxLength: number): PhoneCheck {
  const value = normalizePhone(raw);
  if (value === '') return { ok: false, problem: 'required' };
  if (!/^\+?\d+$/.test(value)) return { ok: false, problem: 'invalid-characters' };
  if (value.length > maxLength) return { ok: false, problem: 'too-long' };
  return { ok: true, value };
}

/** Whether two numbers are the same once normalized (for matching records to a caller). */
export function samePhone(a: string, b: string): boolean {
  return normalizePhone(a) === normalizePhone(b);
}
