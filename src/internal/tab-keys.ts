/**
 * The tab a key moves to in a list of `count` tabs with `index` selected: the
 * arrows (wrapping, and following the text direction), Home and End; -1 for
 * any other key. A key that moves has its default action prevented.
 * The tab lists of `<screen-popup>`, `<av-workbench>` and
 * `<contact-record-detail>` share it.
 */
export function tabKeyTarget(event: KeyboardEvent, index: number, count: number, rtl: boolean): number {
  const arrow = ({ ArrowLeft: -1, ArrowRight: 1 } as Partial<Record<string, number>>)[event.key];
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : arrow ? (index + count + (rtl ? -arrow : arrow)) % count : -1;
  if (next >= 0) event.preventDefault();
  return next;
}
