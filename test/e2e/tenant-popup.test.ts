import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { newIdempotencyKey } from '../../src/backend/errors.js';
import type { ScreenPopup } from '../../src/components/screen-popup/screen-popup.js';
import type { WorkbenchProvider } from '../../src/components/workbench-provider/workbench-provider.js';
import type { ScreenPopupPage } from '../../src/context/types.js';
import '../../src/define/all.js';
import { api, e2eEnv, newAgent, until } from './server.js';

/*
 * The workbench is this test page (http://localhost:<runner port>); the tenant
 * pages are demo/tenant/*.html as the reference server serves them from
 * http://127.0.0.1:<server port>: another origin, plain HTML and the
 * standalone bundle only. The test cannot script into that frame (nor can
 * the workbench); it reads it through the browser, as an agent would see it.
 */

interface FrameView {
  readonly status?: string;
  readonly callId: string | null;
  readonly callState: string | null;
  readonly lang: string | null;
  readonly theme?: string;
  readonly callMessage: string;
  readonly customer: string;
  readonly transcript: readonly string[];
  readonly search: string;
}

const VIEW = `(() => {
  const t = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const bridge = document.querySelector('workbench-frame-bridge');
  const root = (tag) => document.querySelector(tag)?.shadowRoot;
  return {
    status: bridge?.status,
    callId: bridge?.call?.id ?? null,
    callState: bridge?.call?.state ?? null,
    lang: bridge?.getAttribute('lang') ?? null,
    theme: bridge?.theme,
    callMessage: t(root('call-message')),
    customer: t(root('customer-info')),
    transcript: [...(root('realtime-transfer')?.querySelectorAll('p.text') ?? [])].map(t),
    search: location.search,
  };
})()`;

async function inFrame<T>(urlPrefix: string, expression: string): Promise<T | undefined> {
  const r = (await executeServerCommand('avw-frame-eval', { urlPrefix, expression })) as { value?: T; missing?: boolean };
  return r.missing ? undefined : r.value;
}

/** Polls the frame's view until `check` holds. */
async function untilFrame(urlPrefix: string, check: (v: FrameView) => boolean, message: string): Promise<FrameView> {
  let last: FrameView | undefined;
  await until(async () => {
    last = await inFrame<FrameView>(urlPrefix, VIEW);
    return !!last && check(last);
  }, `${message} (last: ${JSON.stringify(last)})`);
  return last!;
}

