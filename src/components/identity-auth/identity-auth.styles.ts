import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
    }
    select {
      flex: 1 1 14em;
      min-inline-size: 0;
      max-inline-size: 100%;
    }
    .notice {
      margin: 0 0 ${token('space-2')};
    }
    .error-box {
      margin-block-start: ${token('space-2')};
    }
    .result {
      margin-block-start: ${token('space-3')};
      padding: ${token('space-2')} ${token('space-3')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface-raised')};
    }
    .result p {
      margin: 0;
    }
    .outcome {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-1')} ${token('space-2')};
    }
    .mode {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .detail {
      margin-block-start: ${token('space-1')};
    }
    .badge {
      font-weight: 600;
      white-space: nowrap;
    }
    .badge[data-status='in-progress'] {
      background: ${token('color-info-bg')};
      color: ${token('color-info')};
    }
    .badge[data-status='pass'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .badge[data-status='fail'],
    .badge[data-status='error'] {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .times {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 ${token('space-3')};
      margin: ${token('space-1')} 0 0;
      font-size: ${token('font-size-small')};
    }
    dd {
      font-variant-numeric: tabular-nums;
    }
  `,
];
