import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { newIdempotencyKey } from '../backend/errors.js';
import type { MessageRecord, NotificationChannel, NotificationInput, NotificationTemplate } from '../backend/types.js';
import { effectiveHandledNumber } from '../context/types.js';
import { DraftController, type DraftOptions } from '../controllers/draft-controller.js';
import type { MessageKey } from '../localize/registry.js';
import { isValidEmail } from '../util/email.js';
import { toE164 } from '../util/phone.js';
import { type FilledTemplate, type TemplatePart, type TemplateValues, fillTemplate } from '../util/template.js';
import { NotificationSendRequestEvent, NotificationSentEvent } from './notify-composer.events.js';
import { WorkbenchElement } from './workbench-element.js';
import { addEnglish } from '../localize/registry.js';
import notifyEn from '../localize/locales/en/notify.js';

addEnglish(notifyEn);

/** What the agent has typed; stored as the reload-safe draft. */
export interface ComposerDraft {
  /** What the agent typed as recipient; `null` while it follows the call. */
  readonly recipient: string | null;
  readonly templateId: string;
  readonly subject: string;
  readonly body: string;
  readonly parameters: Readonly<Record<string, string>>;
  /**
   * The idempotency key of the last attempt and what it sent: a retry of the
   * same message (even after a reload: the first attempt may have reached
   * the server) reuses the key, so it is never sent twice.
   */
  readonly attempt?: { readonly key: string; readonly fingerprint: string };
}

/** The message as it will be sent, computed once for the preview and the send alike. */
export interface ComposedMessage {
  readonly subject?: FilledTemplate;
  readonly body: FilledTemplate;
  /** Placeholder names left unfilled anywhere, each once. */
  readonly unresolved: readonly string[];
}

/** A problem per field id (`recipient`, `body`, `subject`, `template`, `param-<name>`). */
export type Problems = Readonly<Record<string, string>>;

const EMPTY_DRAFT: ComposerDraft = Object.freeze({ recipient: null, templateId: '', subject: '', body: '', parameters: {} });

const isString = (v: unknown): v is string => typeof v === 'string';

/** Stored drafts are untrusted (they outlive releases, anyone can edit them): keep only what has the right shape. */
function parseDraft(raw: unknown): ComposerDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const { recipient, templateId, subject, body, parameters: p, attempt } = raw as Record<string, unknown>;
  if (!(recipient === null || isString(recipient)) || !isString(templateId) || !isString(subject) || !isString(body)) return null;
  const a = attempt as Record<string, unknown> | null | undefined;
  return {
    recipient,
    templateId,
    subject,
    body,
    parameters: Object.fromEntries(Object.entries(p && typeof p === 'object' ? p : {}).filter(([, text]) => isString(text))),
    attempt: a && isString(a.key) && isString(a.fingerprint) ? { key: a.key, fingerprint: a.fingerprint } : undefined,
  };
}

/**
 * What `<notify-sms>`, `<notify-email>` and `<notify-whatsapp>` share: the
 * recipient (prefilled from the call, validated through the one phone module
 * or the email check), the template list, placeholder filling, the preview
 * that is exactly what is sent, the veto event, sending with one idempotency
 * key per message, and the draft that survives a reload during the call.
 * Each channel adds its fields and its rules.
 */
export abstract class NotifyComposer extends WorkbenchElement {
  /**
   * Where the message goes. When unset, it is prefilled from the call (the
   * handled number for SMS and WhatsApp, the customer's email for email); the
   * agent can change it.
   */
  @property() recipient?: string;

  /** When set, the sent message is attached to this contact record. */
  @property({ attribute: 'contact-record-id' }) contactRecordId?: string;

  /** @internal */
  @state() protected draft: ComposerDraft = EMPTY_DRAFT;
  /** @internal */
  @state() protected problems: Problems = {};
  /** @internal */
  @state() protected sending = false;
  /** @internal */
  @state() protected sendError?: string | null;
  /** @internal */
  @state() protected sent?: MessageRecord | null;
  /** A template the agent chose while their own text would be overwritten; waits for a yes. @internal */
  @state() protected pendingTemplateId: string | null = null;

  /** A getter, not a field: the base class needs it while it is being constructed. @internal */
  protected abstract get channel(): NotificationChannel;

  /** @internal */
  protected readonly templates = new Task(this, {
    task: async ([backend, channel], { signal }) => {
      if (!backend) return null;
      return backend.listTemplates(channel, { signal });
    },
    args: () => [this.currentBackend, this.channel] as const,
  });

  readonly #drafts = new DraftController<ComposerDraft>(this, this.#draftOptions());

