import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NotificationChannel } from '../../backend/types.js';
import { type ComposedMessage, NotifyComposer } from '../../internal/notify-composer.js';
import { provideElement } from '../../internal/lazy-element.js';
import type { MessageKey } from '../../localize/registry.js';
import { countSms } from '../../util/sms.js';
import { styles } from './notify-sms.styles.js';

/**
 * Composes an SMS to the customer during a call. The number is prefilled
 * from the call's handled number and normalized to E.164 (a national number
 * takes the tenant's default country code). A template is optional; after
 * choosing one the text stays editable, and `{{variable}}` placeholders are
 * filled from the call. A live counter shows the encoding and the segments
 * the message takes; over `config.limits.smsMaxSegments` it is not sent.
 * The preview is exactly the text sent. The draft survives a reload during
 * the same call.
 *
 * @summary Sends an SMS notification to the customer during a call.
 * @tag notify-sms
 *
 * @csspart base - The panel.
 * @csspart form - The form.
 * @csspart recipient - The mobile number field with its normalized number.
 * @csspart templates - The template list, or its loading, error or empty state.
 * @csspart counter - The character and segment counter.
 * @csspart preview - The exact text that will be sent.
 * @csspart empty - The message shown when there is no call.
 *
 * @cssprop --avw-color-surface - Panel background.
 * @cssprop --avw-color-surface-raised - Preview background.
 * @cssprop --avw-color-border - Panel and field borders.
 * @cssprop --avw-color-primary - The Send button.
 * @cssprop --avw-color-danger - Problems, and the counter over the limit.
 * @cssprop --avw-color-warning - Placeholders nothing could fill.
 * @cssprop --avw-color-success - The sent confirmation.
 *
 * @event avw-notification-send-request - Before sending; cancel it to stop the send. Carries `channel` (`sms`), `recipient` (E.164) and `text`.
 * @event avw-notification-sent - The backend sent the SMS. Carries the `record` it returned.
 */
export class NotifySms extends NotifyComposer {
  static override styles = styles;

  /** @internal */
  protected get channel(): NotificationChannel {
    return 'sms';
  }

  /** @internal */
  protected get titleKey(): MessageKey {
    return 'notify.sms.title';
  }

  /** @internal */
  protected get sendKey(): MessageKey {
    return 'notify.sms.send';
  }

  /** @internal */
  protected override contentProblems(message: ComposedMessage): Record<string, string> {
    const problems = super.contentProblems(message);
    const max = this.currentConfig.limits.smsMaxSegments;
    const count = countSms(message.body.text);
    if (!problems.body && count.segments > max) {
      problems.body = this.l10n.t('notify.problem.tooManySegments', { segments: count.segments, max });
    }
    return problems;
  }

  /** @internal */
  protected renderFields(message: ComposedMessage) {
    const t = this.l10n.t.bind(this.l10n);
    const max = this.currentConfig.limits.smsMaxSegments;
    const count = countSms(message.body.text);
    const over = count.segments > max;
    return html`<div class="field">
      <label for="body">${t('notify.body')}</label>
      <textarea
        id="body"
        dir="auto"
        rows="5"
        .value=${live(this.draft.body)}
        aria-invalid=${this.problems.body ? 'true' : 'false'}
        aria-describedby=${this.describedBy('body', 'body-hint', 'counter')}
        @input=${(e: Event) => this.edit({ body: (e.target as HTMLTextAreaElement).value }, 'body')}
      ></textarea>
      <p id="body-hint" class="hint">${t('notify.body.hint')}</p>
      <p id="counter" class="counter" part="counter" data-testid="counter" ?data-over=${over} data-encoding=${count.encoding}>
        ${t('notify.sms.counter', {
          segments: count.segments,
          max,
          remaining: count.remaining,
          encoding: t(`notify.sms.encoding.${count.encoding}`),
        })}
      </p>
      ${count.encoding === 'ucs-2' ? html`<p class="hint">${t('notify.sms.ucs2Hint')}</p>` : ''}
      ${over && !this.problems.body
        ? html`<p class="field-error" data-testid="over-limit">${t('notify.problem.tooManySegments', { segments: count.segments, max })}</p>`
        : ''}
      ${this.renderProblem('body')}
    </div>`;
  }
}

provideElement('notify-sms', NotifySms);
