import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    dl {
      grid-template-columns: minmax(6em, max-content) 1fr;
    }
    dd {
      white-space: pre-line;
    }
    .value {
      unicode-bidi: isolate;
    }
    .locked {
      margin-block: ${token('space-2')};
    }
    form {
      display: grid;
      grid-template-columns: minmax(7em, max-content) minmax(0, 1fr);
      gap: ${token('space-2')} ${token('space-3')};
      align-items: start;
    }
    form h3,
    form .summary,
    form .actions,
    form .save-error {
      grid-column: 1 / -1;
    }
    label,
    .label {
      padding-block-start: ${token('space-1')};
    }
    .control {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .control input,
    .control select,
    .control textarea {
      inline-size: 100%;
    }
    /*
     * Typed text takes the direction of its own first letter, line by line (a
     * Latin address in an Arabic form keeps its house number first), while an
     * empty box keeps the page's direction. dir=auto would turn an empty box
     * left-to-right in a right-to-left page. Phone numbers stay left-to-right.
     */
    .control > input,
    .control > textarea {
      unicode-bidi: plaintext;
    }
    .phones {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('space-1')};
      min-inline-size: 0;
    }
    .phones > .control {
      align-self: stretch;
    }
    .phone-row {
      display: flex;
      gap: ${token('space-2')};
    }
    .phone-row input {
      flex: 1 1 auto;
      min-inline-size: 0;
      direction: ltr;
    }
    .field-error {
      font-size: ${token('font-size-small')};
    }
    .field-error:empty {
      display: none;
    }
    .required {
      color: ${token('color-danger')};
    }
    .summary {
      margin: 0;
    }
    @container (max-width: 420px) {
      form {
        grid-template-columns: minmax(0, 1fr);
        gap: ${token('space-1')};
      }
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
