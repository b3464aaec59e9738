import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NotificationChannel, NotificationInput, NotificationTemplate } from '../../backend/types.js';
import { type ComposedMessage, type ComposerDraft, NotifyComposer } from '../../internal/notify-composer.js';
import { provideElement } from '../../internal/lazy-element.js';
import type { MessageKey } from '../../localize/registry.js';
import type { TemplateValues } from '../../util/template.js';
import { styles } from './notify-whatsapp.styles.js';

/**
 * Composes a WhatsApp message to the customer during a call. WhatsApp only
 * delivers business messages from approved templates, so there is no free
 * text: the agent picks an approved template (unapproved ones are listed,
 * disabled, with the reason) and fills each of its parameters, all
 * required. Other `{{variable}}` placeholders are filled from the call. The
 * preview is exactly what is sent. The draft survives a reload during the
 * same call.
 *
 * @summary Sends a WhatsApp template message to the customer during a call.
 * @tag notify-whatsapp
 *
 * @csspart base - The panel.
 * @csspart form - The form.
 * @csspart recipient - The mobile number field with its normalized number.
 * @csspart templates - The template list, or its loading, error or empty state.
 * @csspart parameters - The template's parameter fields.
 * @csspart preview - The exact text that will be sent.
 * @csspart empty - The message shown when there is no call.
 *
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-surface-raised - Preview background.
 * @cssprop --avw-color-border - Panel and field borders.
 * @cssprop --avw-color-primary - The Send button.
 * @cssprop --avw-color-danger - Problems.
 * @cssprop --avw-color-warning - Placeholders nothing could fill.
 * @cssprop --avw-color-success - The sent confirmation.
 *
 * @event avw-notification-send-request - Before sending; cancel it to stop the send. Carries `channel` (`whatsapp`), `recipient` (E.164) and `text`.
 * @event avw-notification-sent - The backend sent the message. Carries the `record` it returned.
 */
export class NotifyWhatsapp extends NotifyComposer {
  static override styles = styles;

  /** @internal */
  protected get channel(): NotificationChannel {
    return 'whatsapp';
  }

  /** @internal */
  protected get titleKey(): MessageKey {
    return 'notify.whatsapp.title';
  }

  /** @internal */
  protected get sendKey(): MessageKey {
    return 'notify.whatsapp.send';
  }

  /** @internal */
  protected override templateUsable(template: NotificationTemplate): boolean {
    return template.approved === true;
  }

  /** The text comes from the template only; parameters live in the draft, kept by name across template changes. @internal */
  protected override draftFor(template: NotificationTemplate | undefined): Partial<ComposerDraft> {
    return { templateId: template?.id ?? '' };
  }

  /** Nothing the agent wrote is lost by choosing another template. @internal */
  protected override wouldLoseText(): boolean {
    return false;
  }

  /** @internal */
  protected override bodySource(): string {
    return this.selectedTemplate?.body ?? '';
  }

  get #parameterNames(): readonly string[] {
    return this.selectedTemplate?.parameters ?? [];
  }

  /** The agent's parameter values win over the call's for the same name. @internal */
  protected override templateValues(): TemplateValues {
    const values: Record<string, string | null | undefined> = { ...super.templateValues() };
    for (const name of this.#parameterNames) values[name] = this.draft.parameters[name]?.trim() ?? '';
    return values;
  }

  /** @internal */
  protected override extraInput(): Partial<NotificationInput> {
    const names = this.#parameterNames;
    if (names.length === 0) return {};
    return { parameters: Object.fromEntries(names.map((name) => [name, this.draft.parameters[name]?.trim() ?? ''])) };
  }

  /** @internal */
  protected override contentProblems(message: ComposedMessage): Record<string, string> {
    const t = this.l10n.t.bind(this.l10n);
    const template = this.selectedTemplate;
    if (!template) return { template: t('notify.problem.templateRequired') };
    if (!this.templateUsable(template)) return { template: t('notify.problem.templateNotApproved', { name: template.name }) };
    const problems: Record<string, string> = {};
    for (const name of this.#parameterNames) {
      if (!this.draft.parameters[name]?.trim()) problems[`param-${name}`] = t('notify.problem.parameterRequired');
    }
    const fromCall = message.unresolved.filter((name) => !this.#parameterNames.includes(name));
    if (fromCall.length > 0) problems.template = t('notify.problem.unresolved', { names: this.placeholderList(fromCall) });
    return problems;
  }

  /** @internal */
  protected override renderNoTemplateOption() {
    return html`<option value="" disabled ?selected=${this.draft.templateId === ''}>${this.l10n.t('notify.template.choose')}</option>`;
  }

  /** @internal */
  protected override renderTemplateHint() {
    return this.templateList.some((template) => !this.templateUsable(template))
      ? html`<p class="hint" data-testid="not-approved-hint">${this.l10n.t('notify.template.notApprovedHint')}</p>`
      : nothing;
  }

  /** @internal */
  protected override emptyTemplatesKey(): MessageKey {
    return 'notify.template.emptyWhatsapp';
  }

  /** @internal */
  protected renderFields() {
    const names = this.#parameterNames;
    if (names.length === 0) return html``;
    const t = this.l10n.t.bind(this.l10n);
    return html`<fieldset class="params" part="parameters">
      <legend>${t('notify.parameters')}</legend>
      ${names.map((name) => {
        const id = `param-${name}`;
        return html`<div class="field">
          <label for=${id}>${t('notify.parameter', { name: `{{${name}}}` })}</label>
          <input
            id=${id}
            dir="auto"
            autocomplete="off"
            required
            aria-required="true"
            .value=${live(this.draft.parameters[name] ?? '')}
            aria-invalid=${this.problems[id] ? 'true' : 'false'}
            aria-describedby=${this.describedBy(id)}
            @input=${(e: Event) => this.edit({ parameters: { ...this.draft.parameters, [name]: (e.target as HTMLInputElement).value } }, id)}
          />
          ${this.renderProblem(id)}
        </div>`;
      })}
    </fieldset>`;
  }
}

provideElement('notify-whatsapp', NotifyWhatsapp);
