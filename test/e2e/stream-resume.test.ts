import { expect } from '@open-wc/testing';
import { HttpBackend } from '../../src/backend/http-backend.js';
import type { StreamStatus, TranscriptSegment, WorkbenchEvent } from '../../src/backend/types.js';
import { api, e2eEnv, newAgent, until } from './server.js';

interface ProducedEvent {
  readonly seq: number;
  readonly segment: TranscriptSegment;
}

describe('the event stream over HttpBackend', () => {
  it('is cut 5 times during a 500-segment call and the page gets exactly what the server produced', async () => {
    const { baseUrl } = await e2eEnv();
    const { token } = await newAgent('Stream Resume');
    const backend = new HttpBackend({ baseUrl, token });
    await backend.signIn();

    const received: WorkbenchEvent[] = [];
    const statuses: StreamStatus[] = [];
    const subscription = backend.subscribe((event) => received.push(event), { onStatus: (s) => statuses.push(s) });
    await until(() => statuses.includes('open'), 'the stream to open');

    await api(token, '/api/v1/sim/faults', { body: { cutStream: { afterEvents: 80, times: 5 } } });
    const call = await api<{ id: string }>(token, '/api/v1/sim/calls', { body: { transcriptRate: 250, transcriptCount: 500 } });
    await backend.answer(call.id);

    const produced: ProducedEvent[] = await until(async () => {
      const log = await api<{ running: boolean; events: ProducedEvent[] }>(token, `/api/v1/sim/calls/${call.id}/transcript`);
      return log.events.length === 500 && !log.running ? log.events : null;
    }, 'the server to produce 500 segments').then((events) => events!);
    const mine = () =>
      received.flatMap((e) => (e.type === 'transcript' && e.callId === call.id ? [{ seq: e.seq, segment: e.segment }] : []));
    await until(() => mine().length >= 500, 'the page to receive 500 segments').catch((error: Error) => {
      const seqs = received.map((e) => e.seq);
      throw new Error(`${error.message}: got ${mine().length}, statuses ${statuses.join(' ')}, seqs ${seqs[0]}..${seqs.at(-1)} (${seqs.length})`);
    });
    await new Promise((r) => setTimeout(r, 200));

    // No gap, no duplicate, same order, same content.
    expect(mine()).to.deep.equal(produced);
    const seqs = received.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i], `event ${i}`).to.equal(seqs[i - 1]! + 1);
    expect(statuses.filter((s) => s === 'reconnecting')).to.have.length(5);
    // And the server made all five cuts.
    expect((await api<{ cutStream: unknown }>(token, '/api/v1/sim/faults', { body: {} })).cutStream).to.equal(null);
    expect(statuses.at(-1)).to.equal('open');
    // Partials and their finals share an id; both speakers; some Chinese.
    const finals = produced.filter((e) => e.segment.final).map((e) => e.segment);
    expect(new Set(finals.map((s) => s.speaker)).size).to.equal(2);
    expect(finals.some((s) => /[\u4e00-\u9fff]/.test(s.text))).to.equal(true);

    subscription.close();
    expect(statuses.at(-1)).to.equal('closed');
  });

  it('resumes from `since` without doubling what the caller already has', async () => {
    const { baseUrl } = await e2eEnv();
    const { token } = await newAgent('Since');
    const backend = new HttpBackend({ baseUrl, token });
    await backend.signIn();
    await backend.signOut();
    await backend.signIn();
    const events: WorkbenchEvent[] = [];
    const subscription = backend.subscribe((e) => events.push(e), { since: 1 });
    await until(() => events.length === 2, 'two events after seq 1');
    expect(events.map((e) => e.seq)).to.deep.equal([2, 3]);
    expect(events.map((e) => (e.type === 'agent' ? e.agent.state : ''))).to.deep.equal(['signed-out', 'ready']);
    subscription.close();
  });
});
