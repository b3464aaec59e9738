import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isBackendError } from '../../backend/errors.js';
import type { RecordingUrl } from '../../backend/types.js';
import { WorkbenchElement } from '../../internal/workbench-element.js';
import { styles } from './recording-player.styles.js';
import { addEnglish } from '../../localize/registry.js';
import recordingPlayerEn from '../../localize/locales/en/recording-player.js';

addEnglish(recordingPlayerEn);

const RATES = [0.75, 1, 1.25, 1.5, 2] as const;
const SKIP_SECONDS = 5;

/**
 * Plays a contact record's recording. With `recording-id` it asks the backend
 * for a short-lived URL (and asks again when that URL has expired); with `src`
 * it plays that URL. Play/pause, seek, speed and the time are all operable from
 * the keyboard: Space or K plays and pauses, the arrow keys skip five seconds
 * (mirrored right-to-left), Home and End jump to the start and the end.
 *
 * @summary Plays a contact record's recording, with seek, speed and keyboard control.
 * @tag recording-player
 *
 * @csspart base - The player bar.
 * @csspart play - The play/pause button.
 * @csspart seek - The position slider.
 * @csspart time - The current time and duration.
 * @csspart speed - The playback speed selector.
 * @csspart error - The message shown when the recording is missing or cannot be played.
 *
 * @cssprop --avw-recording-player-background - Background of the player bar (defaults to `--avw-color-surface-raised`).
 * @cssprop --avw-color-primary - Slider colour.
 * @cssprop --avw-color-danger - Error text.
 */
export class RecordingPlayer extends WorkbenchElement {
  static override styles = styles;

  /** The recording to play; its URL comes from the backend's `getRecordingUrl`. */
  @property({ attribute: 'recording-id' }) recordingId = '';

  /** A URL to play directly, instead of `recording-id`. */
  @property() src = '';

  /** The clock used to tell whether the recording URL has expired. Tests may replace it. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  /** @internal */
  @state() protected playing = false;
  /** @internal */
  @state() protected position = 0;
  /** @internal */
  @state() protected length = Number.NaN;
  /** @internal */
  @state() protected rate = 1;
  /** @internal */
  @state() protected mediaFailed = false;
  /** @internal */
  @state() protected attempt = 0;

  /** @internal */
  @query('audio') protected audio?: HTMLAudioElement;

  /** Where to continue once a refetched URL has loaded. */
  #resume?: { at: number; play: boolean };
  /** The URL already refetched after a load error, so a broken URL is not fetched forever. */
  #refetchedFor?: RecordingUrl;
  #loadedSource?: RecordingUrl;

  /** @internal */
  protected readonly source = new Task(this, {
    task: async ([backend, recordingId, src], { signal }): Promise<RecordingUrl | null> => {
      if (src) return { url: src, expiresAt: Number.POSITIVE_INFINITY };
      if (!recordingId) return null;
      if (!backend) throw new Error('no-backend');
      return backend.getRecordingUrl(recordingId, { signal });
    },
    args: () => [this.currentBackend, this.recordingId, this.src, this.attempt] as const,
  });

  /** The audio element's current time, in seconds (for hosts and tests). */
  get currentTime(): number {
    return this.audio?.currentTime ?? 0;
  }

