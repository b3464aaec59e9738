import { html, nothing } from 'lit';
import type { CustomerFieldConfig, Customer, FieldStyleRule } from '../../context/types.js';
import { effectiveHandledNumber } from '../../context/types.js';
import { isolate } from '../../util/bidi.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import {
  type FieldStyle,
  type FieldValue,
  type RuleProblem,
  type CompiledRule,
  describeProblem,
  maskValue,
  styleFor,
  validateRules,
} from '../../util/field-style-rules.js';
import { customerLookup } from './customer-lookup.js';
import { styles } from './customer-info.styles.js';
import { addEnglish } from '../../localize/registry.js';
import customerInfoEn from '../../localize/locales/en/customer-info.js';

addEnglish(customerInfoEn);

/** The built-in fields, shown in this order when the tenant configures none. */
export const DEFAULT_CUSTOMER_FIELDS: readonly CustomerFieldConfig[] = [
  { key: 'name' },
  { key: 'gender' },
  { key: 'phoneNumbers', format: 'phone' },
  { key: 'email' },
  { key: 'level' },
  { key: 'address' },
  { key: 'notes' },
];
const BUILT_IN = new Set(['name', 'gender', 'phoneNumbers', 'email', 'address', 'level', 'notes']);

/**
 * The calling customer's information (customer center off). The tenant
 * chooses the fields, their order, labels and formats (`config.customerFields`)
 * and style rules that show values in different styles
 * (`config.fieldStyleRules`, see docs/field-style-rules.md): a VIP level as an
 * accent badge, a negative balance in the danger tone, an ID number masked.
 * A rule that is not valid is named on screen and in the console; the other
 * fields still show.
 *
 * @summary The calling customer's information, with tenant-configured fields and style rules.
 * @tag customer-info
 *
 * @csspart base - The panel.
 * @csspart fields - The list of fields.
 * @csspart empty - The message shown for an unknown customer or without a call.
 * @csspart config-error - The list of style rules that are not valid.
 *
 * @cssprop --avw-color-accent - Accent tone (with `--avw-color-accent-bg` for badges); likewise info, success, warning, danger, neutral.
 * @cssprop --avw-color-text-muted - Field labels.
 */
export class CustomerInfo extends WorkbenchElement {
  static override styles = styles;

  #rulesFrom?: readonly FieldStyleRule[];
  #compiled: { readonly rules: readonly CompiledRule[]; readonly problems: readonly RuleProblem[] } = { rules: [], problems: [] };

  /** @internal */
  protected readonly lookup = customerLookup(this, () => ({
    known: this.#knownCustomer !== undefined,
    backend: this.currentBackend,
    number: effectiveHandledNumber(this.currentCall),
  }));

