/**
 * The analyzer guesses event names from `dispatchEvent(new X(...))` calls and
 * gets them wrong; our events are documented with `@event`, so keep only the
 * documented `avw-` ones. Internal members stay out of the docs.
 */
function documentedEventsOnly() {
  return {
    name: 'avw-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      // The glob's file order depends on the file system; sort so every
      // clone writes the same manifest (the freshness check compares bytes).
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules) {
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
