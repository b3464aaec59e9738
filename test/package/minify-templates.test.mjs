// The build's template minifier (scripts/minify-templates.mjs): what it may
// change, and what it must leave exactly as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const min = (code) => minifyTemplates(code) ?? code;

test('html: whitespace in text and tags collapses, never to nothing between words or elements', () => {
  assert.equal(
    min('html`\n  <p\n    class="a"\n  >\n    Hello\n    <b>you</b>\n  </p>\n`'),
    'html` <p class="a"> Hello <b>you</b> </p> `',
  );
});

test('html: attribute values, comments, <pre> and <textarea> stay as written', () => {
  const code = 'html`<p title="a\n   b" aria-label=\'x  y\'><!--  keep\n  me  --></p><pre>  a\n    b ${x}\n  c</pre><textarea>  t\n  </textarea>  <i>`';
  assert.equal(
    min(code),
    'html`<p title="a\n   b" aria-label=\'x  y\'><!--  keep\n  me  --></p><pre>  a\n    b ${x}\n  c</pre><textarea>  t\n  </textarea> <i>`',
  );
});

test('html: an attribute value that spans an expression stays as written', () => {
  assert.equal(min('html`<p class="a   ${b}   c"   >  x  </p>`'), 'html`<p class="a   ${b}   c"> x </p>`');
});

test('expressions are untouched, nested templates are minified, escapes survive', () => {
  assert.equal(
    min('html`<p>  ${"  a   b  "}  ${cond ? html`  <b>  x  </b>  ` : `  raw  `}\\n  </p>`'),
    'html`<p> ${"  a   b  "} ${cond ? html` <b> x </b> ` : `  raw  `}\\n </p>`',
  );
});

test('css: comments go, whitespace goes next to punctuation and stays one space elsewhere', () => {
  assert.equal(
    min("css`\n  /* why */\n  :host {\n    margin: 0 auto;\n    width: calc(100% - 2px);\n  }\n  a :hover,\n  b > c {\n    content: '  a  ';\n  }\n`"),
    "css`:host{margin:0 auto;width:calc(100% - 2px)}a :hover,b>c{content:'  a  '}`",
  );
});

test('css: a space beside an expression is kept, so interpolated values stay apart', () => {
  assert.equal(min('css`a { padding: ${x} ${y}; border: 1px solid ${c}; }`'), 'css`a{padding:${x} ${y};border:1px solid ${c}}`');
});

test('other tags, plain templates, strings and regexes are left alone', () => {
  const code = 'const re = /`  html`/; const s = "html`  x  `"; const t = `  a  `; other`  b  `; x.html`  c  `;';
  assert.equal(min(code), code);
});
