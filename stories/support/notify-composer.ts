import type { StoryObj } from '@storybook/web-components-vite';
import { html, literal } from 'lit/static-html.js';
import type { LitElement } from 'lit';
import type { BackendMethod } from '../../src/backend/memory-backend.js';
import type { WorkbenchLimits } from '../../src/context/types.js';
import { storyBackend, storyCall } from './story-data.js';

/** The three composers, and the prefix of their story calls' ids. */
const COMPOSERS = {
  'notify-sms': { name: literal`notify-sms`, callPrefix: 'sms' },
  'notify-email': { name: literal`notify-email`, callPrefix: 'email' },
  'notify-whatsapp': { name: literal`notify-whatsapp`, callPrefix: 'wa' },
};

export type NotifyTag = keyof typeof COMPOSERS;

export interface ComposerOptions {
  hang?: BackendMethod[];
  fail?: BackendMethod[];
  /** `false`: no call in progress. */
  call?: boolean;
  /** `false`: the tenant has no templates. */
  templates?: boolean;
  limits?: Partial<WorkbenchLimits>;
}

/**
 * The story helpers of one composer: `composer(story, options)` renders it,
 * `fill(fields)` is a play function that fills it in, and `states(template)`
 * gives the stories every composer has, sending `template`.
 */
export function notifyStoryKit(tag: NotifyTag) {
  const { name, callPrefix } = COMPOSERS[tag];

  /**
   * Each story has a call of its own: the composer keeps drafts per call in
   * sessionStorage, and one story's typing must not show up in another.
   */
  function composer(story: string, options: ComposerOptions = {}) {
    const backend = storyBackend({ hang: options.hang, fail: options.fail });
    if (options.templates === false) backend.templates = [];
    const call = options.call === false ? null : storyCall({ id: `call-story-${callPrefix}-${story}` });
    const config = { tenantId: 'storybook', defaultCountryCode: '86', ...(options.limits ? { limits: options.limits } : {}) };
    return html`<${name}
      .call=${call}
      .agent=${backend.agent}
      .customer=${backend.customers[0]}
      .backend=${backend}
      .config=${config}
    ></${name}>`;
  }

  async function ready(canvas: HTMLElement): Promise<LitElement> {
    const el = canvas.querySelector<LitElement>(tag)!;
    for (let i = 0; i < 100 && el.shadowRoot?.querySelector('[part=templates][data-state=loading]'); i++) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    return el;
  }

  /**
   * A play function that fills `fields` (by id, in order) once the templates
   * have settled, as an agent would, and then presses Send if asked.
   */
  function fill(fields: Record<string, string>, options: { send?: boolean } = {}): NonNullable<StoryObj['play']> {
    return async ({ canvasElement }) => {
      const el = await ready(canvasElement);
      for (const [id, value] of Object.entries(fields)) {
        set(el, id, value, id === 'template' ? 'change' : 'input');
        // A chosen template brings its own fields (WhatsApp's parameters): let them render first.
        await el.updateComplete;
      }
      if (options.send) await send(el);
    };
  }

  /** The templates' load and send states; each file re-exports them under its own descriptions. */
  function states(template: string) {
    const sendTemplate = fill({ template }, { send: true });
    return {
      Loading: { render: () => composer('loading', { hang: ['listTemplates'] }) },
      Error: { render: () => composer('error', { fail: ['listTemplates'] }) },
      NoTemplates: { render: () => composer('none', { templates: false }) },
      Empty: { render: () => composer('empty', { call: false }) },
      Sending: { render: () => composer('sending', { hang: ['sendNotification'] }), play: sendTemplate },
      SendFailed: { render: () => composer('failed', { fail: ['sendNotification'] }), play: sendTemplate },
      Sent: { render: () => composer('sent'), play: sendTemplate },
    } satisfies Record<string, StoryObj>;
  }

  return { composer, fill, states };
}

/** Sets a field as typing (`input`) or choosing (`change`) would, so the element hears of it. */
function set(el: LitElement, id: string, value: string, type: 'input' | 'change' = 'input'): void {
  const field = el.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

async function send(el: LitElement): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
  await el.updateComplete;
}