  /** Whether the recording is playing. */
  get paused(): boolean {
    return this.audio?.paused ?? true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('recordingId') || changed.has('src')) {
      // Another recording: nothing of the previous one's position carries over.
      this.playing = false;
      this.position = 0;
      this.length = Number.NaN;
      this.mediaFailed = false;
      this.#resume = undefined;
      this.#refetchedFor = undefined;
    }
  }

  protected override updated(): void {
    const value = this.source.value;
    if (value && value !== this.#loadedSource) {
      this.#loadedSource = value;
      // A refetched URL may be the same string; load it again anyway so playback resumes.
      if (this.#resume) this.audio?.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.audio?.pause();
  }

  /** Starts playing, fetching a fresh URL first when the current one has expired. */
  async play(): Promise<void> {
    const audio = this.audio;
    const url = this.source.value;
    if (!audio || !url) return;
    if (url.expiresAt <= this.now()) {
      this.#refetch(true);
      return;
    }
    try {
      await audio.play();
    } catch {
      // A rejected play() (aborted by a new source, or refused) shows through the audio's own error event.
    }
  }

  /** Pauses playback. */
  pause(): void {
    this.audio?.pause();
  }

  /** Moves to `seconds`, within the recording. */
  seek(seconds: number): void {
    const audio = this.audio;
    if (!audio) return;
    const end = Number.isFinite(audio.duration) ? audio.duration : seconds;
    audio.currentTime = Math.min(Math.max(0, seconds), end);
    this.position = audio.currentTime;
  }

  #toggle(): void {
    if (this.paused) void this.play();
    else this.pause();
  }

  #refetch(thenPlay: boolean): void {
    this.#resume = { at: this.audio?.currentTime ?? this.position, play: thenPlay };
    this.mediaFailed = false;
    this.attempt += 1;
  }

  #onLoadedMetadata(): void {
    const audio = this.audio!;
    this.length = audio.duration;
    audio.playbackRate = this.rate;
    const resume = this.#resume;
    this.#resume = undefined;
    if (resume) {
      audio.currentTime = Math.min(resume.at, audio.duration || resume.at);
      if (resume.play) void audio.play().catch(() => undefined);
    }
  }

  #onMediaError(): void {
    const url = this.source.value;
    this.playing = false;
    // An expired URL is refused by the server: ask for a new one, once.
    if (url && url.expiresAt <= this.now() && this.#refetchedFor !== url) {
      this.#refetchedFor = url;
      this.#refetch(this.#resume?.play ?? false);
      return;
    }
    this.mediaFailed = true;
  }

  #onRate(event: Event): void {
    // The select is rendered with the audio element.
    this.audio!.playbackRate = this.rate = Number((event.target as HTMLSelectElement).value);
  }

  #onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (target.localName === 'select') return;
    const rtl = getComputedStyle(this).direction === 'rtl' || this.l10n.dir === 'rtl';
    const audio = this.audio;
    if (!audio || !this.source.value) return;
    switch (event.key) {
      case ' ':
        // A focused button activates itself on Space.
        if (target.localName === 'button') return;
        this.#toggle();
        break;
      case 'k':
      case 'K':
        this.#toggle();
        break;
      case 'ArrowLeft':
        this.seek(audio.currentTime + (rtl ? SKIP_SECONDS : -SKIP_SECONDS));
        break;
      case 'ArrowRight':
        this.seek(audio.currentTime + (rtl ? -SKIP_SECONDS : SKIP_SECONDS));
        break;
      case 'Home':
        this.seek(0);
        break;
      case 'End':
        this.seek(Number.isFinite(audio.duration) ? audio.duration : audio.currentTime);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #renderError(message: string) {
    return html`<div part="error" class="error-box message" role="alert">
      <span>${message}</span>
      <button type="button" @click=${() => {
          this.#refetchedFor = undefined;
          this.#refetch(false);
        }}>${this.l10n.t('common.retry')}</button>
    </div>`;
  }

  #renderPlayer(url: RecordingUrl) {
    const t = this.l10n.t.bind(this.l10n);
    const known = Number.isFinite(this.length);
    const current = this.l10n.duration(this.position * 1000);
    const total = known ? this.l10n.duration(this.length * 1000) : '–:––';
    return html`<audio
        preload="metadata"
        src=${url.url}
        @loadedmetadata=${this.#onLoadedMetadata}
        @durationchange=${() => (this.length = this.audio!.duration)}
        @timeupdate=${() => (this.position = this.audio!.currentTime)}
        @seeked=${() => (this.position = this.audio!.currentTime)}
        @play=${() => (this.playing = true)}
        @pause=${() => (this.playing = false)}
        @ended=${() => (this.playing = false)}
        @error=${this.#onMediaError}
      ></audio>
      <span id="keys" hidden>${t('recordingPlayer.keys')}</span>
      <button part="play" class="play" type="button" aria-keyshortcuts="k Space" aria-describedby="keys" @click=${this.#toggle}>
        <span class="icon" aria-hidden="true">${this.playing ? '❚❚' : '▶'}</span>
        <span>${this.playing ? t('recordingPlayer.pause') : t('recordingPlayer.play')}</span>
      </button>
      <input
        part="seek"
        class="seek"
        type="range"
        min="0"
        max=${known ? this.length : 0}
        step="0.1"
        .value=${live(String(this.position))}
        ?disabled=${!known}
        aria-label=${t('recordingPlayer.seek')}
        aria-valuetext=${t('recordingPlayer.position', { current, total })}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End"
        aria-describedby="keys"
        @input=${(e: Event) => this.seek(Number((e.target as HTMLInputElement).value))}
      />
      <span part="time" class="time" dir="ltr" aria-hidden="true"><time>${current}</time> / <time>${total}</time></span>
      <label part="speed" class="speed">
        ${t('recordingPlayer.speed')}
        <select @change=${this.#onRate}>
          ${RATES.map(
            (r) => html`<option value=${r} ?selected=${r === this.rate}>${t('recordingPlayer.rate', { rate: this.l10n.number(r) })}</option>`,
          )}
        </select>
      </label>
      ${this.mediaFailed ? this.#renderError(t('recordingPlayer.loadFailed')) : nothing}`;
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    const { status, value, error } = this.source;
    // Nothing to play: no recording asked for, or the backend has no URL for it.
    const none = (!this.recordingId && !this.src) || (status === TaskStatus.COMPLETE && !value);
    return html`<div
      part="base"
      role="group"
      aria-label=${t('recordingPlayer.label')}
      dir=${this.l10n.dir}
      aria-busy=${none ? nothing : status === TaskStatus.PENDING}
      @keydown=${this.#onKeydown}
    >
      ${none
        ? html`<span class="state muted">${t('recordingPlayer.none')}</span>`
        : value
          ? // While a fresh URL is fetched the player (and its position) stays.
            this.#renderPlayer(value)
          : status === TaskStatus.ERROR
            ? this.#renderError(
                isBackendError(error) && error.kind === 'not-found' ? t('recordingPlayer.notFound') : this.errorMessage(error),
              )
            : html`<span class="state muted">${t('recordingPlayer.loading')}</span>`}
    </div>`;
  }
}
