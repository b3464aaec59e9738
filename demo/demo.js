// The demo host page: one agent over the real HttpBackend. The provider and
// the page share one event stream (the page listens in on the provider's).
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? `avw-demo-a-${params.get('agent') ?? '1001'}`;

const library = await import('/dist/standalone/av-workbench.js').catch((error) => {
  log(`The library bundle did not load (${error.message}). Run \`npm run build\`.`, true);
  return {};
});
// HttpBackend is its own file in dist/ (the standalone bundle carries only
// the elements); the server builds one from the sources when dist/ is missing.
const { HttpBackend } = await import('/dist/backend/http.js').catch(() => import('/demo/http-backend.js'));
const { newIdempotencyKey = () => crypto.randomUUID() } = library;

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

const STATE_LABELS = {
  'signed-out': 'Signed out',
  ready: 'Ready',
  busy: 'Busy',
  rest: 'Resting',
  talking: 'Talking',
  'wrap-up': 'Wrap-up',
};
const CALL_LABELS = {
  ringing: 'Ringing',
  connected: 'Connected',
  held: 'On hold',
  ended: 'Ended',
  'ended-abnormally': 'Dropped',
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

function showAgent(next) {
  agent = next;
  if (!agent) return;
  $('agent-name').textContent = agent.name;
  $('agent-work-no').textContent = `No. ${agent.workNo} · ${agent.tenantId}`;
  $('agent-initials').textContent = agent.name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const pill = $('agent-state');
  pill.dataset.state = agent.state;
  pill.textContent = STATE_LABELS[agent.state] ?? agent.state;
  const signedIn = agent.state !== 'signed-out';
  $('sign-in').textContent = signedIn ? 'Sign out' : 'Sign in';
  const select = $('agent-state-select');
  select.disabled = !signedIn || isActive(call);
  const value = agent.state === 'rest' ? `rest:${agent.restReasonId}` : agent.state;
  if ([...select.options].some((o) => o.value === value)) select.value = value;
  showCall(call);
}

const isActive = (c) => c && ['ringing', 'connected', 'held'].includes(c.state);

function showCall(next) {
  call = next;
  const signedIn = agent && agent.state !== 'signed-out';
  const badge = $('call-state');
  badge.dataset.state = call?.state ?? 'none';
  badge.textContent = call ? CALL_LABELS[call.state] : 'Idle';
  $('call-peer').textContent = call ? call.customerNumber : 'No call';
  $('call-detail').textContent = call
    ? `${call.direction === 'inbound' ? `Inbound · ${call.skillQueue ?? 'no queue'}` : 'Outbound call'}${call.muted ? ' · muted' : ''}`
    : signedIn
      ? 'Waiting for a call.'
      : 'Sign in, then simulate a call.';
  $('answer').disabled = !(call?.state === 'ringing' && call.direction === 'inbound');
  $('hold').disabled = !(call?.state === 'connected' || call?.state === 'held');
  $('hold').textContent = call?.state === 'held' ? 'Resume' : 'Hold';
  $('mute').disabled = !(call?.state === 'connected' || call?.state === 'held');
  $('mute').textContent = call?.muted ? 'Unmute' : 'Mute';
  $('hang-up').disabled = !isActive(call);
  $('dial').disabled = !signedIn || isActive(call);
  $('sim-ring').disabled = !signedIn || isActive(call);
  $('sim-drop').disabled = !isActive(call);
  $('callback').hidden = call?.state !== 'ended-abnormally';
  $('agent-state-select').disabled = !signedIn || isActive(call);
  $('welcome').hidden = Boolean(call);
}

/** Runs an action, reporting failures in the activity list instead of throwing. */
async function act(label, fn) {
  try {
    const result = await fn();
    if (label) log(label);
    return result;
  } catch (error) {
    log(`${label ?? 'Action'} failed: ${error.message}${error.field ? ` (${error.field})` : ''}`, true);
    return null;
  }
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

pageListeners.add((event) => {
  if (event.type === 'agent') showAgent(event.agent);
  if (event.type === 'call') {
    const previous = call;
    showCall(event.call);
    if (previous?.id !== event.call.id || previous?.state !== event.call.state) {
      log(`Call ${CALL_LABELS[event.call.state].toLowerCase()}: ${event.call.customerNumber}`);
    }
  }
  if (event.type === 'identity-auth') log(`Identity check ${event.result.status}`);
});

$('sign-in').addEventListener('click', () =>
  agent?.state === 'signed-out' || !agent
    ? act('Signed in', () => backend.signIn()).then((a) => a && showAgent(a))
    : act('Signed out', () => backend.signOut()).then((a) => a && showAgent(a)),
);
$('agent-state-select').addEventListener('change', (e) => {
  const [state, reason] = e.target.value.split(':');
  act(`State: ${STATE_LABELS[state]}`, () => backend.setAgentState(state, reason)).then((a) => a && showAgent(a));
});
$('answer').addEventListener('click', () => act(null, () => backend.answer(call.id)));
$('hold').addEventListener('click', () => act(null, () => (call.state === 'held' ? backend.resume(call.id) : backend.hold(call.id))));
$('mute').addEventListener('click', () => act(call.muted ? 'Unmuted' : 'Muted', () => backend.setMuted(call.id, !call.muted)));
$('hang-up').addEventListener('click', () => act(null, () => backend.hangUp(call.id)));
$('dial').addEventListener('click', () =>
  act(`Dialling ${$('dial-number').value}`, () => backend.dial($('dial-number').value, { idempotencyKey: newIdempotencyKey() })),
);
$('callback').addEventListener('click', () =>
  act('Calling back', () => backend.callback(call.id, { idempotencyKey: newIdempotencyKey() })),
);
$('sim-ring').addEventListener('click', () => act(null, () => sim('calls', { from: $('sim-caller').value })));
$('sim-drop').addEventListener('click', () => act(null, () => sim(`calls/${call.id}/end`, { abnormal: true })));

const provider = $('provider');
provider.backend = shared;
provider.config = { tenantId: 'tenant-a', defaultCountryCode: '86', customerCenter: true };
provider.addEventListener('avw-call-changed', (e) => e.call && showCall(e.call));

const [me, current] = await Promise.all([act(null, () => backend.getAgent()), act(null, () => backend.getCurrentCall())]);
showCall(current);
showAgent(me);
$('tenant').textContent = me ? `${me.tenantId === 'tenant-a' ? 'Acme Telecom' : 'Blue Harbor Bank'} · reference demo` : 'reference demo';
if (me) log(`Hello, ${me.name}. ${me.state === 'signed-out' ? 'Sign in to take calls.' : ''}`);
