// esbuild compiles each module on its own, so every module with a decorator
// gets its own copy of the `__decorateClass` helper: 19 copies in the no-build
// bundle, which terser then specializes apart so gzip cannot match them
// (0.3 KB gzip). This replaces each copy with an import of one shared module.
import MagicString from 'magic-string';

const ID = '\0avw-decorate-class';
const HELPER =
  /^var __defProp = Object\.defineProperty;\n(?:var __getOwnPropDesc = Object\.getOwnPropertyDescriptor;\n)?var __decorateClass = \(decorators, target, key, kind\) => \{\n[^]*?\n\};\n/m;

// The same function esbuild inlines (kind: 0 class, 1 method, 2 field/accessor).
const SHARED = `export const __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? Object.getOwnPropertyDescriptor(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if ((decorator = decorators[i])) result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) Object.defineProperty(target, key, result);
  return result;
};
`;

/** Runs after the TypeScript plugin, on its output. */
export function sharedDecorateRollup() {
  return {
    name: 'avw-shared-decorate',
    resolveId: (id) => (id === ID ? ID : null),
    load: (id) => (id === ID ? SHARED : null),
    transform(code, id) {
      if (!code.includes('var __decorateClass = ')) return null;
      const found = HELPER.exec(code);
      // A new esbuild that words its helper differently must not pass unnoticed.
      if (!found) this.error(`${id}: esbuild's __decorateClass helper has a new shape; update scripts/shared-decorate.mjs`);
      const s = new MagicString(code);
      s.overwrite(found.index, found.index + found[0].length, `import { __decorateClass } from ${JSON.stringify(ID)};\n`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
