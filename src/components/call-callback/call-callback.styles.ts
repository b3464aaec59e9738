import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    [part='base'] {
      border-inline-start: 4px solid ${token('color-danger')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-2')};
    }
    .message {
      margin: 0;
      flex: 1 1 14em;
      min-inline-size: 0;
    }
    .marker {
      display: inline-block;
      inline-size: 8px;
      block-size: 8px;
      border-radius: 50%;
      margin-inline-end: ${token('space-1')};
      background: ${token('color-danger')};
    }
    .number {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    button[part='button'] {
      flex: 0 0 auto;
    }
    .placed {
      margin: ${token('space-2')} 0 0;
      color: ${token('color-success')};
    }
    .error-box {
      margin-block-start: ${token('space-2')};
    }
  `,
];
