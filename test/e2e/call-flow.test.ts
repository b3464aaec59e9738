import { expect, fixture, html } from '@open-wc/testing';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { BackendError, newIdempotencyKey } from '../../src/backend/errors.js';
import type { WorkbenchProvider } from '../../src/components/workbench-provider/workbench-provider.js';
import '../../src/define/all.js';
import { api, e2eEnv, newAgent, until } from './server.js';

const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('a whole call over HttpBackend', () => {
  it('reaches <workbench-provider> and <call-message>: ring, answer, handled number, reason, hang up', async () => {
    const { baseUrl } = await e2eEnv();
    const { token } = await newAgent('Call Flow');
    const backend = new HttpBackend({ baseUrl, token });
    await backend.signIn();

    const provider = await fixture<WorkbenchProvider>(
      html`<workbench-provider .backend=${backend}><call-message></call-message></workbench-provider>`,
    );
    const message = provider.querySelector('call-message')!;
    await until(() => provider.agent?.state === 'ready', 'the signed-in agent');

    const rung = await api<{ id: string }>(token, '/api/v1/sim/calls', { body: { transcriptRate: 100, transcriptCount: 6 } });
    await until(() => provider.call?.id === rung.id && provider.call.state === 'ringing', 'the ringing call');

    await backend.answer(rung.id);
    await until(() => provider.call?.state === 'connected', 'the connected call');
    await until(() => provider.customer?.name === 'Zhang Min', 'the customer lookup');
    await until(() => shadowText(message).includes('+8613800138000'), 'the calling number in <call-message>');
    expect(shadowText(message)).to.include('Billing Support');
    expect(provider.agent?.state).to.equal('talking');

    const updated = await backend.setHandledNumber(rung.id, '+86 139 1111 2222', { idempotencyKey: newIdempotencyKey() });
    expect(updated.handledNumber).to.equal('+8613911112222');
    await until(() => provider.call?.handledNumber === '+8613911112222', 'the handled number');
    await until(() => provider.customer?.name === 'Chen Jie', 'the customer of the handled number');

    const saved = await backend.saveCallReason(
      rung.id,
      { reasonIds: ['billing-payment-refund'], remarks: 'Refund of the duplicate charge requested.' },
      { idempotencyKey: newIdempotencyKey() },
    );
    expect(saved.reasonIds).to.deep.equal(['billing-payment-refund']);
    expect(await backend.getCallReason(rung.id)).to.deep.equal(saved);
    expect((await backend.getIdentifiedReason(rung.id))?.path).to.deep.equal(['Billing', 'Payment', 'Refund request']);

    const auth = await backend.startIdentityAuth(rung.id, 'auth-pin', { idempotencyKey: newIdempotencyKey() });
    await until(() => provider.identityAuth?.id === auth.id && provider.identityAuth.status === 'pass', 'the identity check to pass');

    await backend.hangUp(rung.id);
    await until(() => provider.call?.state === 'ended', 'the ended call');
    await until(() => provider.agent?.state === 'wrap-up', 'wrap-up');

    const records = await backend.listContactRecords({ number: '+8613911112222', limit: 5 });
    const record = records.items.find((r) => r.callId === rung.id);
    expect(record?.remarks).to.equal('Refund of the duplicate charge requested.');
    expect(record?.reasonPath).to.deep.equal(['Billing', 'Payment', 'Refund request']);
    await expect(message).to.be.accessible();
  });

  it('maps server errors to BackendError with kind, field and code', async () => {
    const { baseUrl } = await e2eEnv();
    const { token } = await newAgent('Errors');
    const backend = new HttpBackend({ baseUrl, token });
    const error = await backend.dial('12ab', { idempotencyKey: newIdempotencyKey() }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BackendError);
    expect((error as BackendError).kind).to.equal('validation');
    expect((error as BackendError).field).to.equal('number');
    expect((error as BackendError).code).to.equal('invalid-characters');
    expect(await backend.getCustomer('tb-cust-1')).to.equal(null);
    const notSignedIn = await backend.dial('+8613800138000', { idempotencyKey: newIdempotencyKey() }).catch((e: unknown) => e);
    expect((notSignedIn as BackendError).kind).to.equal('conflict');
    const controller = new AbortController();
    const pending = backend.listContactRecords({ number: '+8613800138000' }, { signal: controller.signal });
    controller.abort();
    const aborted = await pending.catch((e: unknown) => e);
    expect((aborted as BackendError).kind).to.equal('aborted');
  });

  it('plays a recording from its short-lived URL in <audio>, without credentials', async () => {
    const { baseUrl, adminToken } = await e2eEnv();
    const backend = new HttpBackend({ baseUrl, token: adminToken });
    const { url, expiresAt } = await backend.getRecordingUrl('rec-cr-1');
    expect(expiresAt).to.be.greaterThan(Date.now());
    const audio = new Audio();
    audio.muted = true;
    const loaded = new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error('the recording did not load')), { once: true });
    });
    audio.src = url;
    await loaded;
    expect(audio.duration).to.be.within(5, 9);
    await audio.play();
    await until(() => audio.currentTime > 0.2, 'playback to advance', 5000);
    audio.pause();
  });
});
