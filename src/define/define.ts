import { recordTag } from '../internal/tags.js';

const VALID_TAG = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

/** The subclasses made to give a class a second name, to the class they stand for. */
const aliases = new WeakMap<CustomElementConstructor, CustomElementConstructor>();

/**
 * Registers a tag once. A second copy of the library on the same page (a host
 * bundle and a tenant's script) warns instead of throwing, and so does a tag
 * the host already uses for an element of its own. Returns whether `tag` now
 * names an element of this class.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && aliases.get(existing) !== ctor) {
      console.warn(`av-workbench: <${tag}> is already defined on this page; keeping the first definition.`);
      return false;
    }
    recordTag(ctor, tag);
    return true;
  }
  // The registry refuses one constructor under two names, so a class already
  // registered (say by define/all.js) gets a second, prefixed name through a
  // subclass that adds nothing.
  const taken = customElements.getName?.(ctor);
  const definition = taken ? class extends (ctor as typeof HTMLElement) {} : ctor;
  if (definition !== ctor) aliases.set(definition, ctor);
  customElements.define(tag, definition);
  recordTag(ctor, tag);
  return true;
}

/** Options of `defineAll`. */
export interface DefineAllOptions {
  /**
   * Put before every default tag: `'acme-'` registers `<acme-call-message>`.
   * Lower-case letters, digits and hyphens, starting with a letter.
   */
  prefix?: string;
}

/**
 * Registers each `[defaultTag, class]` under `prefix + defaultTag` and returns,
 * by default tag, the name registered (null where the page already used that
 * name for another element). An invalid prefix throws before anything is
 * registered, so a page never ends up with half the set.
 * @internal
 */
export function defineEach<T extends string>(
  elements: ReadonlyArray<readonly [T, CustomElementConstructor]>,
  { prefix = '' }: DefineAllOptions = {},
): Record<T, string | null> {
  if (typeof prefix !== 'string' || (prefix !== '' && !/^[a-z][a-z0-9-]*$/.test(prefix))) {
    throw new TypeError(`av-workbench: the tag prefix ${JSON.stringify(prefix)} is not valid; use lower-case letters, digits and hyphens, starting with a letter (e.g. 'acme-').`);
  }
  const names = elements.map(([tag]) => prefix + tag);
  const bad = names.find((name) => !VALID_TAG.test(name));
  if (bad) throw new TypeError(`av-workbench: <${bad}> is not a valid custom element name.`);
  const used = {} as Record<T, string | null>;
  for (const [tag, ctor] of elements) used[tag] = defineElement(prefix + tag, ctor) ? prefix + tag : null;
  return used;
}
