import type { ScreenPopupPage } from '../../context/types.js';

/** A window-mode screen pop-up page was opened in its own window. */
export class ScreenPopupOpenedEvent extends Event {
  static readonly eventName = 'avw-screen-popup-opened';
  readonly page: ScreenPopupPage;
  /** The address opened, with the call parameters. */
  readonly url: string;
  constructor(page: ScreenPopupPage, url: string) {
    super(ScreenPopupOpenedEvent.eventName, { bubbles: true, composed: true });
    this.page = page;
    this.url = url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'avw-screen-popup-opened': ScreenPopupOpenedEvent;
  }
}
