import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    [part='base'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')} ${token('space-3')};
      padding: ${token('space-2')} ${token('space-3')};
      background: var(--avw-recording-player-background, ${token('color-surface-raised')});
      box-shadow: none;
    }
    .play {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      min-inline-size: 5.5em;
      justify-content: center;
    }
    .icon {
      font-size: 0.85em;
      line-height: 1;
    }
    .seek {
      flex: 1 1 8em;
      min-inline-size: 6em;
      accent-color: ${token('color-primary')};
      padding: 0;
      border: none;
      background: none;
    }
    .time {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
    }
    .speed {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .message {
      flex: 1 1 100%;
      margin: 0;
    }
    .state {
      padding: 0;
    }
    @container (max-width: 300px) {
      .seek {
        flex-basis: 100%;
        order: 3;
      }
    }
  `,
];
