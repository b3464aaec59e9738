import { expect } from '@open-wc/testing';
import { countSms, smsEncoding } from '../src/util/sms.js';

const EMOJI = '\u{1F600}';

describe('SMS counting', () => {
  it('counts an empty text as no segment', () => {
    expect(countSms('')).to.include({ encoding: 'gsm-7', units: 0, segments: 0 });
  });

  it('keeps GSM-7 for the whole GSM alphabet, accents included', () => {
    expect(smsEncoding('Hello, Zoé? ñ é à ü Ä £ ¥ § ¿ ¡ _ @ Ω\n')).to.equal('gsm-7');
  });

  for (const [length, segments] of [
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
  ] as const) {
    it(`sends ${length} GSM-7 characters as ${segments} segment(s)`, () => {
      expect(countSms('a'.repeat(length))).to.include({ encoding: 'gsm-7', units: length, segments });
    });
  }

  for (const [length, segments] of [
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ] as const) {
    it(`sends ${length} UCS-2 characters as ${segments} segment(s)`, () => {
      expect(countSms('短'.repeat(length))).to.include({ encoding: 'ucs-2', units: length, segments });
    });
  }

  it('reports what is left in the current segment', () => {
    expect(countSms('a'.repeat(150))).to.include({ perSegment: 160, remaining: 10 });
    expect(countSms('a'.repeat(200))).to.include({ perSegment: 153, remaining: 106 });
  });

  it('counts each extension character (^{}\\[~]|€ and form feed) twice', () => {
    for (const char of ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']) {
      expect(countSms(char), char).to.include({ encoding: 'gsm-7', units: 2 });
    }
    expect(countSms('{'.repeat(80))).to.include({ units: 160, segments: 1 });
    expect(countSms('{'.repeat(80) + 'a')).to.include({ units: 161, segments: 2 });
  });

  it('never splits an escape pair between two parts', () => {
    // 152 septets, then a 2-septet euro sign: it cannot straddle parts 1 and 2.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(10);
    expect(countSms(text)).to.include({ units: 164, segments: 2, remaining: 153 - 12 });
  });

  it('switches the whole message to UCS-2 for one emoji, counting it as 2 units', () => {
    expect(countSms('a'.repeat(68) + EMOJI)).to.include({ encoding: 'ucs-2', units: 70, segments: 1 });
    expect(countSms('a'.repeat(69) + EMOJI)).to.include({ encoding: 'ucs-2', units: 71, segments: 2 });
    // The same 159 letters fit one GSM-7 message before the emoji arrives.
    expect(countSms('a'.repeat(159))).to.include({ encoding: 'gsm-7', segments: 1 });
    expect(countSms('a'.repeat(159) + EMOJI)).to.include({ encoding: 'ucs-2', units: 161, segments: 3 });
  });

  it('switches to UCS-2 for characters outside the GSM alphabet', () => {
    for (const char of ['中', 'ë', 'ç', '`', '’', 'ł']) expect(smsEncoding(`abc${char}`), char).to.equal('ucs-2');
  });

  it('never splits a surrogate pair between two parts', () => {
    const text = 'a'.repeat(66) + EMOJI + 'a';
    expect(countSms(text)).to.include({ units: 69, segments: 1 });
    const long = '短'.repeat(66) + EMOJI + '短'.repeat(4);
    expect(countSms(long)).to.include({ units: 72, segments: 2, remaining: 67 - 6 });
  });
});
