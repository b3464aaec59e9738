// A Vue host: render functions (`h()`), so the app runs on Vue's runtime-only
// build; the template compiler needs `eval`, which a strict CSP forbids.
import { createApp, defineComponent, h, markRaw, ref } from 'vue';
import { MemoryBackend } from 'av-workbench/backend/memory.js';
import type { CallChangedEvent, HandledNumberChangeRequestEvent } from 'av-workbench';
import 'av-workbench/define/workbench-provider.js';
import 'av-workbench/define/call-message.js';
import 'av-workbench/themes/light.css';
import '../shared/host.css';

const NEXT_CALLERS = ['+14155550123', '+8613911112222', '+8613800138000'];

const App = defineComponent({
  setup() {
    // markRaw: Vue must not wrap the backend in a reactive proxy; the
    // elements compare it by identity.
    const backend = markRaw(new MemoryBackend());
    const rung = ref(0);
    const lastEvent = ref('none yet');

    const ring = () => {
      backend.ring(NEXT_CALLERS[rung.value % NEXT_CALLERS.length]);
      rung.value += 1;
    };

    return () =>
      h('main', [
        h('h1', 'av-workbench in Vue'),
        h('div', { class: 'toolbar' }, [
          h('button', { type: 'button', onClick: ring }, 'Ring a new call'),
          h('button', { type: 'button', onClick: () => backend.endCall() }, 'End the call'),
          h('span', { role: 'status', 'data-testid': 'last-event' }, `Last call event: ${lastEvent.value}`),
        ]),
        // A property (not an attribute) because `backend` is on the element:
        // Vue sets DOM properties for keys the element has. `onAvwCallChanged`
        // listens to `avw-call-changed`.
        h(
          'workbench-provider',
          {
            backend,
            onAvwCallChanged: (event: CallChangedEvent) => {
              lastEvent.value = `${event.call?.state ?? 'no call'} ${event.call?.callingNumber ?? ''}`.trim();
            },
          },
          [
            h('call-message', {
              onAvwHandledNumberChangeRequest: (event: HandledNumberChangeRequestEvent) => {
                if (/^\+?0+$/.test(event.handledNumber)) event.preventDefault();
              },
            }),
          ],
        ),
      ]);
  },
});

createApp(App).mount('#app');
