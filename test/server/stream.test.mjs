import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, TOKENS } from './helpers.mjs';

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

/** Reads one connection of the stream to its end (or `timeout`), returning the event ids and how it ended. */
async function readOnce(since, timeout = 5000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const ids = [];
  let ended = 'cut';
  try {
    const response = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${TOKENS.a2}`, 'last-event-id': String(since) },
      signal: controller.signal,
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (const m of buffer.matchAll(/^id: (\d+)\nevent: (?!ready)/gm)) ids.push(Number(m[1]));
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  } catch (error) {
    if (controller.signal.aborted) ended = 'timeout';
    else if (!/terminated|other side closed|socket/i.test(String(error.cause ?? error))) throw error;
  } finally {
    clearTimeout(timer);
  }
  return { ids, ended };
}

test('a stream cut while it replays its backlog is really closed, and resuming delivers the rest once', async () => {
  for (let i = 0; i < 10; i++) {
    await server.api('/api/v1/agent/sign-in', { method: 'POST', token: TOKENS.a2 });
    await server.api('/api/v1/agent/sign-out', { method: 'POST', token: TOKENS.a2 });
  }
  await server.api('/api/v1/sim/faults', { method: 'POST', token: TOKENS.a2, body: { cutStream: { afterEvents: 5, times: 2 } } });

  // Resume from the last id each connection delivered (events in flight when a
  // connection is cut may not reach the reader; the resume brings them again).
  const endings = [];
  const ids = [];
  for (let i = 0; i < 5 && endings.at(-1) !== 'timeout'; i++) {
    const got = await readOnce(ids.at(-1) ?? 0, 1500);
    endings.push(got.ended);
    ids.push(...got.ids);
  }
  assert.deepEqual(endings, ['cut', 'cut', 'timeout'], 'two cuts, each really closing the connection');
  assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => i + 1), 'every event once, in order');
});
