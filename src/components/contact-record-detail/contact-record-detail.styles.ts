import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-1')};
      border-block-end: 1px solid ${token('color-border')};
      margin-block-end: ${token('space-3')};
    }
    [role='tab'] {
      border: none;
      border-block-end: 3px solid transparent;
      border-radius: 0;
      background: none;
      padding-inline: ${token('space-2')};
      color: ${token('color-text-muted')};
    }
    [role='tab'][aria-selected='true'] {
      color: ${token('color-text')};
      border-block-end-color: ${token('color-primary')};
      font-weight: 600;
    }
    [role='tabpanel']:focus-visible {
      outline-offset: 4px;
    }
    .remarks,
    .text {
      white-space: pre-wrap;
    }
    .messages {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
    }
    .message {
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      padding: ${token('space-2')} ${token('space-3')};
      background: ${token('color-surface')};
    }
    .message-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
      margin-block-end: ${token('space-1')};
    }
    .message dl {
      grid-template-columns: minmax(6em, max-content) 1fr;
      gap: ${token('space-1')} ${token('space-3')};
      font-size: ${token('font-size-small')};
    }
    .pill[data-status='delivered'],
    .pill[data-status='sent'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .pill[data-status='failed'] {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .pill[data-status='pending'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .send {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
      margin-block-end: ${token('space-3')};
    }
    .send [aria-pressed='true'] {
      background: ${token('color-primary')};
      border-color: ${token('color-primary')};
      color: ${token('color-primary-text')};
    }
    .composer {
      margin-block-end: ${token('space-3')};
    }
    @container (max-width: 360px) {
      dl,
      .message dl {
        grid-template-columns: 1fr;
        gap: 0;
      }
      dd {
        margin-block-end: ${token('space-2')};
      }
    }
  `,
];