describe('a tenant pop-up page on a second origin, served by the reference server', () => {
  it('follows the call live, performs a granted operation and is refused one it is not granted', async () => {
    const { baseUrl } = await e2eEnv();
    const tenant = new URL(baseUrl).origin;
    expect(new URL(tenant).hostname).to.equal('127.0.0.1');
    expect(location.hostname).to.equal('localhost');
    const { token } = await newAgent('Tenant Pages');
    const backend = new HttpBackend({ baseUrl, token });
    await backend.signIn();

    const orders = `${tenant}/tenant/orders.html`;
    const sms = `${tenant}/tenant/sms.html`;
    const pages: ScreenPopupPage[] = [
      { id: 'orders', title: 'Orders', url: orders, open: 'embed', grants: ['transcript'] },
      { id: 'sms', title: 'SMS', url: sms, open: 'embed', grants: ['sendNotification'] },
    ];
    const provider = await fixture<WorkbenchProvider>(
      html`<workbench-provider .backend=${backend} .config=${{ trustedOrigins: [tenant], screenPopups: pages }}>
        <screen-popup style="--avw-screen-popup-frame-height: 900px"></screen-popup>
      </workbench-provider>`,
    );
    const popup = provider.querySelector<ScreenPopup>('screen-popup')!;
    await until(() => provider.agent?.state === 'ready', 'the signed-in agent');

    // Before any call: the page connects and has no call.
    const idle = await untilFrame(orders, (v) => v.status === 'connected', 'the orders page connected');
    expect(idle.callId).to.equal(null);

    // A new call from the simulator reaches the page: in its URL and through the bridge.
    const rung = await api<{ id: string }>(token, '/api/v1/sim/calls', { body: { transcriptRate: 100, transcriptCount: 4 } });
    await until(() => provider.call?.id === rung.id, 'the ringing call in the workbench');
    const ringing = await untilFrame(orders, (v) => v.callId === rung.id, 'the new call in the orders page');
    expect(new URLSearchParams(ringing.search).get('callid')).to.equal(rung.id);
    expect(new URLSearchParams(ringing.search).get('callType')).to.equal('0');

    await backend.answer(rung.id);
    const connected = await untilFrame(orders, (v) => v.callState === 'connected' && v.customer.includes('Zhang Min'), 'the customer in the orders page');
    expect(connected.callMessage).to.include('+8613800138000');
    // The page is granted the transcript: <realtime-transfer> inside it shows the call's lines.
    await untilFrame(orders, (v) => v.transcript.length >= 2, 'transcript lines in the orders page');

    // A customer change in the workbench follows.
    await backend.setHandledNumber(rung.id, '+86 139 1111 2222', { idempotencyKey: newIdempotencyKey() });
    await untilFrame(orders, (v) => v.customer.includes('Chen Jie'), 'the new customer in the orders page');

    // Not granted: the orders page (read-only) tries to change the handled number through its panel.
    const refusal = await inFrame<string>(
      orders,
      `(async () => {
        const el = document.querySelector('call-message');
        await el.updateComplete;
        el.shadowRoot.querySelector('button.edit').click();
        await el.updateComplete;
        const input = el.shadowRoot.querySelector('#handled-input');
        input.value = '+8613500135000';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        el.shadowRoot.querySelector('form').requestSubmit();
        for (let i = 0; i < 500; i++) {
          await new Promise((r) => setTimeout(r, 10));
          const box = el.shadowRoot.querySelector('.error-box');
          if (box) return box.textContent.replace(/\\s+/g, ' ').trim();
        }
        return 'no error shown';
      })()`,
    );
    expect(refusal).to.include('You are not allowed to do this.');
    const after = await api<{ handledNumber?: string }>(token, '/api/v1/calls/current');
    expect(after.handledNumber).to.equal('+8613911112222');

    // The locale set at the top reaches the open frame.
    provider.locale = 'zh-CN';
    await untilFrame(orders, (v) => v.lang === 'zh-CN' && v.callMessage.includes('通话信息'), 'the orders page in Simplified Chinese');
    provider.locale = 'en';

    // Granted: the SMS page sends through its own panel, and the server has the message.
    popup.shadowRoot!.querySelector<HTMLElement>('#tab-1')!.click();
    await untilFrame(sms, (v) => v.status === 'connected' && v.callId === rung.id, 'the SMS page connected');
    const sendResult = await inFrame<string>(
      sms,
      `(async () => {
        const el = document.querySelector('notify-sms');
        await el.updateComplete;
        const root = el.shadowRoot;
        const set = (id, value) => {
          const field = root.getElementById(id);
          field.value = value;
          field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        };
        set('recipient', '+8613911112222');
        set('body', 'Your refund is on its way.');
        await el.updateComplete;
        root.querySelector('button.send').click();
        for (let i = 0; i < 500; i++) {
          await new Promise((r) => setTimeout(r, 10));
          if (root.querySelector('[role=alert]')) return 'alert: ' + root.querySelector('[role=alert]').textContent.trim();
          if (!root.querySelector('button.send[aria-busy=true]') && el.sent) return 'sent';
        }
        return 'timeout';
      })()`,
    );
    expect(sendResult).to.equal('sent');
    const records = await api<Array<{ text: string; recipient: string; channel: string }>>(token, `/api/v1/message-records?callId=${encodeURIComponent(rung.id)}`);
    const sent = records.find((r) => r.text === 'Your refund is on its way.');
    expect(sent?.channel).to.equal('sms');
    expect(sent?.recipient).to.equal('+8613911112222');

    // Hang-up shows in the (still loaded) orders page; the next call replaces it.
    await backend.hangUp(rung.id);
    await untilFrame(orders, (v) => v.callState === 'ended', 'the ended call in the orders page');
    const next = await api<{ id: string }>(token, '/api/v1/sim/calls', { body: {} });
    await untilFrame(orders, (v) => v.callId === next.id && v.callState === 'ringing', 'the next call in the orders page');
    await backend.hangUp(next.id);
    await expect(popup).to.be.accessible();
  });
});
