// Compile-time checks of the generated `av-workbench/jsx` and `av-workbench/vue`
// types, as a host would use them. Type-checked by test/examples.test.mjs.
import type { AvWorkbenchIntrinsicElements } from 'av-workbench/jsx';
import type { GlobalComponents } from 'vue';
import 'av-workbench/vue';

// React 19 keeps JSX in its own namespace: a host adds our tags to it.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends AvWorkbenchIntrinsicElements {}
  }
}

export const direct = (
  <realtime-transfer only-customer onavw-transcript-copied={(event) => console.info(event.type)}>
    <span slot="note">host content</span>
  </realtime-transfer>
);

export const detail: AvWorkbenchIntrinsicElements['contact-record-detail'] = {
  'record-id': 'cr-1',
  backend: null,
  'onavw-notification-sent': (event) => console.info(event.record),
};

// @ts-expect-error: not an attribute of <call-message>
export const typo: AvWorkbenchIntrinsicElements['call-message'] = { 'calling-numbr': '+8613800138000' };

// @ts-expect-error: `only-customer` is a boolean attribute
export const wrongType: AvWorkbenchIntrinsicElements['realtime-transfer'] = { 'only-customer': 'yes' };

export type VueCallMessage = GlobalComponents['call-message'];
