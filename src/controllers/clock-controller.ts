import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders its host once a second while `running` is true (a live call timer). */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setInterval>;
  #wanted = false;
  #connected = false;
  /** The clock; tests may replace it. */
  now: () => number = Date.now;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  set running(value: boolean) {
    this.#wanted = value;
    this.#sync();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync();
  }

  #sync(): void {
    const run = this.#wanted && this.#connected;
    // Only a change starts or stops the timer: a host sets `running` on every update.
    if (run !== !!this.#timer) this.#timer = run ? setInterval(() => this.#host.requestUpdate(), 1000) : void clearInterval(this.#timer);
  }
}
