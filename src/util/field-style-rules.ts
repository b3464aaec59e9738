/**
 * Field style rules: the tenant's small JSON language for showing customer
 * field values in different styles (docs/field-style-rules.md). Pure: no DOM,
 * no Intl, so it is easy to test and to run on a server that checks a
 * tenant's configuration before saving it.
 *
 * A rule never carries CSS. It picks a presentation and a tone, and the
 * element maps those onto theme tokens, so a tenant cannot break the theme,
 * the contrast or the layout.
 */
import type { FieldStyleRule } from '../context/types.js';

export const PRESENTATIONS = ['plain', 'badge', 'emphasis', 'masked'] as const;
export const TONES = ['neutral', 'info', 'success', 'warning', 'danger', 'accent'] as const;

export type Condition = 'equals' | 'notEquals' | 'oneOf' | 'lt' | 'lte' | 'gt' | 'gte' | 'between' | 'empty' | 'notEmpty';
export type Presentation = (typeof PRESENTATIONS)[number];
export type Tone = (typeof TONES)[number];
export type FieldValue = string | number | boolean | null | undefined;

/** What is wrong with a rule; each has a localized sentence in the elements. */
export type RuleProblemCode =
  | 'not-an-object'
  | 'unknown-key'
  | 'missing-field'
  | 'missing-condition'
  | 'several-conditions'
  | 'unknown-condition'
  | 'bad-operand'
  | 'unknown-presentation'
  | 'unknown-tone'
  | 'bad-visible';

export interface RuleProblem {
  /** Position of the rule in the tenant's list, from 0. */
  readonly index: number;
  /** The rule's `name`, else `rule N` (N from 1), to name it in messages. */
  readonly label: string;
  readonly code: RuleProblemCode;
  /** The offending key or value, as text. */
  readonly detail: string;
}

/** A rule that passed validation. */
export interface CompiledRule {
  readonly index: number;
  readonly label: string;
  readonly field: string;
  readonly condition: Condition;
  readonly operand: unknown;
  readonly presentation: Presentation;
  readonly tone: Tone | null;
  readonly visible: number;
}

/** How to show one value: the first matching rule's choice, or plain. */
export interface FieldStyle {
  readonly presentation: Presentation;
  readonly tone: Tone | null;
  readonly visible: number;
  /** The rule that chose this style; null when none matched. */
  readonly rule: string | null;
}

export const PLAIN: FieldStyle = Object.freeze({ presentation: 'plain', tone: null, visible: 4, rule: null });

const RULE_KEYS = ['name', 'field', 'when', 'presentation', 'tone', 'visible'];
const DEFAULT_VISIBLE = 4;

const isPrimitive = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);

const isTrue = (operand: unknown) => operand === true;

/** A number from a number or a numeric string; NaN otherwise. */
const numeric = (value: FieldValue): number =>
  typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

// A number operand compares numerically, so "-42.50" from a text field equals -42.5.
const same = (value: FieldValue, operand: unknown) => (typeof operand === 'number' ? numeric(value) === operand : value === operand);

const isEmpty = (value: FieldValue) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

type Operand = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each check below knows its operand's shape

/** Per condition: whether an operand is valid for it, and whether it holds for a value (`n` is the value as a number). */
const CHECKS: Record<string, [valid: (operand: unknown) => boolean, holds: (value: FieldValue, operand: Operand, n: number) => boolean]> = {
  equals: [isPrimitive, same],
  notEquals: [isPrimitive, (value, operand) => !same(value, operand)],
  oneOf: [
    (operand) => Array.isArray(operand) && operand.length > 0 && operand.every(isPrimitive),
    (value, operand: unknown[]) => operand.some((o) => same(value, o)),
  ],
  lt: [Number.isFinite, (_, operand, n) => n < operand],
  lte: [Number.isFinite, (_, operand, n) => n <= operand],
  gt: [Number.isFinite, (_, operand, n) => n > operand],
  gte: [Number.isFinite, (_, operand, n) => n >= operand],
  between: [
    (operand) => Array.isArray(operand) && operand.length === 2 && operand.every(Number.isFinite) && operand[0] <= operand[1],
    (_, [min, max]: number[], n) => n >= min! && n <= max!,
  ],
  empty: [isTrue, isEmpty],
  notEmpty: [isTrue, (value) => !isEmpty(value)],
};

export const CONDITIONS = Object.keys(CHECKS) as Condition[];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/**
 * Checks the tenant's rules. Valid rules are compiled; each invalid one is
 * reported once (its first problem) and left out, so the others still apply.
 */
