import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    /* The reason takes the direction of its own first letter, line by line
       (a Latin reason in an Arabic workbench keeps its order), while an empty
       box keeps the page's side; dir=auto would turn it left-to-right. */
    textarea {
      unicode-bidi: plaintext;
    }
    header {
      gap: ${token('space-1')} ${token('space-2')};
    }
    h3 {
      margin-block-start: ${token('space-4')};
      font-size: ${token('font-size')};
    }
    .number {
      overflow-wrap: anywhere;
    }
    .notice {
      margin: 0 0 ${token('space-2')};
    }
    fieldset.plain {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
    }
    fieldset:disabled {
      opacity: 0.6;
    }
    fieldset:disabled button {
      opacity: 1;
    }
    .list-types {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-1')} ${token('space-4')};
      margin-block-end: ${token('space-2')};
    }
    legend {
      padding: 0;
      margin-block-end: ${token('space-1')};
      inline-size: 100%;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      min-block-size: 32px;
      cursor: pointer;
    }
    .choice input {
      margin: 0;
      min-block-size: auto;
      accent-color: ${token('color-primary')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
    }
    .row.between {
      justify-content: space-between;
    }
    .field-error:empty {
      display: none;
    }
    .confirm {
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
      padding: ${token('space-3')};
      border: 1px solid ${token('color-danger')};
      border-radius: ${token('radius')};
      background: ${token('color-surface-raised')};
    }
    .confirm p {
      margin: 0;
    }
    .confirm-title {
      font-weight: 600;
    }
    .label {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
    }
    button.primary.danger {
      background: ${token('color-danger')};
      border-color: ${token('color-danger')};
      color: ${token('color-surface')};
    }
    .success:focus {
      outline: none;
    }
    .success {
      margin: ${token('space-2')} 0 0;
      padding: ${token('space-2')} ${token('space-3')};
      border-radius: ${token('radius')};
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .records {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
    }
    .record {
      padding: ${token('space-2')} ${token('space-3')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface-raised')};
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-1')} ${token('space-2')};
      font-size: ${token('font-size-small')};
    }
    .meta time {
      color: ${token('color-text-muted')};
      margin-inline-start: auto;
    }
    .badge {
      white-space: nowrap;
    }
    .badge[data-list='black'] {
      background: ${token('color-text')};
      color: ${token('color-surface')};
    }
    .badge[data-list='red'],
    .badge[data-status='rejected'] {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .badge[data-status='pending'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .badge[data-status='approved'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .reason {
      margin: ${token('space-1')} 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .reason.quoted {
      margin: 0;
      padding-inline-start: ${token('space-2')};
      border-inline-start: 3px solid ${token('color-border')};
    }
  `,
];
