import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')} ${token('space-4')};
      padding-block: ${token('space-2')};
    }
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
      min-inline-size: 0;
    }
    .call {
      flex: 1 1 auto;
    }
    .summary,
    .buttons {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-1')} ${token('space-2')};
    }
    .timer {
      font-variant-numeric: tabular-nums;
      unicode-bidi: isolate;
      direction: ltr;
    }
    .number {
      font-weight: 600;
    }
    .summary[data-state='connected'] .call-state:not(.muted-flag) {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .summary[data-state='ringing'] .call-state:not(.muted-flag) {
      background: ${token('color-info-bg')};
      color: ${token('color-info')};
    }
    .summary[data-state='held'] .call-state:not(.muted-flag),
    .muted-flag {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .summary[data-state='ended-abnormally'] .call-state {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .dot {
      inline-size: 10px;
      block-size: 10px;
      border-radius: 50%;
      flex: none;
      background: ${token('color-neutral')};
    }
    .dot[data-state='ready'] {
      background: ${token('color-success')};
    }
    .dot[data-state='busy'],
    .dot[data-state='talking'] {
      background: ${token('color-danger')};
    }
    .dot[data-state='rest'],
    .dot[data-state='wrap-up'] {
      background: ${token('color-warning')};
    }
    .state-select {
      max-inline-size: 14em;
    }
    .action {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      white-space: nowrap;
    }
    .action.answer:not(:disabled) {
      background: ${token('color-success')};
      border-color: ${token('color-success')};
      color: ${token('color-surface')};
    }
    .action.hang-up:not(:disabled) {
      background: ${token('color-danger')};
      border-color: ${token('color-danger')};
      color: ${token('color-surface')};
    }
    .action[aria-busy='true'] {
      cursor: progress;
      opacity: 0.75;
    }
    .icon {
      inline-size: 16px;
      block-size: 16px;
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .dial input {
      inline-size: 12em;
      min-inline-size: 0;
      flex: 1 1 9em;
      direction: ltr;
    }
    .dial .field-error:empty {
      display: none;
    }
    .dial .field-error {
      flex-basis: 100%;
      font-size: ${token('font-size-small')};
    }
    .hint {
      margin: 0;
    }
    .inline-error {
      font-size: ${token('font-size-small')};
    }
    .error-box {
      flex-basis: 100%;
    }
    /* In a narrow sidebar the buttons keep their icons; the words stay for screen readers. */
    @container (max-width: 560px) {
      .buttons .label {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .buttons .action {
        padding-inline: ${token('space-2')};
      }
      .call,
      .dial {
        flex-basis: 100%;
      }
    }
  `,
];
