import { css } from 'lit';
import { sharedStyles, token } from './shared.styles.js';

/** The composers' layout: one column in a CRM sidebar, the preview beside the form in a wide panel. */
export const notifyComposerStyles = [
  sharedStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      gap: ${token('space-3')};
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-3')};
    }
    fieldset {
      display: flex;
      flex-direction: column;
      gap: ${token('space-3')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
      min-inline-size: 0;
    }
    label {
      font-weight: 600;
    }
    input,
    select,
    textarea {
      inline-size: 100%;
      min-inline-size: 0;
    }
    textarea {
      min-block-size: 7lh;
    }
    .ltr {
      direction: ltr;
      text-align: start;
      unicode-bidi: isolate;
    }
    /* Numbers and addresses read left to right, but line up with an RTL form. */
    [dir='rtl'] .ltr {
      text-align: end;
    }
    p {
      margin: 0;
    }
    .hint:empty {
      display: none;
    }
    .field-error {
      font-size: ${token('font-size-small')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2')};
      align-items: center;
    }
    .confirm {
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
      padding: ${token('space-2')} ${token('space-3')};
      border-radius: ${token('radius')};
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .preview {
      background: ${token('color-surface-raised')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      padding: ${token('space-2')} ${token('space-3')};
      min-inline-size: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
      align-self: start;
    }
    .preview h3 {
      margin: 0;
      font-size: ${token('font-size-small')};
      font-weight: 600;
      color: ${token('color-text-muted')};
    }
    .preview-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .preview-subject {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    mark.unresolved {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
      border-block-end: 2px dotted ${token('color-warning')};
      padding-inline: 2px;
      border-radius: 2px;
    }
    .warning {
      font-size: ${token('font-size-small')};
      color: ${token('color-warning')};
    }
    .params {
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
    }
    .params legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: ${token('space-1')};
    }
    .actions {
      gap: ${token('space-2')} ${token('space-3')};
    }
    .sent:empty {
      display: none;
    }
    .sent-box {
      display: inline-block;
      padding: ${token('space-2')} ${token('space-3')};
      border-radius: ${token('radius')};
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    @container (min-width: 640px) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      }
    }
  `,
];
