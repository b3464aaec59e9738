import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import type { RecordingPlayer } from '../src/components/recording-player/recording-player.js';
import '../src/define/recording-player.js';
import { shadow, text, until } from './helpers/fixtures.js';

const SAMPLE = '/demo/assets/sample-recording.wav';

function backendWith(url: (id: string) => string | null = () => SAMPLE): MemoryBackend {
  return new MemoryBackend({ recordingUrl: url });
}

async function ready(el: RecordingPlayer): Promise<HTMLAudioElement> {
  await until(() => !!shadow(el, 'audio'), 'audio rendered');
  const audio = shadow(el, 'audio') as HTMLAudioElement;
  await until(() => Number.isFinite(audio.duration) && audio.duration > 0, 'metadata loaded', 5000);
  await el.updateComplete;
  return audio;
}

/**
 * The test server answers without Range support, so Chromium can seek only
 * once the whole file is buffered (the reference server supports Range).
 */
async function seekable(audio: HTMLAudioElement): Promise<void> {
  audio.preload = 'auto';
  await until(() => audio.seekable.length > 0 && audio.seekable.end(0) >= audio.duration - 0.05, 'seekable', 8000);
}

function key(_el: RecordingPlayer, target: Element, k: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
}

describe('<recording-player>', () => {
  it('fetches the URL for recording-id and plays the real file: time advances', async () => {
    const backend = backendWith();
    const el = await fixture<RecordingPlayer>(html`<recording-player recording-id="rec-1" .backend=${backend}></recording-player>`);
    const audio = await ready(el);
    expect(backend.calls.filter((c) => c.method === 'getRecordingUrl').map((c) => c.args[0])).to.deep.equal(['rec-1']);
    expect(audio.getAttribute('src')).to.equal(SAMPLE);
    expect(text(shadow(el, '[part=time]'))).to.equal('0:00 / 0:06');
    await expect(el).to.be.accessible();
    (shadow(el, '[part=play]') as HTMLButtonElement).click();
    // Generous (the test's own limit is 10 s): on a loaded machine the audio clock can start late.
    await until(() => audio.currentTime > 0.3, 'currentTime advances', 7_000);
    await el.updateComplete;
    expect(text(shadow(el, '[part=play]'))).to.equal('❚❚ Pause');
    (shadow(el, '[part=play]') as HTMLButtonElement).click();
    await until(() => text(shadow(el, '[part=play]')) === '▶ Play', 'the button offers Play again');
    expect(audio.paused).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('seeks with the slider and reports the position in words', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player src=${SAMPLE}></recording-player>`);
    const audio = await ready(el);
    await seekable(audio);
    const slider = shadow(el, '[part=seek]') as HTMLInputElement;
    slider.value = '5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(audio.currentTime).to.be.closeTo(5, 0.05);
    expect(slider.getAttribute('aria-valuetext')).to.equal('0:05 of 0:06');
  });

  it('changes the speed', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player src=${SAMPLE}></recording-player>`);
    const audio = await ready(el);
    const select = shadow(el, 'select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['0.75×', '1×', '1.25×', '1.5×', '2×']);
    select.value = '1.5';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(audio.playbackRate).to.equal(1.5);
  });

  it('is operable from the keyboard: K, arrows (mirrored in RTL), Home, End', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player src=${SAMPLE}></recording-player>`);
    const audio = await ready(el);
    await seekable(audio);
    const slider = shadow(el, '[part=seek]')!;
    key(el, slider, 'ArrowRight');
    expect(audio.currentTime).to.be.closeTo(5, 0.05);
    key(el, slider, 'ArrowLeft');
    expect(audio.currentTime).to.be.closeTo(0, 0.05);
    key(el, slider, 'End');
    expect(audio.currentTime).to.be.closeTo(audio.duration, 0.05);
    key(el, slider, 'Home');
    expect(audio.currentTime).to.equal(0);
    key(el, slider, 'k');
    await until(() => !audio.paused, 'K plays');
    key(el, slider, ' ');
    await until(() => audio.paused, 'Space pauses');
    el.setAttribute('dir', 'rtl');
    audio.currentTime = 0;
    key(el, slider, 'ArrowLeft');
    expect(audio.currentTime).to.be.closeTo(5, 0.05);
  });

  it('describes its keys to keyboard and screen-reader users on the play button and the slider', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player src=${SAMPLE}></recording-player>`);
    await ready(el);
    for (const part of ['play', 'seek']) {
      const id = shadow(el, `[part=${part}]`)!.getAttribute('aria-describedby');
      expect(id, `${part} is described`).to.be.a('string');
      expect(text(el.shadowRoot!.getElementById(id!)!)).to.equal(
        'Space or K plays and pauses; the arrow keys skip 5 seconds; Home and End jump to the start and end.',
      );
    }
    await expect(el).to.be.accessible();
  });

  it('says so when the backend has no such recording, with Retry', async () => {
    const backend = backendWith(() => null);
    const el = await fixture<RecordingPlayer>(html`<recording-player recording-id="rec-missing" .backend=${backend}></recording-player>`);
    await until(() => !!shadow(el, '[role=alert]'), 'error shown');
    expect(text(shadow(el, '[role=alert]'))).to.contain('This recording is not available.');
    expect(shadow(el, 'audio')).to.equal(null);
    await expect(el).to.be.accessible();
    (shadow(el, '[role=alert] button') as HTMLButtonElement).click();
    await until(() => backend.calls.filter((c) => c.method === 'getRecordingUrl').length === 2, 'retry asks again');
  });

  it('says so when the URL answers 404', async () => {
    const backend = backendWith(() => '/demo/assets/no-such-recording.wav');
    const el = await fixture<RecordingPlayer>(html`<recording-player recording-id="rec-1" .backend=${backend}></recording-player>`);
    await until(() => !!shadow(el, '[part=error]'), 'load error shown', 5000);
    expect(text(shadow(el, '[part=error]'))).to.contain('The recording could not be played.');
    await expect(el).to.be.accessible();
  });

  it('fetches a fresh URL when the old one has expired, and keeps playing', async () => {
    let clock = Date.now();
    const backend = new MemoryBackend({ recordingUrl: () => SAMPLE, now: () => clock });
    const el = await fixture<RecordingPlayer>(
      html`<recording-player recording-id="rec-1" .backend=${backend} .now=${() => clock}></recording-player>`,
    );
    await ready(el);
    clock += 10 * 60 * 1000;
    await el.play();
    await until(() => backend.calls.filter((c) => c.method === 'getRecordingUrl').length === 2, 'refetched');
    await until(() => !el.paused && el.currentTime > 0.1, 'plays after refetch', 5000);
    el.pause();
  });

  it('shows nothing to play without a recording, and an empty state is accessible', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player></recording-player>`);
    expect(text(shadow(el, '[part=base]'))).to.equal('No recording.');
    await expect(el).to.be.accessible();
  });

  it('renders in Simplified Chinese', async () => {
    const el = await fixture<RecordingPlayer>(html`<recording-player lang="zh-CN" src=${SAMPLE}></recording-player>`);
    await ready(el);
    await until(() => text(shadow(el, '[part=play]')).includes('播放'), 'zh-CN loads');
    await expect(el).to.be.accessible();
  });
});
