// The benchmark's in-page half: builds the element with a hand-driven event
// hub, fills it, then times updates. Serialized into the bench page as is.

function inPage() {
  const CALL = Object.freeze({
    id: 'bench-call',
    mediaType: 'voice',
    direction: 'inbound',
    state: 'connected',
    callingNumber: '+8613800138000',
    calledNumber: '4008001234',
    customerNumber: '+8613800138000',
    startTime: Date.now() - 7_200_000,
    twoParty: true,
    asrEnabled: true,
  });
  const TEXTS = [
    'Good morning, thank you for calling customer care. How can I help you today?',
    'I was charged twice for my last bill and I would like a refund for one of them.',
    'May I have the account holder’s full name, please?',
    'Zhang Min.',
    '好的，我等一下。',
    '找到了，第二笔是重复扣款。我现在为您申请退款，通常需要三到五个工作日到账。',
    'Okay.',
    'It usually takes three to five working days for the refund to reach your card, and I will send you an SMS as soon as it is done, so you do not need to call again.',
  ];
  const listeners = new Set();
  const hub = {
    status: 'open',
    lastSeq: 0,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    onStatus: () => () => undefined,
    transcript: () => [],
  };
  let el;
  let next = 0;

  function segment(i, final = true, cut = 1) {
    const text = TEXTS[(i * 7) % TEXTS.length];
    return {
      id: `seg-${i}`,
      speaker: i % 3 === 1 ? 'agent' : 'customer',
      text: final ? text : text.slice(0, Math.max(1, Math.ceil(text.length * cut))),
      offsetMs: i * 1300,
      final,
    };
  }

  function push(seg) {
    const event = { seq: ++hub.lastSeq, type: 'transcript', callId: CALL.id, segment: seg };
    for (const listener of listeners) listener(event);
  }

  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  /** Runs after the current frame's style, layout and paint. */
  const afterFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });

  window.benchSetup = async (size, virtualize) => {
    el = document.createElement('realtime-transfer');
    el.virtualize = virtualize;
    el.call = CALL;
    el.eventHub = hub;
    document.body.append(el);
    await el.updateComplete;
    const start = performance.now();
    for (let i = 0; i < size; i++) push(segment(i));
    next = size;
    await el.updateComplete;
    await frame();
    await afterFrame();
    const fill = performance.now() - start;
    // Let the first paint and any deferred work finish before timing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return fill;
  };

  /** The u-th update of the mix: a line arrives as a partial, grows, then turns final (a third each). */
  function update(u) {
    const step = u % 3;
    return step === 0 ? segment(next, false, 0.3) : step === 1 ? segment(next, false, 0.7) : segment(next++, true);
  }

  /** Untimed updates first, so that the timed ones measure the element and not the JIT warming up. */
  window.benchWarmUp = async (updates) => {
    for (let u = 0; u < updates; u++) {
      push(update(u));
      await el.updateComplete;
      await frame();
      await afterFrame();
    }
  };

  /**
   * What this browser on this machine charges for any visual change, outside
   * the element, timed exactly as an update is. `text`: one text node changes
   * elsewhere on the page. `plain`: the least a transcript update can be, no
   * Lit and no element: a plain scroller of 24 paragraphs where a line grows
   * or a new one replaces the oldest, then the scroller goes to the bottom.
   * The element cannot cost less than these.
   */
  window.benchControl = async (kind, updates) => {
    const host = document.createElement('div');
    host.style.cssText = 'block-size:22rem;overflow-y:auto;inline-size:688px;font:14px/1.5 system-ui,sans-serif';
    document.body.append(host);
    const line = (i) => {
      const p = document.createElement('p');
      p.textContent = TEXTS[(i * 7) % TEXTS.length];
      return p;
    };
    if (kind === 'plain') for (let i = 0; i < 24; i++) host.append(line(i));
    else host.textContent = 'idle';
    host.scrollTop = host.scrollHeight;
    await frame();
    await afterFrame();
    const times = [];
    for (let u = 0; u < updates; u++) {
      await frame();
      await afterFrame();
      const t0 = performance.now();
      if (kind === 'text') host.firstChild.data = `update ${u}`;
      else if (u % 3 === 0) {
        host.firstElementChild.remove();
        host.append(line(u));
      } else host.lastElementChild.textContent = TEXTS[(u * 5) % TEXTS.length].slice(0, 20 + u % 60);
      if (kind === 'plain') host.scrollTop = host.scrollHeight;
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      const t3 = await afterFrame();
      times.push(t1 - t0 + (t3 - t2));
    }
    host.remove();
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { updates: times.length, median: at(0.5), p95: at(0.95), max: times[times.length - 1] };
  };

  /** Times up to `updates` updates, stopping early after `budgetMs` (the naive list at 20,000 is slow). */
  window.benchRun = async (updates, budgetMs = Infinity) => {
    const began = performance.now();
    const times = [];
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    for (let u = 0; u < updates && performance.now() - began < budgetMs; u++) {
      const seg = update(u);
      // Start in a task after a rendered frame, so the next frame renders this change.
      await frame();
      await afterFrame();
      const t0 = performance.now();
      push(seg);
      await el.updateComplete;
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      const t3 = await afterFrame();
      times.push(t1 - t0 + (t3 - t2));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    let domNodes = 1;
    const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) domNodes++;
    return {
      updates: times.length,
      median: at(0.5),
      p95: at(0.95),
      max: times[times.length - 1],
      longTasks: longTasks.filter((d) => d > 50).length,
      longestTask: Math.max(0, ...longTasks),
      domNodes,
    };
  };
}

export const pageScript = `(${inPage.toString()})();`;
