// Shorter message keys in the no-build bundle. Each key ('callReason.remarks.tooLongPasted')
// is written twice: in the English table and where an element asks for it.
// In the one bundle that holds every element, English and the other locales'
// chunks, a key can be renamed everywhere at once; the tables and the lookups
// agree because they are rewritten together. The package (dist/*.js) keeps
// the full keys: a host's bundler may combine it with anything.
//
// A key is renamed only when every use of it is a whole string literal. Keys
// built at run time (`customerInfo.field.${key}`) keep their names, as does
// the rest of their family.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const QUOTED = /(['"`])([\w.-]+)\1/g;

/**
 * The message keys of `srcDir` as its sources use them: every English key,
 * how often code names it as a whole literal, the prefixes of keys built at
 * run time, and the renamable keys with their short names, most used first.
 */
export function messageKeyTable(srcDir = 'src') {
  const files = readdirSync(srcDir, { recursive: true })
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const read = (f) => readFileSync(join(srcDir, f), 'utf8');
  const english = files.filter((f) => f.startsWith('localize/locales/en/') && !f.endsWith('/index.ts'));
  const keys = new Set(english.flatMap((f) => [...read(f).matchAll(/^\s*'([\w.-]+)':/gm)].map((m) => m[1])));
  const code = files.filter((f) => !f.startsWith('localize/locales/')).map(read);
  const families = new Set(code.flatMap((c) => [...c.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1])));
  const uses = new Map();
  for (const c of code) for (const m of c.matchAll(QUOTED)) if (keys.has(m[2])) uses.set(m[2], (uses.get(m[2]) ?? 0) + 1);
  const renamable = [...keys].filter((k) => ![...families].some((p) => k.startsWith(p)));
  // The most used get the shortest names.
  renamable.sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || (a < b ? -1 : 1));
  return {
    keys: [...keys],
    uses,
    names: new Map(renamable.map((k, i) => [k, i.toString(36)])),
    families: [...families].sort(),
  };
}

/** Rewrites every whole-literal use of a renamable key in `code`. */
export function renameKeys(code, names) {
  return code.replace(QUOTED, (whole, quote, text) => {
    const name = names.get(text);
    return name === undefined ? whole : `${quote}${name}${quote}`;
  });
}

/** The rollup plugin: applies to the project's own TypeScript sources only. */
export function shortMessageKeysRollup(srcDir = 'src') {
  let names;
  return {
    name: 'avw-short-message-keys',
    buildStart() {
      ({ names } = messageKeyTable(srcDir));
    },
    transform(code, id) {
      const path = id.replaceAll('\\', '/');
      if (!path.includes(`/${srcDir}/`) || !path.endsWith('.ts')) return null;
      const renamed = renameKeys(code, names);
      // Same lines, shorter strings: the source map keeps every line.
      return renamed === code ? null : { code: renamed, map: null };
    },
  };
}
