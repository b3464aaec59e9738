/**
 * The analyzer guesses event names from `dispatchEvent(new X(...))` calls and
 * gets them wrong; our events are documented with `@event`, so keep only the
 * documented `avw-` ones. Internal members and module locals stay out of the docs.
 */
function documentedEventsOnly() {
  return {
    name: 'avw-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      // The glob's file order depends on the file system; sort so every
      // clone writes the same manifest (the freshness check compares bytes).
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules) {
        // The analyzer takes some locals (destructured or shorthand) for
        // module variables; a module's API is what it exports.
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name));
        if (mod.declarations) mod.declarations = mod.declarations.filter((d) => exported.has(d.name));
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('avw-') && e.description);
          if (decl.members) decl.members = decl.members.filter((m) => !m.name.startsWith('#') && m.privacy !== 'private');
        }
      }
    },
  };
}

export default {
  // Base classes are scanned so inherited attributes reach the subclasses' docs.
  globs: ['src/components/**/*.ts', 'src/internal/workbench-element.ts', 'src/internal/notify-composer.ts', 'src/internal/contact-list.ts', 'src/internal/context-root.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [documentedEventsOnly()],
};
