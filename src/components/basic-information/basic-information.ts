import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isBackendError, newIdempotencyKey } from '../../backend/errors.js';
import type { CustomerInput } from '../../backend/types.js';
import { type Customer, type Gender, effectiveHandledNumber } from '../../context/types.js';
import { CustomerSavedEvent } from '../../events/context-events.js';
import { isolate } from '../../util/bidi.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { isValidEmail } from '../../util/email.js';
import { toE164 } from '../../util/phone.js';
import { customerLookup } from '../customer-info/customer-lookup.js';
import { styles } from './basic-information.styles.js';
import { addEnglish } from '../../localize/registry.js';
import basicInformationEn from '../../localize/locales/en/basic-information.js';
import customerInfoEn from '../../localize/locales/en/customer-info.js';

addEnglish(basicInformationEn);
addEnglish(customerInfoEn);

const NAME_MAX = 100;
const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'unknown'];
const VIEW_FIELDS = ['name', 'gender', 'phoneNumbers', 'email', 'address', 'level', 'notes'] as const;
type TextField = 'name' | 'email' | 'address' | 'level' | 'notes';

interface Draft {
  readonly name: string;
  readonly gender: Gender | '';
  readonly phones: readonly string[];
  readonly email: string;
  readonly address: string;
  readonly level: string;
  readonly notes: string;
}

/**
 * Basic information (customer center on): the customer center's record of
 * the caller. When there is none, the agent creates it; an existing one can be
 * edited. Name, gender, phone numbers (validated and stored in E.164; national
 * numbers take the tenant's country code), email, address, level and notes,
 * with an error on each wrong field. The saved customer reaches every panel
 * through the provider (`avw-customer-saved`). With `config.requireAuthForEdit`
 * editing waits for a passed identity check.
 *
 * @summary The customer center's record of the caller, to create or edit.
 * @tag basic-information
 *
 * @csspart base - The panel.
 * @csspart details - The customer's information.
 * @csspart form - The create/edit form.
 * @csspart empty - The message shown when the customer center has no record (or there is no call).
 * @csspart locked - The note shown while editing waits for identity verification.
 *
 * @cssprop --avw-color-danger - Field errors.
 * @cssprop --avw-color-warning-bg - Background of the identity-verification note.
 * @cssprop --avw-color-text-muted - Labels and hints.
 *
 * @event avw-customer-saved - The backend created or updated the customer. Carries `customer` and `created`; the provider publishes it to every panel.
 */
export class BasicInformation extends WorkbenchElement {
  static override styles = styles;

  /** @internal */
  @state() protected mode: 'view' | 'create' | 'edit' = 'view';
  /** @internal */
  @state() protected draft: Draft = emptyDraft([]);
  /** @internal */
  @state() protected errors: Readonly<Record<string, string>> = {};
  /** @internal */
  @state() protected saving = false;
  /** @internal */
  @state() protected saveError: string | null = null;
  /** @internal */
  @state() protected announcement = '';
  /** The customer this panel saved, until the provider (if any) publishes it. @internal */
  @state() protected saved: Customer | null = null;

  #idempotencyKey = '';
  #saveAbort?: AbortController;
  #shownNumber?: string;

  /** @internal */
  protected readonly lookup = customerLookup(this, () => ({
    known: this.#knownCustomer !== undefined,
    backend: this.currentBackend,
    number: effectiveHandledNumber(this.currentCall),
  }));

