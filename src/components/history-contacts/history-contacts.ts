import { ContactListElement } from '../../internal/contact-list.js';
import type { MessageKey } from '../../localize/registry.js';

/**
 * History contacts (customer center off): the latest three contact records of
 * the handled number, by time. A record opens its detail (with the Message
 * Sending Record and Send Message); **More** lists the handled number's records
 * of the last seven days, each playable right in the list.
 *
 * @summary The latest three contact records of the handled number, with details and the last seven days.
 * @tag history-contacts
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
export class HistoryContacts extends ContactListElement {
  /** @internal */
  protected get limit(): number {
    return 3;
  }

  /** @internal */
  protected get titleKey(): MessageKey {
    return 'contactHistory.historyTitle';
  }
}
