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

export const CONDITIONS = ['equals', 'notEquals', 'oneOf', 'lt', 'lte', 'gt', 'gte', 'between', 'empty', 'notEmpty'] as const;
export const PRESENTATIONS = ['plain', 'badge', 'emphasis', 'masked'] as const;
export const TONES = ['neutral', 'info', 'success', 'warning', 'danger', 'accent'] as const;

export type Condition = (typeof CONDITIONS)[number];
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

const RULE_KEYS = new Set(['name', 'field', 'when', 'presentation', 'tone', 'visible']);
const DEFAULT_VISIBLE = 4;

const isPrimitive = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function operandProblem(condition: Condition, operand: unknown): boolean {
  switch (condition) {
    case 'equals':
    case 'notEquals':
      return !isPrimitive(operand);
    case 'oneOf':
      return !Array.isArray(operand) || operand.length === 0 || !operand.every(isPrimitive);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return typeof operand !== 'number' || !Number.isFinite(operand);
    case 'between':
      return (
        !Array.isArray(operand) ||
        operand.length !== 2 ||
        !operand.every((n) => typeof n === 'number' && Number.isFinite(n)) ||
        (operand[0] as number) > (operand[1] as number)
      );
    case 'empty':
    case 'notEmpty':
      return operand !== true;
  }
}

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
  (rules ?? []).forEach((raw, index) => {
    const named = raw && typeof raw === 'object' && typeof (raw as FieldStyleRule).name === 'string' ? (raw as FieldStyleRule).name : '';
    const label = named && named.trim() ? named.trim() : `rule ${index + 1}`;
    const fail = (code: RuleProblemCode, detail = '') => problems.push({ index, label, code, detail });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return void fail('not-an-object', show(raw));
    const rule = raw as Record<string, unknown>;
    const unknownKey = Object.keys(rule).find((k) => !RULE_KEYS.has(k));
    if (unknownKey !== undefined) return void fail('unknown-key', unknownKey);
    if (typeof rule.field !== 'string' || rule.field.trim() === '') return void fail('missing-field');
    const when = rule.when;
    if (!when || typeof when !== 'object' || Array.isArray(when) || Object.keys(when).length === 0) return void fail('missing-condition');
    const keys = Object.keys(when);
    if (keys.length > 1) return void fail('several-conditions', keys.join(', '));
    const condition = keys[0] as Condition;
    if (!(CONDITIONS as readonly string[]).includes(condition)) return void fail('unknown-condition', condition);
    const operand = (when as Record<string, unknown>)[condition];
    if (operandProblem(condition, operand)) return void fail('bad-operand', `${condition}: ${show(operand)}`);
    const presentation = rule.presentation ?? 'plain';
    if (!(PRESENTATIONS as readonly unknown[]).includes(presentation)) return void fail('unknown-presentation', show(presentation));
    const tone = rule.tone ?? null;
    if (tone !== null && !(TONES as readonly unknown[]).includes(tone)) return void fail('unknown-tone', show(tone));
    const visible = rule.visible ?? DEFAULT_VISIBLE;
    if (typeof visible !== 'number' || !Number.isInteger(visible) || visible < 0) return void fail('bad-visible', show(visible));
    compiled.push({
      index,
      label,
      field: rule.field,
      condition,
      operand,
      presentation: presentation as Presentation,
      tone: tone as Tone | null,
      visible,
    });
  });
  return { rules: compiled, problems };
}

/** A number from a number or a numeric string; NaN otherwise. */
function numeric(value: FieldValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function same(value: FieldValue, operand: unknown): boolean {
  // A number operand compares numerically, so "-42.50" from a text field equals -42.5.
  if (typeof operand === 'number') return numeric(value) === operand;
  return value === operand;
}

const isEmpty = (value: FieldValue) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Whether a compiled rule's condition holds for a value. */
export function matches(rule: CompiledRule, value: FieldValue): boolean {
  const n = numeric(value);
  switch (rule.condition) {
    case 'equals':
      return same(value, rule.operand);
    case 'notEquals':
      return !same(value, rule.operand);
    case 'oneOf':
      return (rule.operand as unknown[]).some((o) => same(value, o));
    case 'lt':
      return n < (rule.operand as number);
    case 'lte':
      return n <= (rule.operand as number);
    case 'gt':
      return n > (rule.operand as number);
    case 'gte':
      return n >= (rule.operand as number);
    case 'between': {
      const [min, max] = rule.operand as [number, number];
      return n >= min && n <= max;
    }
    case 'empty':
      return isEmpty(value);
    case 'notEmpty':
      return !isEmpty(value);
  }
}

/** The style of one field's value: the first rule for that field whose condition holds. */
export function styleFor(rules: readonly CompiledRule[], field: string, value: FieldValue): FieldStyle {
  const rule = rules.find((r) => r.field === field && matches(r, value));
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
  const keep = chars.length > visible ? visible : 0;
  return { hidden: chars.length - keep, shown: keep > 0 ? chars.slice(-keep).join('') : '' };
}

/** The English console sentence for a problem (the on-screen one is localized). */
export function describeProblem(problem: RuleProblem): string {
  const what: Record<RuleProblemCode, string> = {
    'not-an-object': 'is not an object',
    'unknown-key': `has an unknown key "${problem.detail}" (allowed: ${[...RULE_KEYS].join(', ')})`,
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
