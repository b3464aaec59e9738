/**
 * Notification templates: `{{variable}}` placeholders filled from the call.
 * Pure functions; the result is plain text and is rendered as text.
 */

/** `{{name}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Values by variable name; an empty or missing value leaves the placeholder in place. */
export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

/** A piece of the filled text: literal text, a filled value, or a placeholder left as it was. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly text: string; readonly name: string }
  | { readonly kind: 'unresolved'; readonly text: string; readonly name: string };

export interface FilledTemplate {
  /** The final text: exactly what is sent. */
  readonly text: string;
  /** The same text in pieces, so a preview can mark what was filled and what was not. */
  readonly parts: readonly TemplatePart[];
  /** Names of placeholders that stayed in the text (unknown, or known without a value), each once. */
  readonly unresolved: readonly string[];
}

/** The distinct variable names a template uses, in order of first use. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}

/**
 * Replaces each placeholder that has a non-empty value. One that has none is
 * left visible, as typed, so nobody mistakes a gap for a finished message.
 * Values are inserted once: a value that itself looks like `{{x}}` is not
 * expanded again.
 */
export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const parts: TemplatePart[] = [];
  const unresolved: string[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const index = match.index!;
    if (index > last) parts.push({ kind: 'text', text: body.slice(last, index) });
    const name = match[1]!;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value) {
      parts.push({ kind: 'value', text: value, name });
    } else {
      parts.push({ kind: 'unresolved', text: match[0], name });
      if (!unresolved.includes(name)) unresolved.push(name);
    }
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return { text: parts.map((p) => p.text).join(''), parts, unresolved };
}
