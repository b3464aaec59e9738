import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    .state-pill {
      padding-block: 2px;
    }
    .state-pill[data-state='connected'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .state-pill[data-state='held'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .state-pill[data-state='ended-abnormally'] {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .handled {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
    }
    form {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
      margin-block-start: ${token('space-1')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2')};
      align-items: center;
    }
    form input {
      flex: 1 1 12em;
      min-inline-size: 0;
      direction: ltr;
    }
    /* Drawn as before the counters were shared: whether this one should also
       line up its digits and turn bold when over, like the others, is a design call. */
    .counter {
      font-variant-numeric: normal;
    }
    .counter[data-over] {
      font-weight: normal;
    }
    .recording-dot {
      display: inline-block;
      inline-size: 8px;
      block-size: 8px;
      border-radius: 50%;
      margin-inline-end: ${token('space-1')};
      background: ${token('color-neutral')};
    }
    .recording-dot[data-on] {
      background: ${token('color-danger')};
    }
    @container (max-width: 320px) {
      dl {
        grid-template-columns: 1fr;
        gap: 0;
      }
      dd {
        margin-block-end: ${token('space-2')};
      }
    }
  `,
];
