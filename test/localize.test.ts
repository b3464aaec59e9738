import { expect } from '@open-wc/testing';
import en from '../src/localize/locales/en/index.js';
import { SUPPORTED_LOCALES, loadLocale, resolveLocale } from '../src/localize/registry.js';

describe('localization', () => {
  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale} has every English string, and nothing more, none empty`, async () => {
      const messages = await loadLocale(locale);
      const missing = Object.keys(en).filter((k) => !(k in messages));
      const extra = Object.keys(messages).filter((k) => !(k in en));
      const empty = Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(missing, `missing in ${locale}`).to.deep.equal([]);
      expect(extra, `unknown keys in ${locale}`).to.deep.equal([]);
      expect(empty, `empty strings in ${locale}`).to.deep.equal([]);
    });

    it(`${locale} keeps every {placeholder} of the English string`, async () => {
      const messages = (await loadLocale(locale)) as Record<string, string>;
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const wrong = Object.entries(en).filter(([k, v]) => JSON.stringify(names(v)) !== JSON.stringify(names(messages[k] ?? '')));
      expect(wrong.map(([k]) => k)).to.deep.equal([]);
    });
  }

  it('maps the tags hosts pass onto shipped locales', () => {
    expect(resolveLocale('zh')).to.equal('zh-CN');
    expect(resolveLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('fr')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });
});
