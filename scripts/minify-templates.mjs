// Collapses the whitespace of Lit's css`` / html`` / svg`` literals at build
// time. ONE transform for the rollup build and for `npm run size`, so the
// bytes measured are the bytes shipped.
//
// It only ever touches the literal (static) parts of a tagged template, parsed
// with the TypeScript compiler (so strings, regexes and `${}` expressions are
// never mistaken for template text), and it is deliberately conservative:
// - html: runs of whitespace in text become one space (never removed: between
//   inline elements a space is visible); inside a tag, runs become one space
//   and the run before `>` goes. Attribute values, comments and the content
//   of <pre>, <textarea>, <script> and <style> are copied as they are.
// - css: comments go; whitespace goes next to `{ } ; , >` and after `:`, and
//   becomes one space elsewhere (`a :hover`, `1px solid`, `calc(a + b)`).
//   Strings are copied as they are; a run that meets a `${}` stays one space.
import ts from 'typescript';
import { readFile } from 'node:fs/promises';

/** The minifier setting `npm run size` measures with (terser beat esbuild's minifier by ~1.5 KB gz). */
export const TERSER_OPTIONS = Object.freeze({ module: true, ecma: 2020, format: { comments: false } });

/**
 * The no-build bundle's own: `reduce_vars: false` keeps each English table
 * where the build put it, beside the others, instead of inlining it into its
 * component's `addEnglish()` call far away, where gzip cannot match its
 * repeats (0.4 KB gz off the standalone bundle; an entry with one element
 * has no neighbours to match and is 0.1 KB bigger with it).
 */
export const NO_BUILD_TERSER_OPTIONS = Object.freeze({ ...TERSER_OPTIONS, compress: { reduce_vars: false } });

const TAGS = new Set(['css', 'html', 'svg']);
const RAW_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style']);
const isSpace = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** The [start, end) offsets of each literal part of a template, in source order. */
function literalParts(template, source) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(source) + 1, template.end - 1]];
  const parts = [[template.head.getStart(source) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const lit = span.literal;
    parts.push([lit.getStart(source) + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2)]);
  }
  return parts;
}

/** Copies a backslash escape as is, so `\n` or a line continuation is never split. */
function escapeLength(text, i) {
  return text[i] === '\\' ? 2 : 0;
}

function minifyCssParts(parts) {
  const SEP = new Set(['{', '}', ';', ',', '>']);
  return parts.map((text, index) => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      const esc = escapeLength(text, i);
      if (esc) {
        out += text.slice(i, i + esc);
        i += esc;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
        // A comment between two words still separates them.
        if (out && !isSpace(out.at(-1)) && i < text.length && !isSpace(text[i])) out += ' ';
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
        out += text.slice(i, j + 1);
        i = j + 1;
      } else if (isSpace(c)) {
        let j = i;
        while (j < text.length && isSpace(text[j])) j++;
        const prev = out.at(-1);
        const next = text[j];
        const atStart = out === '';
        const atEnd = j === text.length;
        // At the template's very start or end nothing follows; next to a
        // `${}` the expression may be a value that needs its separator.
        const droppable =
          (atStart && index === 0) ||
          (atEnd && index === parts.length - 1) ||
          (prev !== undefined && (SEP.has(prev) || prev === ':')) ||
          (next !== undefined && SEP.has(next));
        if (!droppable) out += ' ';
        i = j;
      } else {
        out += c;
        i++;
      }
    }
    return out.replace(/;}/g, '}');
  });
}

function minifyHtmlParts(parts) {
  // State carried across parts: an attribute value or a <pre> may span `${}`.
  let state = 'text'; // text | tag | quote | comment | raw
  let quote = '';
  let tagName = '';
  let rawName = '';
  return parts.map((text) => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      const esc = escapeLength(text, i);
      if (esc) {
        out += text.slice(i, i + esc);
        i += esc;
        continue;
      }
      if (state === 'comment') {
        const end = text.indexOf('-->', i);
        const stop = end < 0 ? text.length : end + 3;
        out += text.slice(i, stop);
        i = stop;
        if (end >= 0) state = 'text';
      } else if (state === 'raw') {
        const end = text.toLowerCase().indexOf(`</${rawName}`, i);
        const stop = end < 0 ? text.length : end;
        out += text.slice(i, stop);
        i = stop;
        if (end >= 0) state = 'text';
      } else if (state === 'quote') {
        const end = text.indexOf(quote, i);
        const stop = end < 0 ? text.length : end + 1;
        out += text.slice(i, stop);
        i = stop;
        if (end >= 0) state = 'tag';
      } else if (state === 'tag') {
        if (c === '"' || c === "'") {
          state = 'quote';
          quote = c;
          out += c;
          i++;
        } else if (isSpace(c)) {
          let j = i;
          while (j < text.length && isSpace(text[j])) j++;
          if (text[j] !== '>') out += ' ';
          i = j;
        } else if (c === '>') {
          out += c;
          i++;
          const name = tagName.toLowerCase();
          if (RAW_ELEMENTS.has(name)) {
            state = 'raw';
            rawName = name;
          } else {
            state = 'text';
          }
        } else {
          out += c;
          i++;
        }
      } else if (c === '<' && text.startsWith('<!--', i)) {
        state = 'comment';
        out += '<!--';
        i += 4;
      } else if (c === '<' && /[a-zA-Z/]/.test(text[i + 1] ?? '')) {
        const match = /^<([a-zA-Z][\w-]*)?/.exec(text.slice(i + (text[i + 1] === '/' ? 1 : 0)));
        tagName = text[i + 1] === '/' ? '' : (match?.[1] ?? '');
        state = 'tag';
        out += c;
        i++;
      } else if (isSpace(c)) {
        let j = i;
        while (j < text.length && isSpace(text[j])) j++;
        out += ' ';
        i = j;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  });
}

/** Returns the source with its Lit templates minified, or null when it has none. */
export function minifyTemplates(code, fileName = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(code)) return null;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const ranges = literalParts(node.template, source);
      const texts = ranges.map(([s, e]) => code.slice(s, e));
      const minified = node.tag.text === 'css' ? minifyCssParts(texts) : minifyHtmlParts(texts);
      ranges.forEach(([s, e], k) => {
        if (minified[k] !== texts[k]) edits.push([s, e, minified[k]]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return null;
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [s, e, text] of edits) out = out.slice(0, s) + text + out.slice(e);
  return out;
}

const SOURCE = /[\\/]src[\\/].*\.ts$/;

/** The rollup plugin: runs before TypeScript is compiled. */
export function minifyTemplatesRollup() {
  return {
    name: 'avw-minify-templates',
    transform(code, id) {
      if (!SOURCE.test(id) || id.endsWith('.d.ts')) return null;
      const out = minifyTemplates(code, id);
      // Offsets move, so the source map of a minified file is line-accurate only.
      return out === null ? null : { code: out, map: null };
    },
  };
}

/** The esbuild plugin `npm run size` uses: the same transform on the same files. */
export function minifyTemplatesEsbuild() {
  return {
    name: 'avw-minify-templates',
    setup(build) {
      build.onLoad({ filter: SOURCE }, async (args) => {
        if (args.path.endsWith('.d.ts')) return undefined;
        const code = await readFile(args.path, 'utf8');
        return { contents: minifyTemplates(code, args.path) ?? code, loader: 'ts' };
      });
    },
  };
}
