import { property } from 'lit/decorators.js';
import { ContactListElement } from '../../internal/contact-list.js';
import type { MessageKey } from '../../localize/registry.js';

const MAX_COUNT = 50;

/**
 * Contact records (customer center on): the latest several contact records of
 * the handled number, by time. A record opens its detail (with the Message
 * Sending Record and Send Message); **More** lists the handled number's records
 * of the last seven days, each playable right in the list.
 *
 * @summary The latest contact records of the handled number, with details and the last seven days.
 * @tag contact-records
 *
 * @csspart base - The panel.
 * @csspart list - The latest records.
 * @csspart empty - The message shown when there are no records (or no call).
 * @csspart error - The error message with Retry.
 * @csspart dialog - The dialog showing a record's detail or "More".
 * @csspart more-list - The records of the last seven days.
 *
 * @cssprop --avw-color-surface - Panel and dialog background.
 * @cssprop --avw-color-border - Borders.
 * @cssprop --avw-color-text-muted - Secondary text.
 */
export class ContactRecords extends ContactListElement {
  /** How many of the latest records to show (1–50); defaults to the tenant's `contactRecordsCount`, else 5. */
  @property({ type: Number }) count?: number;

  /** @internal */
  protected get limit(): number {
    const wanted = this.count ?? this.currentConfig.contactRecordsCount ?? 5;
    return Number.isFinite(wanted) ? Math.min(MAX_COUNT, Math.max(1, Math.round(wanted))) : 5;
  }

  /** @internal */
  protected get titleKey(): MessageKey {
    return 'contactHistory.recordsTitle';
  }
}