  /** The customer when set explicitly or published by the provider; undefined when still to be looked up. */
  get #knownCustomer(): Customer | null | undefined {
    if (this.customer !== undefined) return this.customer;
    return this.contextCustomer ?? undefined;
  }

  protected override willUpdate(): void {
    const rules = this.currentConfig.fieldStyleRules;
    if (rules !== this.#rulesFrom) {
      // Validate once per configuration, and warn once, not on every render.
      this.#rulesFrom = rules;
      this.#compiled = validateRules(rules as readonly unknown[] | undefined);
      for (const problem of this.#compiled.problems) console.warn(describeProblem(problem));
    }
  }

  #label(field: CustomerFieldConfig): string {
    const label = field.label;
    const locale = this.l10n.locale;
    return (
      (typeof label === 'string'
        ? label
        : label && (label[locale] ?? label[locale.split('-')[0]!] ?? label.en ?? Object.values(label)[0])) ||
      (BUILT_IN.has(field.key) ? this.l10n.t(`customerInfo.field.${field.key as 'name'}`) : field.key)
    );
  }

  #fieldValue(customer: Customer, key: string): FieldValue | readonly string[] {
    if (Object.hasOwn(customer.fields ?? {}, key)) return customer.fields![key];
    if (BUILT_IN.has(key)) return (customer as unknown as Record<string, string | readonly string[] | undefined>)[key];
    return undefined;
  }

  /** The value as text in the agent's locale; raw text when it does not fit the format. */
  #formatted(field: CustomerFieldConfig, value: FieldValue): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return this.l10n.t(value ? 'customerInfo.yes' : 'customerInfo.no');
    if (field.key === 'gender' && typeof value === 'string' && ['male', 'female', 'other', 'unknown'].includes(value)) {
      return this.l10n.t(`customerInfo.gender.${value as 'male'}`);
    }
    const text = String(value);
    const format = field.format;
    if (format === 'number' || format === 'currency') {
      const number = Number(value);
      if (!Number.isFinite(number) || text.trim() === '') return text;
      if (format === 'currency' && field.currency) {
        try {
          return this.l10n.number(number, { style: 'currency', currency: field.currency });
        } catch {
          // An unknown currency code: the plain number.
        }
      }
      return this.l10n.number(number);
    }
    if (format === 'date' || format === 'date-time') {
      const time = typeof value === 'number' ? value : Date.parse(text);
      if (!Number.isFinite(time)) return text;
      // A plain date is a calendar day, not an instant: read and show it in UTC so it never shifts a day.
      return format === 'date'
        ? this.l10n.dateTime(time, { dateStyle: 'medium', ...(/^\d{4}-\d{2}-\d{2}$/.test(text) && { timeZone: 'UTC' }) })
        : this.l10n.dateTime(time);
    }
    return text;
  }

  #renderValue(field: CustomerFieldConfig, value: FieldValue) {
    const t = this.l10n.t.bind(this.l10n);
    const style: FieldStyle = styleFor(this.#compiled.rules, field.key, value);
    const text = this.#formatted(field, value);
    if (text === '' && style.presentation !== 'badge') {
      return html`<span class="muted">${t('customerInfo.notSet')}</span>`;
    }
    let content: unknown = text;
    if (style.presentation === 'masked') {
      const { hidden, shown } = maskValue(text, style.visible);
      content = html`<span class="visually-hidden">${t(shown ? 'customerInfo.masked' : 'customerInfo.maskedAll')}</span
        ><span class="dots" aria-hidden="true">${'•'.repeat(Math.min(hidden, 8))}</span>${shown}`;
    }
    // Numbers, money, dates and masked tails read left-to-right even in a right-to-left page; free text finds its own direction.
    const ltr = style.presentation === 'masked' || typeof value === 'number' || (field.format !== undefined && field.format !== 'text');
    return html`<span
      dir=${ltr ? 'ltr' : 'auto'}
      class="value ${field.format === 'phone' ? 'number' : ''}"
      data-field=${field.key}
      data-presentation=${style.presentation}
      data-tone=${style.tone ?? nothing}
      data-rule=${style.rule ?? nothing}
      >${content}</span
    >`;
  }

  #renderField(customer: Customer, field: CustomerFieldConfig) {
    const raw = this.#fieldValue(customer, field.key);
    const values: FieldValue[] = Array.isArray(raw) ? (raw.length ? [...raw] : [undefined]) : [raw as FieldValue];
    return html`<dt>${this.#label(field)}</dt>
      <dd>${values.map((v, i) => html`${i ? html`<br />` : nothing}${this.#renderValue(field, v)}`)}</dd>`;
  }

  #renderProblems() {
    const problems = this.#compiled.problems;
    if (!problems.length) return nothing;
    return html`<div part="config-error" class="config-error" role="alert">
      ${this.l10n.t('customerInfo.configError')}
      <ul>
        ${problems.map((p) => html`<li>${this.l10n.t(`customerInfo.problem.${p.code}`, { rule: p.label, detail: p.detail })}</li>`)}
      </ul>
    </div>`;
  }

  #renderCustomer(customer: Customer | null, number: string) {
    const t = this.l10n.t.bind(this.l10n);
    if (!customer) {
      return html`<div part="empty" class="state">
        <p>${t('customerInfo.unknown', { number: isolate(number) })}</p>
        <p class="muted">${t('customerInfo.unknownHint')}</p>
      </div>`;
    }
    const fields = this.currentConfig.customerFields?.length ? this.currentConfig.customerFields : DEFAULT_CUSTOMER_FIELDS;
    return html`<dl part="fields">${fields.map((f) => this.#renderField(customer, f))}</dl>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const known = this.#knownCustomer;
    const number = effectiveHandledNumber(this.currentCall);
    let body;
    if (known !== undefined) body = this.#renderCustomer(known, number);
    else if (!number) body = html`<p part="empty" class="state">${t('customerInfo.noCustomer')}</p>`;
    else {
      body = this.lookup.render({
        initial: () => html`<p class="state">${t('customerInfo.loading')}</p>`,
        pending: () => html`<p class="state">${t('customerInfo.loading')}</p>`,
        complete: (customer) => this.#renderCustomer(customer, number),
        error: (error) =>
          html`<div class="error-box" role="alert">
            <span>${this.errorMessage(error)}</span>
            <button type="button" @click=${() => void this.lookup.run()}>${t('common.retry')}</button>
          </div>`,
      });
    }
    return html`<section
      part="base"
      aria-labelledby="title"
      aria-busy=${known === undefined && this.lookup.status === 1 ? 'true' : 'false'}
      dir=${this.l10n.dir}
    >
      <h2 id="title">${t('customerInfo.title')}</h2>
      ${this.#renderProblems()} ${body}
    </section>`;
  }
}
