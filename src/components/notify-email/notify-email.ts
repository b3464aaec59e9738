import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NotificationChannel } from '../../backend/types.js';
import { type ComposedMessage, NotifyComposer } from '../../internal/notify-composer.js';
import { provideElement } from '../../internal/lazy-element.js';
import type { MessageKey } from '../../localize/registry.js';
import { styles } from './notify-email.styles.js';

/**
 * Composes an email to the customer during a call. The address is prefilled
 * from the customer's email. A template (optional) fills the subject and
 * body, both editable, with `{{variable}}` placeholders filled from the call.
 * The preview is exactly what is sent. The draft survives a reload during
 * the same call.
 *
 * @summary Sends an email notification to the customer during a call.
 * @tag notify-email
 *
 * @csspart base - The panel.
 * @csspart form - The form.
 * @csspart recipient - The email address field.
 * @csspart templates - The template list, or its loading, error or empty state.
 * @csspart preview - The exact subject and text that will be sent.
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
 * @event avw-notification-send-request - Before sending; cancel it to stop the send. Carries `channel` (`email`), `recipient`, `subject` and `text`.
 * @event avw-notification-sent - The backend sent the email. Carries the `record` it returned.
 */
export class NotifyEmail extends NotifyComposer {
  static override styles = styles;

  /** @internal */
  protected get channel(): NotificationChannel {
    return 'email';
  }

  /** @internal */
  protected get titleKey(): MessageKey {
    return 'notify.email.title';
  }

  /** @internal */
  protected get sendKey(): MessageKey {
    return 'notify.email.send';
  }

  /** @internal */
  protected override subjectSource(): string {
    return this.draft.subject;
  }

  /** @internal */
  protected override contentProblems(message: ComposedMessage): Record<string, string> {
    const t = this.l10n.t.bind(this.l10n);
    const problems: Record<string, string> = {};
    const subject = message.subject!;
    if (subject.text.trim() === '') problems.subject = t('notify.problem.subjectRequired');
    else if (subject.unresolved.length > 0) problems.subject = t('notify.problem.unresolved', { names: this.placeholderList(subject.unresolved) });
    if (message.body.text.trim() === '') problems.body = t('notify.problem.bodyRequired');
    else if (message.body.unresolved.length > 0) {
      problems.body = t('notify.problem.unresolved', { names: this.placeholderList(message.body.unresolved) });
    }
    return problems;
  }

  /** @internal */
  protected renderFields() {
    const t = this.l10n.t.bind(this.l10n);
    return html`<div class="field">
        <label for="subject">${t('notify.subject')}</label>
        <input
          id="subject"
          dir="auto"
          autocomplete="off"
          .value=${live(this.draft.subject)}
          aria-invalid=${this.problems.subject ? 'true' : 'false'}
          aria-describedby=${this.describedBy('subject')}
          @input=${(e: Event) => this.edit({ subject: (e.target as HTMLInputElement).value }, 'subject')}
        />
        ${this.renderProblem('subject')}
      </div>
      <div class="field">
        <label for="body">${t('notify.body')}</label>
        <textarea
          id="body"
          dir="auto"
          rows="8"
          .value=${live(this.draft.body)}
          aria-invalid=${this.problems.body ? 'true' : 'false'}
          aria-describedby=${this.describedBy('body', 'body-hint')}
          @input=${(e: Event) => this.edit({ body: (e.target as HTMLTextAreaElement).value }, 'body')}
        ></textarea>
        <p id="body-hint" class="hint">${t('notify.body.hint')}</p>
        ${this.renderProblem('body')}
      </div>`;
  }
}

provideElement('notify-email', NotifyEmail);
