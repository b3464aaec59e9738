import { expect } from '@open-wc/testing';
import type { Agent, CallSession } from '../src/context/types.js';
import { POPUP_PARAM_NAMES, buildPopupUrl, checkPopupUrl, popupSandbox, trustedOriginSet } from '../src/util/popup-url.js';
import { sampleCall } from './helpers/fixtures.js';

const policy = { trustedOrigins: ['https://trusted.example', 'https://crm.example.com:8443'], hostOrigin: 'https://workbench.example' };
const agent: Agent = { id: 'a-1', tenantId: 't-1', workNo: '1001', name: 'Lin Wei', state: 'talking' };

function problemOf(url: string, extra: Partial<typeof policy & { allowInsecureLocalhost: boolean }> = {}): string {
  const check = checkPopupUrl(url, { ...policy, ...extra });
  return check.ok ? 'ok' : check.problem;
}

describe('popup-url: which pages load', () => {
  for (const url of [
    'https://trusted.example/orders',
    'https://trusted.example:443/orders?x=1',
    'HTTPS://TRUSTED.EXAMPLE/orders',
    'https://Trusted.Example/Path/Keeps/Case',
    'https://crm.example.com:8443/',
  ]) {
    it(`allows ${url}`, () => expect(problemOf(url)).to.equal('ok'));
  }

  for (const [url, problem] of [
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['blob:https://trusted.example/0b1c', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://trusted.example/', 'scheme'],
    ['//trusted.example/orders', 'invalid-url'],
    ['/orders', 'invalid-url'],
    ['not a url', 'invalid-url'],
    ['', 'invalid-url'],
    ['https://trusted.example@evil.example/', 'credentials'],
    ['https://user:pass@trusted.example/', 'credentials'],
    ['https://user@trusted.example/', 'credentials'],
    ['https://trusted.example.evil.example/', 'untrusted'],
    ['https://eviltrusted.example/', 'untrusted'],
    ['https://evil.example/https://trusted.example', 'untrusted'],
    ['https://trusted.ex\u0430mple/', 'untrusted'],
    ['https://xn--trusted-example/', 'untrusted'],
    ['https://trusted.example./', 'trailing-dot'],
    ['https://trusted.example:444/', 'untrusted'],
    ['https://crm.example.com/', 'untrusted'],
    ['http://trusted.example/', 'insecure'],
    ['wss://trusted.example/', 'scheme'],
    ['https://workbench.example/page', 'same-origin'],
  ] as const) {
    it(`refuses ${JSON.stringify(url)} (${problem})`, () => expect(problemOf(url)).to.equal(problem));
  }

  it('turns an IDN look-alike into punycode, which is not the trusted host', () => {
    const check = checkPopupUrl('https://trusted.ex\u0430mple/', policy);
    expect(check.ok).to.equal(false);
    expect(new URL('https://trusted.ex\u0430mple/').hostname).to.match(/^trusted\.xn--/);
  });

  it('lets http through only on loopback, only in development, and only when trusted', () => {
    const local = { trustedOrigins: ['http://127.0.0.1:8000', 'http://localhost:8000'], hostOrigin: 'https://workbench.example' };
    expect(checkPopupUrl('http://127.0.0.1:8000/p', local)).to.deep.equal({ ok: false, problem: 'insecure' });
    expect(checkPopupUrl('http://127.0.0.1:8000/p', { ...local, allowInsecureLocalhost: true }).ok).to.equal(true);
    expect(checkPopupUrl('http://localhost:8000/p', { ...local, allowInsecureLocalhost: true }).ok).to.equal(true);
    expect(checkPopupUrl('http://127.0.0.1:8001/p', { ...local, allowInsecureLocalhost: true }).ok).to.equal(false);
    const lan = checkPopupUrl('http://192.168.1.5:8000/p', { trustedOrigins: ['http://192.168.1.5:8000'], allowInsecureLocalhost: true });
    expect(lan).to.deep.equal({ ok: false, problem: 'insecure' });
  });

  it('takes a workbench served from loopback for development: trusted loopback pages load over http', () => {
    for (const hostOrigin of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) {
      const dev = { trustedOrigins: ['http://127.0.0.1:9000', 'http://localhost:9000', 'http://192.168.1.5:9000'], hostOrigin };
      expect(checkPopupUrl('http://127.0.0.1:9000/p', dev).ok, hostOrigin).to.equal(true);
      expect(checkPopupUrl('http://localhost:9000/p', dev).ok, hostOrigin).to.equal(true);
      // Still loopback only, still trusted only.
      expect(problemOf('http://192.168.1.5:9000/p', dev)).to.equal('insecure');
      expect(problemOf('http://127.0.0.1:9001/p', dev)).to.equal('untrusted');
    }
    // A look-alike of a loopback host is no loopback host.
    for (const hostOrigin of ['http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'https://evil.example']) {
      expect(problemOf('http://127.0.0.1:9000/p', { trustedOrigins: ['http://127.0.0.1:9000'], hostOrigin }), hostOrigin).to.equal('insecure');
    }
  });

  it('treats letter case, ports and schemes of the trust list exactly', () => {
    const trust = { trustedOrigins: ['https://Trusted.Example'], hostOrigin: 'https://workbench.example' };
    expect(problemOf('https://TRUSTED.example/x', trust)).to.equal('ok');
    expect(problemOf('https://trusted.example:8443/x', trust)).to.equal('untrusted');
    expect(problemOf('http://trusted.example/x', { ...trust, trustedOrigins: ['http://trusted.example'] })).to.equal('insecure');
    expect(problemOf('https://trusted.example/x', { ...trust, trustedOrigins: ['http://trusted.example'] })).to.equal('untrusted');
    expect(problemOf('https://xn--trusted-9za.example/x', trust)).to.equal('untrusted');
    expect(problemOf('https://trusted.example%2eevil.example/x', trust)).to.not.equal('ok');
  });

  it('refuses a page on the host’s own origin even when the tenant trusts it', () => {
    expect(problemOf('https://workbench.example/p', { trustedOrigins: ['https://workbench.example'] })).to.equal('same-origin');
  });

  it('reads trust-list entries as origins, ignoring paths, case and default ports, and dropping junk', () => {
    const set = trustedOriginSet(['HTTPS://Trusted.Example:443/some/path', 'not an origin', 'https://u:p@x.example', 'javascript:alert(1)']);
    expect([...set]).to.deep.equal(['https://trusted.example']);
  });
});

describe('popup-url: the URL a page receives', () => {
  const call: CallSession = sampleCall({
    id: 'call 1/&=?',
    callingNumber: '+8613800138000',
    calledNumber: '4008001234',
    skillQueue: 'Billing & Support / 账单',
    skillQueueId: 'skill-201',
  });

  it('adds every parameter by its exact name, URL-encoded, keeping the page’s own parameters and fragment', () => {
    const href = buildPopupUrl(new URL('https://trusted.example/orders?tenant=acme&lang=en#top'), call, { ...agent, name: 'Lin Wei & co' });
    const url = new URL(href);
    expect(url.origin + url.pathname).to.equal('https://trusted.example/orders');
    expect(url.hash).to.equal('#top');
    expect(url.searchParams.get('tenant')).to.equal('acme');
    expect(url.searchParams.get('lang')).to.equal('en');
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => (POPUP_PARAM_NAMES as readonly string[]).includes(k)))).to.deep.equal({
      callerNum: '+8613800138000',
      calledNum: '4008001234',
      callid: 'call 1/&=?',
      mediaType: '1',
      callType: '0',
      workNo: '1001',
      callskill: 'Billing & Support / 账单',
      callskillid: 'skill-201',
      agentName: 'Lin Wei & co',
    });
    // Encoded, so a value can never add a parameter of its own.
    expect(href).to.contain('callerNum=%2B8613800138000');
    expect(href).to.contain('callid=call+1%2F%26%3D%3F');
    expect(href).not.to.contain('&co');
  });

  it('numbers media and direction as the pages expect: 1 voice/video, 5 multimedia; 0 inbound, 1 outbound', () => {
    const param = (c: CallSession, name: string) => new URL(buildPopupUrl(new URL('https://trusted.example/'), c, agent)).searchParams.get(name);
    expect(param(sampleCall({ mediaType: 'video' }), 'mediaType')).to.equal('1');
    expect(param(sampleCall({ mediaType: 'multimedia' }), 'mediaType')).to.equal('5');
    expect(param(sampleCall({ direction: 'outbound' }), 'callType')).to.equal('1');
  });

  it('replaces a same-named parameter the page was configured with', () => {
    const url = new URL(buildPopupUrl(new URL('https://trusted.example/?callid=stale&callid=again'), call, agent));
    expect(url.searchParams.getAll('callid')).to.deep.equal(['call 1/&=?']);
  });

  it('sends every name, empty, when there is no call', () => {
    const url = new URL(buildPopupUrl(new URL('https://trusted.example/'), null, null));
    expect([...url.searchParams.keys()]).to.deep.equal([...POPUP_PARAM_NAMES]);
    expect([...url.searchParams.values()].every((v) => v === '')).to.equal(true);
  });

  it('sandboxes with the least a cross-origin page needs', () => {
    expect(popupSandbox(false)).to.equal('allow-scripts allow-forms allow-same-origin');
    expect(popupSandbox(true)).to.equal('allow-scripts allow-forms allow-same-origin allow-popups');
  });
});
