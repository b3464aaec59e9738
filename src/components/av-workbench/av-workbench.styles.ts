import { css, unsafeCSS } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';
import { lightTokens } from '../../themes/tokens.js';

// Without a theme of its own, our provider takes the page's tokens instead
// of resetting them to light: every token inherits (and falls back to light
// through token() when the page sets none).
const inheritTokens = unsafeCSS(
  Object.keys(lightTokens)
    .map((name) => `--avw-${name}: inherit;`)
    .join('\n'),
);

export const styles = [
  sharedStyles,
  css`
    :host {
      --_gap: var(--avw-av-workbench-gap, ${token('space-3')});
      min-inline-size: 0;
      /* Not a size container like the panels: a host may size the workbench by
         its content (a flex item, say), which inline-size containment would
         collapse. Its sections query the base's named container instead. */
      container-type: normal;
    }
    .inherit-theme {
      ${inheritTokens}
    }
    [part~='base'] {
      container: avw-workbench / inline-size;
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_gap);
      background: ${token('color-surface-sunken')};
      color: ${token('color-text')};
      font-family: ${token('font-family')};
      font-size: ${token('font-size')};
      line-height: ${token('line-height')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      box-shadow: none;
    }
    [part~='base'][data-open='false'] {
      padding-block: ${token('space-2')};
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')} ${token('space-3')};
      min-inline-size: 0;
    }
    .title {
      margin: 0;
      font-size: ${token('font-size-large')};
      font-weight: 600;
    }
    .summary {
      flex: 1 1 12ch;
      min-inline-size: 0;
      overflow-wrap: anywhere;
      color: ${token('color-text-muted')};
    }
    .summary[data-state='connected'] {
      color: ${token('color-success')};
    }
    .summary[data-state='ringing'],
    .summary[data-state='held'] {
      color: ${token('color-warning')};
    }
    .summary[data-state='ended-abnormally'] {
      color: ${token('color-danger')};
    }
    .header-slot {
      display: contents;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-2')};
      margin-inline-start: auto;
    }
    /* A drawn arrow, not layout: physical sides make it point down when
       expanded in either direction, and toward the reading end when collapsed. */
    .chevron {
      display: inline-block;
      inline-size: 0.5em;
      block-size: 0.5em;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(45deg);
      margin-block-end: 0.2em;
    }
    [aria-expanded='false'] > .chevron {
      transform: rotate(-45deg);
      margin-block-end: 0;
    }
    [aria-expanded='false'] > .chevron:dir(rtl) {
      transform: rotate(135deg);
    }
    [hidden] {
      display: none !important;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    .columns {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    .column {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    @container avw-workbench (min-width: 640px) {
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
      }
    }
    .section {
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
      min-inline-size: 0;
    }
    .section-heading {
      margin: 0;
      font-size: ${token('font-size-small')};
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .section-toggle {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-2')};
      inline-size: 100%;
      padding-inline: ${token('space-1')};
      border: none;
      background: none;
      color: ${token('color-text-muted')};
      font-size: inherit;
      font-weight: inherit;
      letter-spacing: inherit;
      text-transform: inherit;
      text-align: start;
    }
    .section-toggle:hover {
      color: ${token('color-text')};
    }
    .section-body {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    .section-body ::slotted(*),
    .section-body > slot > *,
    .tabpanel > slot > *,
    .tabpanel ::slotted(*) {
      min-inline-size: 0;
    }
    slot {
      display: contents;
    }
    .tabset {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-1')};
      margin-block-end: ${token('space-2')};
    }
    /* Pills rather than underlined tabs: in a narrow column they wrap onto
       several rows and still read as one set. */
    [role='tab'] {
      border-radius: 999px;
      background: ${token('color-surface')};
      color: ${token('color-text')};
      padding-inline: ${token('space-3')};
    }
    [role='tab']:hover {
      border-color: ${token('color-primary')};
    }
    [role='tab'][aria-selected='true'] {
      background: ${token('color-primary')};
      border-color: ${token('color-primary')};
      color: ${token('color-primary-text')};
      font-weight: 600;
    }
    .tabpanel {
      min-inline-size: 0;
    }
    .idle {
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      padding: ${token('space-3')} ${token('space-4')};
    }
    .idle p {
      margin: 0 0 ${token('space-2')};
    }
    .idle p:last-child {
      margin-block-end: 0;
    }
    .idle-title {
      font-weight: 600;
      font-size: ${token('font-size-large')};
    }
    .loading {
      padding: ${token('space-3')};
    }
  `,
];
