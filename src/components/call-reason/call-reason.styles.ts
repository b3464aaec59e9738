import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    header h2 {
      margin-block-end: ${token('space-2')};
    }
    h3 {
      font-size: ${token('font-size')};
      margin-block-end: ${token('space-1')};
    }
    p {
      margin-block: 0 ${token('space-2')};
    }
    label {
      display: block;
      font-weight: 600;
      margin-block-end: ${token('space-1')};
    }
    .status {
      padding-block: 2px;
    }
    .status[data-status='saved'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .status[data-status='unsaved'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .identified {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
      padding-block: ${token('space-2')};
      padding-inline: ${token('space-3')};
      margin-block-end: ${token('space-3')};
      border-radius: ${token('radius')};
      background: ${token('color-info-bg')};
    }
    .identified-text {
      display: flex;
      flex-direction: column;
      flex: 1 1 12em;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .badge {
      font-weight: 600;
      padding-block: 2px;
      background: ${token('color-surface')};
      color: ${token('color-info')};
      border: 1px solid currentColor;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-4')};
    }
    @container (min-width: 600px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .picker,
    .details {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    input[type='search'] {
      inline-size: 100%;
      margin-block-end: ${token('space-2')};
    }
    input:disabled {
      background: ${token('color-surface-sunken')};
      cursor: not-allowed;
    }
    .details > .state {
      padding-block: 0 ${token('space-2')};
    }
    .tree-box {
      max-block-size: var(--avw-call-reason-tree-max-height, 18rem);
      overflow: auto;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      padding: ${token('space-1')};
    }
    .tree-box .state,
    .tree-box .error-box {
      margin: 0;
      padding: ${token('space-2')};
    }
    ul[role='tree'],
    ul[role='group'] {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ul[role='group'] {
      padding-inline-start: ${token('space-4')};
    }
    .row:focus-visible {
      outline-offset: -2px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      min-block-size: 32px;
      padding-inline: ${token('space-2')};
      border-radius: ${token('radius')};
      cursor: pointer;
      user-select: none;
    }
    .row:hover {
      background: ${token('color-surface-raised')};
    }
    .row[aria-selected='true'] {
      background: ${token('color-info-bg')};
      font-weight: 600;
    }
    .row[aria-expanded] > .label {
      font-weight: 600;
    }
    .label {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .twisty,
    .check {
      flex: none;
      display: inline-grid;
      place-items: center;
      inline-size: 16px;
      block-size: 16px;
      font-size: ${token('font-size-small')};
      line-height: 1;
    }
    .twisty::before {
      content: '';
      border-block: 5px solid transparent;
      border-inline-start: 6px solid ${token('color-text-muted')};
      transition: rotate 0.1s;
    }
    .row[aria-expanded='true'] > .twisty::before {
      rotate: 90deg;
    }
    .row[aria-expanded='true'] > .twisty:dir(rtl)::before {
      rotate: -90deg;
    }
    .check {
      border: 1px solid ${token('color-text-muted')};
      border-radius: 3px;
      background: ${token('color-surface')};
    }
    .row[aria-selected='true'] > .check {
      background: ${token('color-primary')};
      border-color: ${token('color-primary')};
      color: ${token('color-primary-text')};
    }
    mark {
      background: ${token('color-warning-bg')};
      color: inherit;
      border-radius: 2px;
      box-shadow: 0 0 0 1px ${token('color-warning')};
    }
    .chips {
      list-style: none;
      margin: 0 0 ${token('space-3')};
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2')};
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      max-inline-size: 100%;
      padding-block: 2px;
      padding-inline: ${token('space-3')} 2px;
      border-radius: ${token('radius')};
      background: ${token('color-neutral-bg')};
      border: 1px solid ${token('color-border')};
    }
    .chip-path {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .chip-tag {
      white-space: nowrap;
      font-size: ${token('font-size-small')};
      color: ${token('color-info')};
    }
    button.chip-remove {
      flex: none;
      min-block-size: 26px;
      min-inline-size: 26px;
      padding: 0;
      border: none;
      border-radius: 999px;
      background: transparent;
      font-size: ${token('font-size-large')};
      line-height: 1;
    }
    button.chip-remove:hover {
      background: ${token('color-surface-raised')};
    }
    textarea {
      min-block-size: 6em;
    }
    /* Each paragraph takes the direction of its own text (English remarks on an RTL page keep their punctuation), and an empty box keeps the page's. */
    textarea,
    input[type='search'] {
      unicode-bidi: plaintext;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: ${token('space-2')};
      margin-block-start: ${token('space-1')};
    }
    /* "12 / 300" reads left to right in every language; bidi would turn it into "300 / 12". */
    .counter > [aria-hidden] {
      direction: ltr;
      unicode-bidi: isolate;
    }
    .counter[data-full] {
      color: ${token('color-warning')};
      font-weight: 600;
    }
    .field-error {
      font-size: ${token('font-size-small')};
    }
    #remarks-problem:not(:empty) {
      margin-block-start: ${token('space-1')};
    }
    .actions {
      margin-block-start: ${token('space-3')};
    }
    .details > .error-box {
      margin-block-start: ${token('space-2')};
    }
    .error-box {
      margin-block-end: ${token('space-2')};
    }
  `,
];
