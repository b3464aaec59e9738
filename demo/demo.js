// The demo host page: one agent over the real HttpBackend, the assembled
// <av-workbench> and a <connection-bar> in the toolbar, both under one
// <workbench-provider>. The page listens in on the provider's event stream
// for its activity log and simulator buttons.
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? `avw-demo-a-${params.get('agent') ?? '1001'}`;

await import('/dist/standalone/av-workbench.js').catch((error) => {
  log(`The library bundle did not load (${error.message}). Run \`npm run build\`.`, true);
});
// HttpBackend is its own file in dist/ (the standalone bundle carries only
// the elements); the server builds one from the sources when dist/ is missing.
const { HttpBackend } = await import('/dist/backend/http.js').catch(() => import('/demo/http-backend.js'));

const $ = (id) => document.getElementById(id);
const backend = new HttpBackend({ baseUrl: location.origin, token });
const pageListeners = new Set();

/** The backend the provider gets: the same one, with the page listening to its stream. */
const shared = Object.create(backend);
shared.subscribe = (listener, options = {}) =>
  backend.subscribe(
    (event) => {
      listener(event);
      for (const l of pageListeners) l(event);
    },
    {
      ...options,
      onStatus: (status) => {
        options.onStatus?.(status);
        showConnection(status);
      },
    },
  );

let agent = null;
let call = null;

const CALL_LABELS = {
  ringing: 'ringing',
  connected: 'connected',
  held: 'on hold',
  ended: 'ended',
  'ended-abnormally': 'dropped',
};

function log(message, error = false) {
  const list = document.getElementById('log');
  if (!list) return;
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const text = document.createElement('span');
  text.textContent = message;
  if (error) text.className = 'error';
  item.append(time, text);
  list.prepend(item);
  while (list.children.length > 40) list.lastChild.remove();
}

function showConnection(status) {
  const el = $('conn');
  el.dataset.status = status;
  el.textContent = { connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' }[status] ?? status;
}

const isActive = (c) => c && ['ringing', 'connected', 'held'].includes(c.state);

/** The simulator's buttons follow the agent and the call. */
function showState() {
  const signedIn = agent && agent.state !== 'signed-out';
  $('sim-ring').disabled = !signedIn || isActive(call);
  $('sim-drop').disabled = !isActive(call);
}

async function sim(path, body) {
  const response = await fetch(`/api/v1/sim/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error?.message ?? `HTTP ${response.status}`);
  return data;
}

async function act(label, fn) {
  try {
    const result = await fn();
    if (label) log(label);
    return result;
  } catch (error) {
    log(`${label ?? 'Action'} failed: ${error.message}`, true);
    return null;
  }
}

pageListeners.add((event) => {
  if (event.type === 'agent') {
    if (agent?.state !== event.agent.state) log(`Agent: ${event.agent.state}`);
    agent = event.agent;
  }
  if (event.type === 'call') {
    if (call?.id !== event.call.id || call?.state !== event.call.state) {
      log(`Call ${CALL_LABELS[event.call.state] ?? event.call.state}: ${event.call.customerNumber}`);
    }
    call = event.call;
  }
  if (event.type === 'identity-auth') log(`Identity check ${event.result.status}`);
  showState();
});

$('sim-ring').addEventListener('click', () => act(null, () => sim('calls', { from: $('sim-caller').value })));
$('sim-drop').addEventListener('click', () => act(null, () => sim(`calls/${call.id}/end`, { abnormal: true })));

const provider = $('provider');
const workbench = $('workbench');
provider.backend = shared;
provider.config = { tenantId: 'tenant-a', defaultCountryCode: '86', customerCenter: false, ...screenPopupConfig() };

$('customer-center').addEventListener('change', (e) => {
  workbench.customerCenter = e.target.checked;
  log(`Customer center feature ${e.target.checked ? 'on' : 'off'}`);
});
$('theme').addEventListener('change', (e) => {
  provider.theme = e.target.value;
  document.documentElement.style.colorScheme = e.target.value;
});
$('locale').addEventListener('change', (e) => (provider.locale = e.target.value));

workbench.addEventListener('avw-workbench-opened', (e) => log(`Workbench opened (${e.reason})`));
workbench.addEventListener('avw-workbench-closed', () => log('Workbench closed'));

const [me, current] = await Promise.all([act(null, () => backend.getAgent()), act(null, () => backend.getCurrentCall())]);
agent = me;
call = current;
showState();
$('tenant').textContent = me ? `${me.tenantId === 'tenant-a' ? 'Acme Telecom' : 'Blue Harbor Bank'} · reference demo` : 'reference demo';
if (me) log(`Hello, ${me.name}. ${me.state === 'signed-out' ? 'Sign in on the connection bar to take calls.' : ''}`);

// ---- screen pop-up configuration -----------------------------------------------
// The example tenant pages (demo/tenant/) on a second origin: the server
// answers on 127.0.0.1 as well as localhost, which the browser keeps apart.
// Plain http loads only because both are loopback (development); see
// docs/tenant-pages.md. Opened as http://127.0.0.1:PORT, the demo would share
// the pages' origin and refuse them: use http://localhost:PORT.
function screenPopupConfig() {
  const tenant = `http://127.0.0.1:${location.port}`;
  return {
    trustedOrigins: [tenant],
    screenPopups: [
      { id: 'orders', title: 'Orders', url: `${tenant}/tenant/orders.html`, open: 'embed', grants: ['transcript'] },
      { id: 'sms', title: 'SMS follow-up', url: `${tenant}/tenant/sms.html`, open: 'embed', grants: ['sendNotification'] },
    ],
  };
}
