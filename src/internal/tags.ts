import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

/*
 * Which tag each of our element classes is registered under on this page.
 *
 * A host whose page already has a `<customer-info>` registers ours under its
 * own prefix (`defineAll({ prefix: 'acme-' })`). An element that renders
 * another of ours (`<contact-record-detail>` renders `<notify-sms>`) must then
 * write the child's registered name, not the literal default, or the child
 * would be the host's element or nothing at all. Scoped custom element
 * registries would solve this without a table, but Chromium stable does not
 * ship them without a polyfill.
 *
 * The default tag is passed by the caller rather than looked up: a class name
 * does not survive minification, and a table of every class here would import
 * every element into every element.
 */

const registered = new WeakMap<CustomElementConstructor, string>();
const statics = new Map<string, StaticValue>();

/**
 * Remembers that `ctor` answers to `tag`. The first name wins: a class
 * already on the page under one name keeps rendering its children under
 * the names it started with.
 * @internal
 */
export function recordTag(ctor: CustomElementConstructor, tag: string): void {
  if (!registered.has(ctor)) registered.set(ctor, tag);
}

/** The tag `ctor` is registered under on this page, or `defaultTag` while it is not registered. */
export function tagFor(ctor: CustomElementConstructor, defaultTag: string): string {
  return registered.get(ctor) ?? defaultTag;
}

/**
 * `tagFor` as a value for `lit/static-html.js` templates:
 * `` html`<${staticTag(NotifySms, 'notify-sms')} ...></${staticTag(NotifySms, 'notify-sms')}>` ``.
 * The same object comes back for the same tag, so Lit's template cache keeps hitting.
 */
export function staticTag(ctor: CustomElementConstructor, defaultTag: string): StaticValue {
  const tag = tagFor(ctor, defaultTag);
  let value = statics.get(tag);
  if (!value) {
    value = unsafeStatic(tag);
    statics.set(tag, value);
  }
  return value;
}