  get #knownCustomer(): Customer | null | undefined {
    // What the agent just saved is newer than anything the host or provider
    // said before; it gives way as soon as either publishes a new customer.
    if (this.saved) return this.saved;
    if (this.customer !== undefined) return this.customer;
    return this.contextCustomer ?? undefined;
  }

  /** @internal */
  protected get shownCustomer(): Customer | null {
    const known = this.#knownCustomer;
    if (known !== undefined) return known;
    return this.lookup.status === 2 ? (this.lookup.value ?? null) : null;
  }

  get #locked(): boolean {
    return !!this.currentConfig.requireAuthForEdit && this.contextIdentityAuth?.status !== 'pass';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer') || changed.has('contextCustomer' as keyof BasicInformation)) this.saved = null;
    const number = effectiveHandledNumber(this.currentCall);
    if (number !== this.#shownNumber) {
      // Another caller: an open form and a saved customer belong to the previous one.
      this.#shownNumber = number;
      this.#saveAbort?.abort();
      this.saved = null;
      this.mode = 'view';
      this.errors = {};
      this.saveError = null;
      this.saving = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saveAbort?.abort();
  }

  #focusLater(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #open(mode: 'create' | 'edit'): void {
    if (this.#locked) return;
    const customer = this.shownCustomer;
    const number = effectiveHandledNumber(this.currentCall);
    this.draft =
      mode === 'edit' && customer
        ? {
            name: customer.name,
            gender: customer.gender ?? '',
            phones: customer.phoneNumbers.length ? [...customer.phoneNumbers] : [''],
            email: customer.email ?? '',
            address: customer.address ?? '',
            level: customer.level ?? '',
            notes: customer.notes ?? '',
          }
        : emptyDraft(number ? [number] : ['']);
    this.mode = mode;
    this.errors = {};
    this.saveError = null;
    this.#idempotencyKey = newIdempotencyKey();
    this.#focusLater('#f-name');
  }

  #cancel(): void {
    this.#saveAbort?.abort();
    const wasCreate = this.mode === 'create';
    this.mode = 'view';
    this.saving = false;
    this.errors = {};
    this.saveError = null;
    this.#focusLater(wasCreate ? 'button.create' : 'button.edit');
  }

  #set(field: TextField | 'gender', value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
  }

  #setPhone(i: number, value: string): void {
    this.draft = { ...this.draft, phones: this.draft.phones.map((p, j) => (j === i ? value : p)) };
    if (this.errors[`phone-${i}`]) this.errors = { ...this.errors, [`phone-${i}`]: '' };
  }

  #addPhone(): void {
    this.draft = { ...this.draft, phones: [...this.draft.phones, ''] };
    this.#focusLater(`#f-phone-${this.draft.phones.length - 1}`);
  }

  #removePhone(i: number): void {
    this.draft = { ...this.draft, phones: this.draft.phones.filter((_, j) => j !== i) };
    // Errors are per row position; check again on save.
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith('phone-')));
    this.#focusLater(`#f-phone-${Math.max(0, i - 1)}`);
  }

  /** The input for the backend, or the errors per field. */
  #validate(): { input?: CustomerInput; errors: Record<string, string> } {
    const t = this.l10n.t.bind(this.l10n);
    const d = this.draft;
    const errors: Record<string, string> = {};
    const name = d.name.trim();
    if (!name) errors.name = t('basicInfo.error.name-required');
    else if (name.length > NAME_MAX) errors.name = t('basicInfo.error.name-too-long', { max: NAME_MAX });
    const phones: string[] = [];
    const country = this.currentConfig.defaultCountryCode;
    d.phones.forEach((raw, i) => {
      if (raw.trim() === '' && d.phones.length > 1) return;
      const checked = toE164(raw, country);
      if (!checked.ok) {
        errors[`phone-${i}`] = checked.problem === 'required' ? t('basicInfo.error.phone-required') : t(`phone.${checked.problem}`, { max: 15 });
      } else if (phones.includes(checked.value)) {
        errors[`phone-${i}`] = t('basicInfo.error.phone-duplicate');
      } else phones.push(checked.value);
    });
    if (!phones.length && !Object.keys(errors).some((k) => k.startsWith('phone-'))) errors['phone-0'] = t('basicInfo.error.phone-required');
    const email = d.email.trim();
    if (email && !isValidEmail(email)) errors.email = t('basicInfo.error.email');
    if (Object.keys(errors).length) return { errors };
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    return {
      errors,
      input: {
        name,
        gender: d.gender || undefined,
        phoneNumbers: phones,
        email: optional(email),
        address: optional(d.address),
        level: optional(d.level),
        notes: optional(d.notes),
      },
    };
  }

  #firstInvalid(errors: Record<string, string>): string | undefined {
    const order = ['name', ...this.draft.phones.map((_, i) => `phone-${i}`), 'email'];
    return order.find((k) => errors[k]);
  }

  #backendFieldError(error: unknown): { field: string; message: string } | null {
    if (!isBackendError(error) || error.kind !== 'validation' || !error.field) return null;
    const t = this.l10n.t.bind(this.l10n);
    switch (error.field) {
      case 'name':
        return { field: 'name', message: error.code === 'too-long' ? t('basicInfo.error.name-too-long', { max: NAME_MAX }) : t('basicInfo.error.name-required') };
      case 'email':
        return { field: 'email', message: t('basicInfo.error.email') };
      case 'phoneNumbers':
        return { field: 'phone-0', message: t('phone.invalid-number') };
      default:
        return ['address', 'level', 'notes'].includes(error.field)
          ? { field: error.field, message: t('common.error.validation', { field: this.#fieldLabel(error.field) }) }
          : null;
    }
  }

  #fieldLabel(field: string): string {
    return (VIEW_FIELDS as readonly string[]).includes(field)
      ? this.l10n.t(`customerInfo.field.${field as 'name'}`)
      : field;
  }

  async #save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving || this.mode === 'view') return;
    if (this.#locked) {
      this.saveError = this.l10n.t('basicInfo.authRequired');
      return;
    }
    const { input, errors } = this.#validate();
    this.errors = errors;
    this.saveError = null;
    const first = this.#firstInvalid(errors);
    if (!input) {
      this.#focusLater(`#f-${first}`);
      return;
    }
    const backend = this.currentBackend;
    if (!backend) {
      this.saveError = this.l10n.t('common.noBackend');
      return;
    }
    const existing = this.shownCustomer;
    const creating = this.mode === 'create' || !existing;
    const abort = new AbortController();
    this.#saveAbort = abort;
    this.saving = true;
    try {
      const options = { idempotencyKey: this.#idempotencyKey, signal: abort.signal };
      const customer = creating ? await backend.createCustomer(input, options) : await backend.updateCustomer(existing!.id, input, options);
      if (abort.signal.aborted) return;
      this.saved = customer;
      this.mode = 'view';
      this.announcement = this.l10n.t(creating ? 'basicInfo.created' : 'basicInfo.updated');
      this.dispatchEvent(new CustomerSavedEvent(customer, creating));
      this.#focusLater('button.edit');
    } catch (error) {
      if (abort.signal.aborted) return;
      const field = this.#backendFieldError(error);
      if (field) {
        this.errors = { [field.field]: field.message };
        this.#focusLater(`#f-${field.field}`);
      } else this.saveError = this.errorMessage(error);
    } finally {
      if (this.#saveAbort === abort) this.saving = false;
    }
  }

  #onFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#cancel();
    }
  }

  #renderLocked() {
    return this.#locked ? html`<p part="locked" id="locked" class="locked">${this.l10n.t('basicInfo.authRequired')}</p>` : nothing;
  }

  /**
   * What an agent or customer typed, in its own direction: a Latin address in
   * an Arabic page must not have its house number moved to the end.
   */
  #freeText(value: string) {
    return html`<span class="value" dir="auto">${value}</span>`;
  }

  #renderView(customer: Customer | null, number: string) {
    const t = this.l10n.t.bind(this.l10n);
    if (!customer) {
      return html`<div part="empty" class="state">
          <p>${t('basicInfo.none', { number: isolate(number) })}</p>
        </div>
        ${this.#renderLocked()}
        <button
          type="button"
          class="primary create"
          ?disabled=${this.#locked}
          aria-describedby=${this.#locked ? 'locked' : nothing}
          @click=${() => this.#open('create')}
        >
          ${t('basicInfo.create')}
        </button>`;
    }
    const notSet = html`<span class="muted">${t('customerInfo.notSet')}</span>`;
    return html`<dl part="details">
        ${VIEW_FIELDS.map((f) => {
          const v = customer[f];
          return html`<dt>${t(`customerInfo.field.${f}`)}</dt>
            <dd data-field=${f}>
              ${f === 'phoneNumbers'
                ? v!.length
                  ? customer.phoneNumbers.map((p, i) => html`${i ? html`<br />` : nothing}<span class="number" dir="ltr">${p}</span>`)
                  : notSet
                : v || f === 'name'
                  ? f === 'gender'
                    ? t(`customerInfo.gender.${customer.gender!}`)
                    : this.#freeText(v as string)
                  : notSet}
            </dd>`;
        })}
      </dl>
      ${this.#renderLocked()}`;
  }

  #renderInput(field: TextField, opts: { type?: string; required?: boolean; autocomplete?: string } = {}) {
    const t = this.l10n.t.bind(this.l10n);
    const error = this.errors[field];
    return html`<label for=${`f-${field}`}
        >${t(`customerInfo.field.${field}`)}${opts.required
          ? html` <span class="required" aria-hidden="true">*</span><span class="visually-hidden">(${t('basicInfo.required')})</span>`
          : nothing}</label
      >
      <div class="control">
        ${field === 'notes'
          ? html`<textarea
              id="f-notes"
              rows="3"
              .value=${live(this.draft.notes)}
              ?disabled=${this.saving}
              @input=${(e: Event) => this.#set('notes', (e.target as HTMLTextAreaElement).value)}
            ></textarea>`
          : html`<input
              id=${`f-${field}`}
              type=${opts.type ?? 'text'}
              autocomplete=${opts.autocomplete ?? 'off'}
              .value=${live(this.draft[field])}
              ?required=${opts.required}
              ?disabled=${this.saving}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${`f-${field}-error`}
              @input=${(e: Event) => this.#set(field, (e.target as HTMLInputElement).value)}
            />`}
        <span id=${`f-${field}-error`} class="field-error">${error || nothing}</span>
      </div>`;
  }

  #renderForm() {
    const t = this.l10n.t.bind(this.l10n);
    const d = this.draft;
    const hasErrors = Object.values(this.errors).some(Boolean);
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${this.#save} @keydown=${this.#onFormKeydown}>
      <h3 id="form-title">${t(this.mode === 'create' ? 'basicInfo.createTitle' : 'basicInfo.editTitle')}</h3>
      ${hasErrors ? html`<p class="summary field-error" role="alert">${t('basicInfo.error.summary')}</p>` : nothing}
      ${this.#renderInput('name', { required: true, autocomplete: 'name' })}
      <label for="f-gender">${t('customerInfo.field.gender')}</label>
      <div class="control">
        <select id="f-gender" ?disabled=${this.saving} @change=${(e: Event) => this.#set('gender', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${d.gender === ''}>${t('basicInfo.gender.choose')}</option>
          ${GENDERS.filter((g) => g !== 'unknown').map(
            (g) => html`<option value=${g} ?selected=${d.gender === g}>${t(`customerInfo.gender.${g}`)}</option>`,
          )}
        </select>
      </div>
      <span class="label" id="phones-label">
        ${t('customerInfo.field.phoneNumbers')} <span class="required" aria-hidden="true">*</span
        ><span class="visually-hidden">(${t('basicInfo.required')})</span>
      </span>
      <div class="phones" role="group" aria-labelledby="phones-label" aria-describedby="phone-hint">
          ${d.phones.map((phone, i) => {
            const error = this.errors[`phone-${i}`];
            return html`<div class="control">
              <div class="phone-row">
                <input
                  id=${`f-phone-${i}`}
                  type="tel"
                  inputmode="tel"
                  autocomplete="off"
                  aria-label=${t('basicInfo.phone', { n: i + 1 })}
                  .value=${live(phone)}
                  ?disabled=${this.saving}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${`f-phone-${i}-error phone-hint`}
                  @input=${(e: Event) => this.#setPhone(i, (e.target as HTMLInputElement).value)}
                />
                ${d.phones.length > 1
                  ? html`<button type="button" class="remove-phone" ?disabled=${this.saving} @click=${() => this.#removePhone(i)}>
                      <span aria-hidden="true">−</span><span class="visually-hidden">${t('basicInfo.removePhone', { n: i + 1 })}</span>
                    </button>`
                  : nothing}
              </div>
              <span id=${`f-phone-${i}-error`} class="field-error">${error || nothing}</span>
            </div>`;
          })}
          <div>
            <button type="button" class="link add-phone" ?disabled=${this.saving} @click=${this.#addPhone}>+ ${t('basicInfo.addPhone')}</button>
          </div>
          <span id="phone-hint" class="hint">${t('basicInfo.phoneHint', { code: this.currentConfig.defaultCountryCode })}</span>
      </div>
      ${this.#renderInput('email', { type: 'email', autocomplete: 'email' })} ${this.#renderInput('address', { autocomplete: 'street-address' })}
      ${this.#renderInput('level')} ${this.#renderInput('notes')}
      ${this.saveError
        ? html`<div class="error-box save-error" role="alert">
            <span>${this.saveError}</span>
            <button type="submit">${t('common.retry')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary save" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>
          ${this.saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" class="cancel" ?disabled=${this.saving} @click=${this.#cancel}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const number = effectiveHandledNumber(this.currentCall);
    const known = this.#knownCustomer;
    const canEdit = this.mode === 'view' && !!this.shownCustomer;
    let body;
    if (this.mode !== 'view') body = this.#renderForm();
    else if (known !== undefined) body = this.#renderView(known, number);
    else if (!number) body = html`<p part="empty" class="state">${t('common.noCall')}</p>`;
    else {
      const loading = () => html`<p class="state">${t('customerInfo.loading')}</p>`;
      body = this.lookup.render({
        initial: loading,
        pending: loading,
        complete: (customer) => this.#renderView(customer, number),
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
      <header>
        <h2 id="title">${t('basicInfo.title')}</h2>
        ${canEdit
          ? html`<button
              type="button"
              class="link edit"
              ?disabled=${this.#locked}
              aria-describedby=${this.#locked ? 'locked' : nothing}
              @click=${() => this.#open('edit')}
            >
              ${t('basicInfo.edit')}
            </button>`
          : nothing}
      </header>
      ${body}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

function emptyDraft(phones: readonly string[]): Draft {
  return { name: '', gender: '', phones, email: '', address: '', level: '', notes: '' };
}
