/**
 * How many SMS segments a text takes, so the agent knows before sending what
 * the customer receives and what it costs. Pure functions, no DOM.
 */

export type SmsEncoding = 'gsm-7' | 'ucs-2';

export interface SmsCount {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  readonly units: number;
  /** Segments the text is sent as; 0 for an empty text. */
  readonly segments: number;
  /** Units one segment holds at this length: the single-message size, or the smaller per-part size. */
  readonly perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  readonly remaining: number;
}

/** Single message and per-part sizes; a multipart message spends 6 or 7 units of each part on the header. */
export const SMS_LIMITS = Object.freeze({
  'gsm-7': Object.freeze({ single: 160, part: 153 }),
  'ucs-2': Object.freeze({ single: 70, part: 67 }),
});

/** The GSM 03.38 default alphabet (the escape code itself excluded: nobody types it). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each is sent as escape + character, two septets. */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** GSM-7 when every character is in the GSM alphabet; one other character switches the whole text to UCS-2. */
export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (!GSM_BASIC.has(char) && !GSM_EXTENDED.has(char)) return 'ucs-2';
  }
  return 'gsm-7';
}

/** Counts `text` as a phone would send it. */
export function countSms(text: string): SmsCount {
  const encoding = smsEncoding(text);
  const { single, part } = SMS_LIMITS[encoding];
  let units = 0;
  let segments = 1;
  let used = 0;
  // `for...of` walks code points, so an astral character (an emoji) is one
  // item that takes two UTF-16 code units. A part never ends in the middle of
  // it or of an escape pair, so parts are counted by packing, not dividing.
  for (const char of text) {
    const width = encoding === 'gsm-7' ? (GSM_EXTENDED.has(char) ? 2 : 1) : char.length;
    units += width;
    if (used + width > part) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return units <= single
    ? { encoding, units, segments: units ? 1 : 0, perSegment: single, remaining: single - units }
    : { encoding, units, segments, perSegment: part, remaining: part - used };
}
