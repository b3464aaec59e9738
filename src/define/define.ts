/**
 * Registers a tag once. A second copy of the library on the same page (a host
 * bundle and a tenant's script) warns instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`av-workbench: <${tag}> is already defined on this page; keeping the first definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