  #draftKey: string | null = null;
  #sendAbort?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The key stays in the draft: after a reload, Retry cannot send twice.
    this.#sendAbort?.abort();
  }

  // ---- the draft -------------------------------------------------------------

  #draftOptions(): DraftOptions<ComposerDraft> {
    return {
      // The channel getter lives on the subclass prototype, so it answers during construction.
      name: `notify-${this.channel}`,
      keyParts: () => {
        const agent = this.currentAgent;
        return [agent?.tenantId || this.currentConfig.tenantId, agent?.id, this.currentCall?.id];
      },
      parse: parseDraft,
      onKeyChange: (stored, key) => this.#draftScopeChanged(stored, key),
    };
  }

  #draftScopeChanged(stored: ComposerDraft | null, key: string | null): void {
    const previous = this.#draftKey;
    this.#draftKey = key;
    // The agent or tenant arrived after the agent started typing: keep what is on screen.
    if (previous === null && !stored && this.#isDirty()) {
      this.#saveDraft();
      return;
    }
    // Another call: its own draft, or a clean form. Nothing of the last call leaks into it.
    this.draft = stored ?? EMPTY_DRAFT;
    this.problems = {};
    this.sendError = null;
    this.sent = null;
    this.pendingTemplateId = null;
  }

  #isDirty(draft: ComposerDraft = this.draft): boolean {
    return (
      draft.recipient !== null ||
      draft.templateId !== '' ||
      draft.subject !== '' ||
      draft.body !== '' ||
      Object.values(draft.parameters).some((v) => v !== '')
    );
  }

  #saveDraft(): void {
    if (this.#isDirty() || this.draft.attempt) this.#drafts.save(this.draft);
    else this.#drafts.clear();
  }

  /** Applies an edit, keeps it for a reload, and forgets the outcome and the problems of `fields`, which it makes stale. @internal */
  protected edit(patch: Partial<ComposerDraft>, ...fields: string[]): void {
    this.draft = { ...this.draft, ...patch };
    this.sent = null;
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([field]) => !fields.includes(field)));
    this.#saveDraft();
  }

  // ---- recipient ---------------------------------------------------------------

  /** What the recipient field starts with: the host's attribute, else the call's. */
  get #prefilledRecipient(): string {
    return this.recipient ?? (this.channel === 'email' ? (this.currentCustomer?.email ?? '') : effectiveHandledNumber(this.currentCall));
  }

  get #recipientValue(): string {
    return this.draft.recipient ?? this.#prefilledRecipient;
  }

  /** The normalized recipient, or the problem with it in the agent's words. */
  #checkRecipient(): { ok: true; value: string } | { ok: false; problem: string } {
    const raw = this.#recipientValue;
    if (this.channel === 'email') {
      const value = raw.trim();
      if (value === '') return { ok: false, problem: this.l10n.t('notify.recipient.emailRequired') };
      if (!isValidEmail(value)) return { ok: false, problem: this.l10n.t('notify.recipient.emailInvalid') };
      return { ok: true, value };
    }
    const check = toE164(raw, this.currentConfig.defaultCountryCode);
    if (!check.ok) return { ok: false, problem: this.l10n.t(`phone.${check.problem}`, { max: 15 }) };
    return check;
  }

  #onRecipientInput(event: Event): void {
    this.edit({ recipient: (event.target as HTMLInputElement).value }, 'recipient');
  }

  /** Leaving a non-empty field says at once what is wrong with it; an empty one waits for Send. */
  #onRecipientChange(): void {
    if (this.#recipientValue.trim() === '') return;
    const check = this.#checkRecipient();
    if (!check.ok) this.problems = { ...this.problems, recipient: check.problem };
  }

  // ---- templates -----------------------------------------------------------------

  /** @internal */
  protected get templateList(): readonly NotificationTemplate[] {
    return this.templates.value ?? [];
  }

  /** @internal */
  protected get selectedTemplate(): NotificationTemplate | undefined {
    return this.draft.templateId ? this.templateList.find((t) => t.id === this.draft.templateId) : undefined;
  }

  /** Whether a template may be chosen for sending. @internal */
  protected templateUsable(_template: NotificationTemplate): boolean {
    return true;
  }

  /** The draft after choosing `template` (or none). @internal */
  protected draftFor(template: NotificationTemplate | undefined): Partial<ComposerDraft> {
    return { templateId: template?.id ?? '', body: template?.body ?? '', subject: template?.subject ?? '' };
  }

  /** Whether choosing another template would throw away text the agent wrote. @internal */
  protected wouldLoseText(): boolean {
    const current = this.draftFor(this.selectedTemplate);
    return (
      (this.draft.body !== '' && this.draft.body !== current.body) || (this.draft.subject !== '' && this.draft.subject !== current.subject)
    );
  }

  #onTemplateChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    if (this.wouldLoseText()) {
      this.pendingTemplateId = id;
      this.#focus('.replace-confirm');
      return;
    }
    this.#chooseTemplate(id);
  }

  #chooseTemplate(id: string): void {
    this.pendingTemplateId = null;
    this.edit(this.draftFor(this.templateList.find((t) => t.id === id)), 'template', 'body', 'subject');
  }

  #keepText(): void {
    this.pendingTemplateId = null;
    this.#focus('#template');
  }

  // ---- composing -------------------------------------------------------------------

  /** The values placeholders are filled with; anything the call does not know stays a visible placeholder. @internal */
  protected templateValues(): TemplateValues {
    const call = this.currentCall;
    const customer = this.currentCustomer;
    const agent = this.currentAgent;
    const locale = this.selectedTemplate?.locale || this.l10n.locale;
    const now = Date.now();
    let date: string;
    let time: string;
    try {
      date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now);
      time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(now);
    } catch {
      // A template locale Intl does not know: the agent's own is the best guess.
      date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'long' }).format(now);
      time = new Intl.DateTimeFormat(this.l10n.locale, { timeStyle: 'short' }).format(now);
    }
    return {
      customerName: customer?.name,
      customerEmail: customer?.email,
      customerNumber: call?.customerNumber,
      handledNumber: effectiveHandledNumber(call),
      agentName: agent?.name,
      agentWorkNo: agent?.workNo,
      callId: call?.id,
      skillQueue: call?.skillQueue,
      date,
      time,
    };
  }

  /** The text with placeholders the agent works on; WhatsApp's comes from the template. @internal */
  protected bodySource(): string {
    return this.draft.body;
  }

  /** Email's subject; the others have none. @internal */
  protected subjectSource(): string | undefined {
    return undefined;
  }

  /** The message exactly as it will be sent. */
  #compose(): ComposedMessage {
    const values = this.templateValues();
    const body = fillTemplate(this.bodySource(), values);
    const subjectSource = this.subjectSource();
    const subject = subjectSource === undefined ? undefined : fillTemplate(subjectSource, values);
    const unresolved = [...new Set([...(subject?.unresolved ?? []), ...body.unresolved])];
    return { subject, body, unresolved };
  }

  /** `{{a}}, {{b}}` for messages. @internal */
  protected placeholderList(names: readonly string[]): string {
    return names.map((n) => `{{${n}}}`).join(', ');
  }

  /** What stops this message from being sent, by field. @internal */
  protected contentProblems(message: ComposedMessage): Record<string, string> {
    const problems: Record<string, string> = {};
    if (message.body.text.trim() === '') problems.body = this.l10n.t('notify.problem.bodyRequired');
    else if (message.unresolved.length > 0) {
      problems.body = this.l10n.t('notify.problem.unresolved', { names: this.placeholderList(message.unresolved) });
    }
    return problems;
  }

  /** Channel extras for the backend (WhatsApp's parameters). @internal */
  protected extraInput(): Partial<NotificationInput> {
    return {};
  }

  // ---- sending ---------------------------------------------------------------------

  /** Focuses what `selector` finds once the update that shows it is done. */
  #focus(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  async #send(event?: Event): Promise<void> {
    event?.preventDefault();
    const call = this.currentCall;
    if (!call || this.sending) return;
    this.sent = null;
    this.sendError = null;
    const recipient = this.#checkRecipient();
    const message = this.#compose();
    const problems: Record<string, string> = {
      ...(recipient.ok ? {} : { recipient: recipient.problem }),
      ...this.contentProblems(message),
    };
    this.problems = problems;
    const first = Object.keys(problems)[0];
    if (first) this.#focus(`#${CSS.escape(first)}`);
    if (first || !recipient.ok) return;
    const backend = this.currentBackend;
    if (!backend) {
      this.sendError = this.l10n.t('notify.problem.noBackend');
      return;
    }
    const input: NotificationInput = {
      channel: this.channel,
      recipient: recipient.value,
      templateId: this.selectedTemplate?.id,
      subject: message.subject?.text,
      text: message.body.text,
      callId: call.id,
      contactRecordId: this.contactRecordId || undefined,
      ...this.extraInput(),
    };
    // The event carries the channel, recipient, text and subject of exactly this input.
    if (!this.dispatchEvent(new NotificationSendRequestEvent(input))) return;

    // The same message keeps its key across retries and reloads; a changed one is a new message.
    const fingerprint = JSON.stringify(input);
    const key = this.draft.attempt?.fingerprint === fingerprint ? this.draft.attempt.key : newIdempotencyKey();
    this.draft = { ...this.draft, attempt: { key, fingerprint } };
    this.#saveDraft();

    const scope = this.#draftKey;
    const abort = new AbortController();
    this.#sendAbort = abort;
    this.sending = true;
    try {
      const record = await backend.sendNotification(input, { idempotencyKey: key, signal: abort.signal });
      // The call changed while sending: that form is gone, only its draft is cleared.
      if (scope !== this.#draftKey) {
        this.#drafts.clear(scope);
        return;
      }
      this.draft = EMPTY_DRAFT;
      this.problems = {};
      this.#drafts.clear();
      this.sent = record;
      this.dispatchEvent(new NotificationSentEvent(record));
    } catch (error) {
      if (!abort.signal.aborted) this.sendError = this.l10n.t('notify.failed', { reason: this.errorMessage(error) });
    } finally {
      this.sending = false;
      if (this.#sendAbort === abort) this.#sendAbort = undefined;
    }
    this.#focus(this.sendError ? '.retry' : '.send');
  }

  #onKeydown(event: KeyboardEvent): void {
    // Enter makes a new line in the message; Ctrl/Cmd+Enter sends from anywhere in the form.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#send();
    }
  }

  // ---- rendering --------------------------------------------------------------------

  /** @internal */
  protected abstract get titleKey(): MessageKey;
  /** @internal */
  protected abstract get sendKey(): MessageKey;
  /** The channel's own fields: text, subject, parameters. @internal */
  protected abstract renderFields(message: ComposedMessage): TemplateResult;

  /** A field's problem, tied to it by id. @internal */
  protected renderProblem(field: string) {
    const problem = this.problems[field];
    return problem ? html`<p id="${field}-problem" class="field-error" role="alert">${problem}</p>` : nothing;
  }

  /** `aria-describedby` for a field: its hints and its problem. @internal */
  protected describedBy(field: string, ...hints: string[]): string {
    return [...hints, ...(this.problems[field] ? [`${field}-problem`] : [])].join(' ');
  }

  #renderRecipient() {
    const t = this.l10n.t.bind(this.l10n);
    const phone = this.channel !== 'email';
    const check = this.#checkRecipient();
    const followsCall = this.draft.recipient === null && this.recipient === undefined && this.#recipientValue !== '';
    const hint = phone && check.ok ? t('notify.recipient.normalized', { number: check.value }) : followsCall ? t('notify.recipient.fromCall') : '';
    return html`<div class="field" part="recipient">
      <label for="recipient">${t(phone ? 'notify.recipient.phone' : 'notify.recipient.email')}</label>
      <input
        id="recipient"
        class="ltr"
        type=${phone ? 'tel' : 'email'}
        inputmode=${phone ? 'tel' : 'email'}
        autocomplete="off"
        spellcheck="false"
        .value=${live(this.#recipientValue)}
        aria-invalid=${this.problems.recipient ? 'true' : 'false'}
        aria-describedby=${this.describedBy('recipient', 'recipient-hint')}
        @input=${this.#onRecipientInput}
        @change=${this.#onRecipientChange}
      />
      <p id="recipient-hint" class="hint" data-testid="recipient-hint">${hint ? html`<bdi>${hint}</bdi>` : nothing}</p>
      ${this.renderProblem('recipient')}
    </div>`;
  }

  /** The first choice in the template list; WhatsApp has no "none". @internal */
  protected renderNoTemplateOption() {
    return html`<option value="" ?selected=${this.draft.templateId === ''}>${this.l10n.t('notify.template.none')}</option>`;
  }

  /** A hint under the template list (WhatsApp explains unapproved templates). @internal */
  protected renderTemplateHint(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** @internal */
  protected emptyTemplatesKey(): MessageKey {
    return 'notify.template.empty';
  }

  #renderTemplates() {
    const t = this.l10n.t.bind(this.l10n);
    return this.templates.render({
      initial: () => this.#renderTemplatesLoading(),
      pending: () => this.#renderTemplatesLoading(),
      error: (error) => html`<div class="error-box" part="templates" role="alert" data-state="error">
        <span>${t('notify.template.failed', { reason: this.errorMessage(error) })}</span>
        <button type="button" class="templates-retry" @click=${() => void this.templates.run()}>${t('common.retry')}</button>
      </div>`,
      complete: (list) => {
        // A template the agent chose while their own text would be overwritten waits for a yes.
        const id = this.pendingTemplateId;
        if (list === null) return html`<p class="state" part="templates" data-state="no-backend">${t('common.noBackend')}</p>`;
        if (list.length === 0) return html`<p class="state" part="templates" data-state="empty">${t(this.emptyTemplatesKey())}</p>`;
        return html`<div class="field" part="templates">
          <label for="template">${t('notify.template')}</label>
          <select
            id="template"
            aria-invalid=${this.problems.template ? 'true' : 'false'}
            aria-describedby=${this.describedBy('template', 'template-hint')}
            ?disabled=${this.sending}
            .value=${live(this.draft.templateId)}
            @change=${this.#onTemplateChange}
          >
            ${this.renderNoTemplateOption()}
            ${list.map(
              (template) =>
                html`<option value=${template.id} ?disabled=${!this.templateUsable(template)} ?selected=${template.id === this.draft.templateId}>
                  ${this.templateUsable(template) ? template.name : `${template.name} (${t('notify.template.notApproved')})`}
                </option>`,
            )}
          </select>
          <div id="template-hint">${this.renderTemplateHint()}</div>
          ${this.renderProblem('template')}
          ${id === null
            ? nothing
            : html`<div class="confirm" role="group" aria-labelledby="replace-question">
                <p id="replace-question">${t('notify.template.replace', { name: list.find((tpl) => tpl.id === id)?.name ?? t('notify.template.none') })}</p>
                <div class="row">
                  <button type="button" class="replace-confirm" @click=${() => this.#chooseTemplate(id)}>${t('notify.template.replaceConfirm')}</button>
                  <button type="button" @click=${this.#keepText}>${t('notify.template.replaceKeep')}</button>
                </div>
              </div>`}
        </div>`;
      },
    });
  }

  #renderTemplatesLoading() {
    return html`<p class="state" part="templates" aria-busy="true" data-state="loading">${this.l10n.t('notify.template.loading')}</p>`;
  }

  #renderParts(parts: readonly TemplatePart[]) {
    return parts.map((part) =>
      part.kind === 'unresolved' ? html`<mark class="unresolved">${part.text}</mark>` : part.text,
    );
  }

  #renderPreview(message: ComposedMessage) {
    const t = this.l10n.t.bind(this.l10n);
    const empty = message.body.text === '' && !message.subject?.text;
    return html`<section class="preview" part="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${t('notify.preview')}</h3>
      ${empty
        ? html`<p class="muted">${t('notify.preview.empty')}</p>`
        : html`${message.subject
              ? html`<p class="preview-subject"><span class="muted">${t('notify.preview.subject')}</span>
                  <bdi data-testid="preview-subject">${this.#renderParts(message.subject.parts)}</bdi></p>`
              : nothing}
            <div class="preview-text" dir="auto" data-testid="preview-text">${this.#renderParts(message.body.parts)}</div>`}
      ${message.unresolved.length > 0
        ? html`<p class="warning" data-testid="unresolved">${t('notify.unresolved', { names: this.placeholderList(message.unresolved) })}</p>`
        : nothing}
    </section>`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const title = t(this.titleKey);
    const message = this.currentCall && this.#compose();
    return html`<section part="base" aria-label=${title} dir=${this.l10n.dir}>
      <h2>${title}</h2>
      ${message
        ? html`<form part="form" novalidate aria-busy=${this.sending} @submit=${this.#send} @keydown=${this.#onKeydown}>
            <div class="layout">
              <fieldset class="compose" ?disabled=${this.sending}>
                <legend class="visually-hidden">${title}</legend>
                ${this.#renderRecipient()} ${this.#renderTemplates()} ${this.renderFields(message)}
              </fieldset>
              ${this.#renderPreview(message)}
            </div>
            <div class="actions">
              <button type="submit" class="primary send" ?disabled=${this.sending} aria-busy=${this.sending} aria-describedby="send-shortcut">
                ${t(this.sending ? 'notify.sending' : this.sendKey)}
              </button>
              <span id="send-shortcut" class="hint">${t('notify.sendShortcut')}</span>
            </div>
            ${this.sendError
              ? html`<div class="error-box" role="alert" data-testid="send-error">
                  <span>${this.sendError}</span>
                  <button type="submit" class="retry" ?disabled=${this.sending}>${t('common.retry')}</button>
                </div>`
              : nothing}
            <div role="status" class="sent" data-testid="sent">
              ${this.sent
                ? html`<span class="sent-box"
                    >${t('notify.sent', { recipient: this.sent.recipient, time: this.l10n.dateTime(this.sent.sentAt, { timeStyle: 'short' }) })}</span
                  >`
                : nothing}
            </div>
          </form>`
        : html`<p part="empty" class="state">${t('common.noCall')}</p>`}
    </section>`;
  }
}
