import { expect, fixture, html } from '@open-wc/testing';
import en from '../src/localize/locales/en/index.js';
import ar from '../src/localize/locales/ar/index.js';
import zhCN from '../src/localize/locales/zh-CN/index.js';
import { SUPPORTED_LOCALES, directionOf, intlLocale, loadLocale, resolveLocale } from '../src/localize/registry.js';
import type { CallMessage } from '../src/components/call-message/call-message.js';
import type { ConnectionBar } from '../src/components/connection-bar/connection-bar.js';
import { memoryBackend, sampleCall, shadow, text, until, withProvider } from './helpers/fixtures.js';

// Before the completeness tests below load every locale: this one must see
// Arabic arrive lazily and the panels re-render when it does.
describe('switching locale at run time', () => {
  it('re-renders every panel under a provider, en → ar → zh-CN → en, with the right direction', async () => {
    const backend = memoryBackend();
    backend.setCall(sampleCall({ startTime: Date.now() - 3_725_000 }));
    const { provider } = await withProvider(html`<call-message></call-message><connection-bar></connection-bar>`, backend);
    const message = provider.querySelector<CallMessage>('call-message')!;
    const bar = provider.querySelector<ConnectionBar>('connection-bar')!;
    const title = () => text(shadow(message, 'h2'));
    const barLabel = () => shadow(bar, '[part=base]')?.getAttribute('aria-label');
    const direction = (el: Element) => getComputedStyle(shadow(el, '[part=base]')!).direction;

    const steps = [
      { locale: 'en', strings: en, dir: 'ltr' },
      { locale: 'ar', strings: ar, dir: 'rtl' },
      { locale: 'zh-CN', strings: zhCN, dir: 'ltr' },
      { locale: 'en', strings: en, dir: 'ltr' },
    ] as const;
    for (const { locale, strings, dir } of steps) {
      provider.locale = locale;
      await until(
        () => title() === strings['callMessage.title'] && barLabel() === strings['connectionBar.label'],
        `panels in ${locale}`,
      );
      await message.updateComplete;
      await bar.updateComplete;
      expect(provider.getAttribute('lang'), locale).to.equal(locale);
      expect(provider.getAttribute('dir'), locale).to.equal(dir);
      expect(direction(message), `call-message in ${locale}`).to.equal(dir);
      expect(direction(bar), `connection-bar in ${locale}`).to.equal(dir);
      expect(text(shadow(message, 'dt')), locale).to.equal(strings['callMessage.callingNumber']);
      // The call has lasted just over an hour; every locale shows the clock in the same digits.
      expect(text(shadow(message, '[data-testid=duration]')), locale).to.match(/^1:0\d:\d\d$/);
      // Phone numbers are never translated nor reordered.
      expect(text(shadow(message, '[data-testid="calling-number"]'))).to.equal('+8613800138000');
      if (locale === 'ar') await expect(message).to.be.accessible();
    }
  });

  it('follows an Arabic region tag on the element: Arabic strings, right-to-left, Western digits', async () => {
    const message = await fixture<CallMessage>(
      html`<call-message lang="ar-EG" .call=${sampleCall({ startTime: Date.now() - 65_000 })}></call-message>`,
    );
    await until(() => text(shadow(message, 'h2')) === ar['callMessage.title'], 'Arabic title');
    expect(getComputedStyle(shadow(message, '[part=base]')!).direction).to.equal('rtl');
    expect(text(shadow(message, '[data-testid=duration]'))).to.match(/^1:\d\d$/);
    await expect(message).to.be.accessible();
  });
});

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

    it(`${locale} closes every bidi isolate it opens`, async () => {
      const messages = (await loadLocale(locale)) as Record<string, string>;
      // An unclosed LRI/RLI/FSI would reorder the rest of the line it is shown in.
      const unbalanced = Object.entries(messages).filter(([, v]) => {
        let depth = 0;
        for (const ch of v) {
          if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
          else if (ch === '\u2069' && --depth < 0) return true;
        }
        return depth !== 0;
      });
      expect(unbalanced.map(([k]) => k)).to.deep.equal([]);
    });
  }

  // A string copied from English and never translated: Latin words and none of the locale's script.
  const script: Record<string, RegExp> = { ar: /[\u0600-\u06ff]/, 'zh-CN': /[\u3400-\u9fff]/ };
  // Product names and codes agents say as they are written.
  const keptAsWritten = /^(SMS|IVR|WhatsApp)$/;
  for (const [locale, letters] of Object.entries(script)) {
    it(`${locale} translates every sentence (none left in English)`, async () => {
      const messages = (await loadLocale(resolveLocale(locale))) as Record<string, string>;
      const untranslated = Object.entries(messages)
        .filter(([, v]) => !keptAsWritten.test(v))
        .filter(([, v]) => /[a-z]{2}/i.test(v.replace(/\{\w+\}/g, '')) && !letters.test(v));
      expect(untranslated.map(([k]) => k)).to.deep.equal([]);
    });
  }

  it('maps the tags hosts pass onto shipped locales', () => {
    expect(resolveLocale('zh')).to.equal('zh-CN');
    expect(resolveLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('fr')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
    for (const tag of ['ar', 'ar-SA', 'ar-EG', 'AR-ae', 'ar_MA', 'ar-Arab-JO']) expect(resolveLocale(tag), tag).to.equal('ar');
    // Other languages whose codes merely start with "ar": Aragonese, Mapudungun.
    expect(resolveLocale('an')).to.equal('en');
    expect(resolveLocale('arn')).to.equal('en');
  });

  it('gives Arabic a right-to-left direction and Western digits', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-SA')).to.equal('rtl');
    expect(directionOf('zh-CN')).to.equal('ltr');
    const numbers = new Intl.NumberFormat(intlLocale(resolveLocale('ar-SA')));
    expect(numbers.resolvedOptions().numberingSystem).to.equal('latn');
    expect(numbers.format(1234.5)).to.equal('1,234.5');
    const date = new Intl.DateTimeFormat(intlLocale('ar'), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5));
    expect(date).to.match(/2026/);
    expect(date).not.to.match(/[\u0660-\u0669\u06f0-\u06f9]/);
  });
});

describe('Intl formatting', () => {
  it('builds each formatter once per locale and options, not once per value', async () => {
    const el = await fixture<CallMessage>(html`<call-message lang="en"></call-message>`);
    const l10n = (el as unknown as { l10n: { duration(ms: number): string; number(n: number): string } }).l10n;
    const Original = Intl.NumberFormat;
    let built = 0;
    // A transcript formats one offset per line; building a formatter each time made Copy of a long call take seconds.
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      built += 1;
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      const out = [];
      for (let i = 0; i < 200; i += 1) out.push(l10n.duration(i * 1000 + 3_600_000), l10n.number(i));
      expect(out[0]).to.equal('1:00:00');
      expect(out[out.length - 2]).to.equal('1:03:19');
      expect(built).to.be.at.most(3);
    } finally {
      Intl.NumberFormat = Original;
    }
  });
});
