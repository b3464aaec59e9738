import { css, unsafeCSS } from 'lit';
import { type TokenName, lightTokens } from '../themes/tokens.js';

/** `var(--avw-name, <light value>)`: a token with the light theme as fallback. */
export function token(name: TokenName) {
  return unsafeCSS(`var(--avw-${name}, ${lightTokens[name]})`);
}

/**
 * What every panel shares: box, type, focus ring, buttons, fields, states, and
 * the pieces several panels draw alike (label/value lists, numbers, hints,
 * counters, badges, notices). One copy here instead of one per panel keeps the
 * bundle small (gzip only matches repeats within 32 KB) and the panels alike.
 * Every host is an inline-size container so a panel's @container rules follow
 * its own width in any layout.
 */
// Marked pure (bundlers honour the mark on a call, not on a tagged template) so
// that an entry importing only token(), like the provider, leaves these rules out.
export const sharedStyles = /* @__PURE__ */ (() =>
  css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part='base'] {
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    padding: ${token('space-3')} ${token('space-4')};
    box-shadow: ${token('shadow')};
  }
  h2,
  h3 {
    margin: 0 0 ${token('space-2')};
    font-size: ${token('font-size-large')};
    font-weight: 600;
  }
  .muted {
    color: ${token('color-text-muted')};
  }
  button {
    font: inherit;
    min-block-size: 32px;
    padding-block: ${token('space-1')};
    padding-inline: ${token('space-3')};
    border-radius: ${token('radius')};
    border: 1px solid ${token('color-border')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    cursor: pointer;
  }
  button.primary {
    background: ${token('color-primary')};
    border-color: ${token('color-primary')};
    color: ${token('color-primary-text')};
  }
  button.link {
    border: none;
    background: none;
    color: ${token('color-primary')};
    padding-inline: ${token('space-1')};
    text-decoration: underline;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid ${token('color-focus')};
    outline-offset: 2px;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    padding-block: ${token('space-1')};
    padding-inline: ${token('space-2')};
    min-block-size: 32px;
  }
  textarea {
    resize: vertical;
    inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .field-error,
  [role='alert'] {
    color: ${token('color-danger')};
  }
  .state {
    padding: ${token('space-3')} 0;
    color: ${token('color-text-muted')};
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')};
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius')};
    background: ${token('color-danger-bg')};
    color: ${token('color-danger')};
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: ${token('space-2')};
  }
  /* Panels collapse the list to one column at their own width. */
  dl {
    display: grid;
    grid-template-columns: minmax(7em, max-content) 1fr;
    gap: ${token('space-2')} ${token('space-4')};
    margin: 0;
  }
  dt {
    color: ${token('color-text-muted')};
  }
  dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  /* Phone numbers and durations: digits line up, and "+86 138" keeps its order in a right-to-left page. */
  .number {
    font-variant-numeric: tabular-nums;
    unicode-bidi: isolate;
    direction: ltr;
  }
  .hint {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
  }
  .counter {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
    font-variant-numeric: tabular-nums;
  }
  .counter[data-over] {
    color: ${token('color-danger')};
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')};
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: none;
    min-inline-size: 0;
  }
  /* A status badge; each panel names its own and colours its states. */
  .badge,
  .pill,
  .status,
  .state-pill,
  .call-state {
    font-size: ${token('font-size-small')};
    padding-block: 1px;
    padding-inline: ${token('space-2')};
    border-radius: 999px;
    background: ${token('color-neutral-bg')};
    color: ${token('color-neutral')};
  }
  /* A warning box. After [role='alert']: a configuration problem is announced but drawn as a warning, not an error. */
  .notice,
  .locked,
  .config-error {
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius')};
    background: ${token('color-warning-bg')};
    color: ${token('color-warning')};
  }
`)();
