// A React host: the workbench through the generated `av-workbench/react`
// wrappers, with the in-browser MemoryBackend standing in for the CRM's.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryBackend } from 'av-workbench/backend/memory.js';
import { CallMessage, WorkbenchProvider } from 'av-workbench/react';
import 'av-workbench/themes/light.css';
import '../shared/host.css';

const NEXT_CALLERS = ['+14155550123', '+8613911112222', '+8613800138000'];

function App() {
  // One backend for the page's lifetime: a new one per render would drop the call.
  const [backend] = useState(() => new MemoryBackend());
  const [rung, setRung] = useState(0);
  const [lastEvent, setLastEvent] = useState('none yet');

  return (
    <main>
      <h1>av-workbench in React</h1>
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            backend.ring(NEXT_CALLERS[rung % NEXT_CALLERS.length]);
            setRung(rung + 1);
          }}
        >
          Ring a new call
        </button>
        <button type="button" onClick={() => backend.endCall()}>
          End the call
        </button>
        <span role="status" data-testid="last-event">
          Last call event: {lastEvent}
        </span>
      </div>
      <WorkbenchProvider
        backend={backend}
        onAvwCallChanged={(event) => setLastEvent(`${event.call?.state ?? 'no call'} ${event.call?.callingNumber ?? ''}`.trim())}
      >
        <CallMessage
          onAvwHandledNumberChangeRequest={(event) => {
            // The host may veto a save; this one only refuses an all-zero number.
            if (/^\+?0+$/.test(event.handledNumber)) event.preventDefault();
          }}
        />
      </WorkbenchProvider>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