export function validateRules(rules: readonly unknown[] | null | undefined): {
  readonly rules: readonly CompiledRule[];
  readonly problems: readonly RuleProblem[];
} {
  const compiled: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  rules?.forEach((raw, index) => {
    const name = (raw as FieldStyleRule | null)?.name;
    const label = (typeof name === 'string' && name.trim()) || `rule ${index + 1}`;
    // The first check that fails names the problem and skips the rest.
    const fail = (failed: unknown, code: RuleProblemCode, detail = '') => {
      if (failed) throw { index, label, code, detail };
    };
    try {
      fail(!isObject(raw), 'not-an-object', show(raw));
      const rule = raw as Record<string, unknown>;
      const unknownKey = Object.keys(rule).find((k) => !RULE_KEYS.includes(k));
      fail(unknownKey !== undefined, 'unknown-key', unknownKey);
      const field = rule.field;
      fail(typeof field !== 'string' || field.trim() === '', 'missing-field');
      const when = rule.when;
      const keys = isObject(when) ? Object.keys(when) : [];
      fail(!keys.length, 'missing-condition');
      fail(keys.length > 1, 'several-conditions', keys.join(', '));
      const condition = keys[0] as Condition;
      fail(!CONDITIONS.includes(condition), 'unknown-condition', condition);
      const operand = (when as Record<string, unknown>)[condition];
      fail(!CHECKS[condition]![0](operand), 'bad-operand', `${condition}: ${show(operand)}`);
      const presentation = rule.presentation ?? 'plain';
      fail(!(PRESENTATIONS as readonly unknown[]).includes(presentation), 'unknown-presentation', show(presentation));
      const tone = rule.tone ?? null;
      fail(tone !== null && !(TONES as readonly unknown[]).includes(tone), 'unknown-tone', show(tone));
      const visible = rule.visible ?? DEFAULT_VISIBLE;
      fail(!(Number.isInteger(visible) && (visible as number) >= 0), 'bad-visible', show(visible));
      compiled.push({
        index,
        label,
        field: field as string,
        condition,
        operand,
        presentation: presentation as Presentation,
        tone: tone as Tone | null,
        visible: visible as number,
      });
    } catch (problem) {
      problems.push(problem as RuleProblem);
    }
  });
  return { rules: compiled, problems };
}

/** The style of one field's value: the first rule for that field whose condition holds. */
export function styleFor(rules: readonly CompiledRule[], field: string, value: FieldValue): FieldStyle {
  const rule = rules.find((r) => r.field === field && CHECKS[r.condition]![1](value, r.operand, numeric(value)));
  if (!rule) return PLAIN;
  return { presentation: rule.presentation, tone: rule.tone, visible: rule.visible, rule: rule.label };
}

/**
 * The readable tail of a masked value (`visible` trailing characters) and how
 * many characters are hidden. The hidden part never reaches the DOM.
 */
export function maskValue(text: string, visible = DEFAULT_VISIBLE): { readonly hidden: number; readonly shown: string } {
  const chars = [...text];
  // Never reveal a value that is not longer than what would be shown.
  const hidden = chars.length > visible ? chars.length - visible : chars.length;
  return { hidden, shown: chars.slice(hidden).join('') };
}

/** The English console sentence for a problem (the on-screen one is localized). */
export function describeProblem(problem: RuleProblem): string {
  const what: Record<RuleProblemCode, string> = {
    'not-an-object': 'is not an object',
    'unknown-key': `has an unknown key "${problem.detail}" (allowed: ${RULE_KEYS.join(', ')})`,
    'missing-field': 'has no "field"',
    'missing-condition': 'has no condition in "when"',
    'several-conditions': `has several conditions in "when" (${problem.detail}); use one rule per condition`,
    'unknown-condition': `has an unknown condition "${problem.detail}" (allowed: ${CONDITIONS.join(', ')})`,
    'bad-operand': `has a value of the wrong type for its condition (${problem.detail})`,
    'unknown-presentation': `has an unknown presentation ${problem.detail} (allowed: ${PRESENTATIONS.join(', ')})`,
    'unknown-tone': `has an unknown tone ${problem.detail} (allowed: ${TONES.join(', ')})`,
    'bad-visible': `has an invalid "visible" count ${problem.detail} (a whole number, 0 or more)`,
  };
  return `av-workbench: field style rule "${problem.label}" ${what[problem.code]}; it is ignored.`;
}
