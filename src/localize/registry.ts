import type { MessageKey, Messages } from './locales/en/index.js';

export type { MessageKey, Messages };

/**
 * English, filled area by area: each element module adds the strings it
 * shows (`addEnglish`), so a page that defines one element pays for that
 * element's English only. `locales/en/index.ts` adds every area.
 */
export const en: Partial<Record<MessageKey, string>> = {};

/** Adds an area's English strings; called once by each module that shows them. */
export function addEnglish(strings: { readonly [K in MessageKey]?: string }): void {
  Object.assign(en, strings);
}

/** Locales the library ships. English is bundled; the others load on first use. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN', 'ar'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const loaders: Record<Exclude<SupportedLocale, 'en'>, () => Promise<Messages>> = {
  'zh-CN': () => import('./locales/zh-CN/index.js').then((m) => m.default),
  ar: () => import('./locales/ar/index.js').then((m) => m.default),
};

const loaded = new Map<string, Messages>([['en', en as Messages]]);
// Never emptied: a locale loads once, and a failed load is not retried.
const pending = new Map<string, Promise<Messages>>([['en', Promise.resolve(en as Messages)]]);
const listeners = new Set<() => void>();

/** Maps any BCP 47 tag a host may pass (`zh`, `zh-Hans-CN`, `en-GB`) onto a shipped locale. */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (/^ar(?:[-_]|$)/.test(lower)) return 'ar';
  return 'en';
}

/** Right to left for the languages written so (Arabic, Hebrew, Persian, Urdu), whatever the region. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return /^(?:ar|he|fa|ur)(?:-|$)/i.test(tag) ? 'rtl' : 'ltr';
}

/**
 * The tag Intl formats a shipped locale with. Arabic is pinned to Western
 * digits (0-9): agents read the same digits in a duration, a date and the
 * phone number beside it, and older browsers' data would otherwise give
 * Arabic-Indic digits to `ar` (docs/localization.md, "Digits").
 */
export function intlLocale(locale: SupportedLocale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : locale;
}

/** The messages of a locale if loaded; English until then. */
export function messagesFor(locale: SupportedLocale): Messages {
  return loaded.get(locale) ?? (en as Messages);
}

/** Loads a locale's messages once; every element re-renders when it arrives. */
export function loadLocale(locale: SupportedLocale): Promise<Messages> {
  let promise = pending.get(locale);
  if (!promise) {
    promise = loaders[locale as Exclude<SupportedLocale, 'en'>]().then((messages) => {
      loaded.set(locale, messages);
      for (const listener of [...listeners]) listener();
      return messages;
    });
    pending.set(locale, promise);
  }
  return promise;
}

export function onLocaleLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders. Values are text; the result is rendered as text. */
export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
