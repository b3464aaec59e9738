import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext } from '../context/keys.js';
import common from '../localize/locales/en/common.js';
import {
  type MessageKey,
  type SupportedLocale,
  addEnglish,
  directionOf,
  en,
  format,
  intlLocale,
  loadLocale,
  messagesFor,
  onLocaleLoaded,
  resolveLocale,
} from '../localize/registry.js';

type Host = ReactiveControllerHost & HTMLElement;

// Every element with strings has this controller: it brings the shared ones.
addEnglish(common);

// Building an Intl formatter costs about a hundred times more than using one,
// and a transcript formats an offset per line (20,000 lines on a long call,
// all of them again on Copy), so formatters are kept per locale and options.
const formats = new Map<string, unknown>();

function cachedFormat<F, O>(Format: new (locale: string, options?: O) => F, locale: string, options?: O): F {
  // Format.name tells number formats from date formats (built-ins keep their names).
  const key = `${Format.name} ${locale} ${JSON.stringify(options)}`;
  let formatter = formats.get(key) as F | undefined;
  if (!formatter) {
    formatter = new Format(locale, options);
    formats.set(key, formatter);
  }
  return formatter;
}

/**
 * Gives an element its strings and Intl formatting. The locale is, in order:
 * the element's own `lang` attribute, the provider's locale, the nearest
 * `lang` above it, English.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof localeContext, Host>;
  #observer?: MutationObserver;
  #unlisten?: () => void;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    this.#consumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    this.#unlisten = onLocaleLoaded(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#unlisten?.();
  }

  hostUpdate(): void {
    // Once per locale; a loaded one answers at once.
    void loadLocale(this.locale);
  }

  /** The BCP 47 tag asked for, before mapping onto a shipped locale. */
  get requestedTag(): string {
    return (
      this.#host.getAttribute('lang') ||
      this.#consumer.value ||
      closestComposed(this.#host, '[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      'en'
    );
  }

  get locale(): SupportedLocale {
    return resolveLocale(this.requestedTag);
  }

  /**
   * The text direction: a `dir` the host or page chose (on the element or
   * above it) wins; otherwise the locale's own direction.
   */
  get dir(): 'ltr' | 'rtl' {
    const chosen = closestComposed(this.#host, '[dir]')?.getAttribute('dir')?.toLowerCase();
    if (chosen === 'rtl' || chosen === 'ltr') return chosen;
    return directionOf(this.requestedTag);
  }

  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    // A key no module registered shows as itself rather than crashing the render.
    return format(messagesFor(this.locale)[key] ?? en[key] ?? key, params);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return cachedFormat(Intl.NumberFormat, intlLocale(this.locale), options).format(value);
  }

  dateTime(epochMs: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    return cachedFormat(Intl.DateTimeFormat, intlLocale(this.locale), options).format(epochMs);
  }

  /** A clock-style duration: 4:05 or 1:02:09. */
  duration(ms: number): string {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    // Through Intl like every other number, so a locale's digits apply to the clock too.
    const one = (n: number) => this.number(n, { useGrouping: false });
    const two = (n: number) => this.number(n, { minimumIntegerDigits: 2, useGrouping: false });
    // duration.ms has no {h}; its minutes are not padded.
    return this.t(h > 0 ? 'duration.hms' : 'duration.ms', { h: one(h), m: (h > 0 ? two : one)(m), s: two(s) });
  }
}

/**
 * `closest()` that continues past shadow roots to their hosts, so a panel
 * rendered inside another panel's shadow DOM still finds the page's lang/dir.
 */
function closestComposed(from: Element, selector: string): Element | null {
  const root = from.getRootNode();
  return from.closest(selector) ?? (root instanceof ShadowRoot ? closestComposed(root.host, selector) : null);
}
