import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: ${token('space-2')};
    }
    .tabs {
      display: flex;
      gap: ${token('space-1')};
      overflow-x: auto;
      border-block-end: 1px solid ${token('color-border')};
      scrollbar-width: thin;
    }
    .tab {
      flex: 0 0 auto;
      max-inline-size: 16em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      border: none;
      border-block-end: 3px solid transparent;
      border-radius: ${token('radius')} ${token('radius')} 0 0;
      background: none;
      color: ${token('color-text-muted')};
    }
    .tab[aria-selected='true'] {
      border-block-end-color: ${token('color-primary')};
      color: ${token('color-text')};
      font-weight: 600;
    }
    .tab[data-refused] {
      text-decoration: line-through;
    }
    .tab:focus-visible {
      outline-offset: -2px;
    }
    .panel:focus-visible {
      outline-offset: 2px;
    }
    iframe {
      display: block;
      inline-size: 100%;
      block-size: var(--avw-screen-popup-frame-height, 480px);
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface')};
    }
    .notice {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .window {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')} ${token('space-3')};
      padding-block: ${token('space-2')};
    }
    .window p {
      margin: 0;
      flex: 1 1 14em;
    }
  `,
];
