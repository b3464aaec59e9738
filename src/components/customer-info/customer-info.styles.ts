import { css } from 'lit';
import { sharedStyles, token } from '../../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    dl {
      grid-template-columns: minmax(6em, max-content) 1fr;
    }
    .value {
      unicode-bidi: isolate;
    }
    .value[data-tone='neutral'] {
      color: ${token('color-neutral')};
    }
    .value[data-tone='info'] {
      color: ${token('color-info')};
    }
    .value[data-tone='success'] {
      color: ${token('color-success')};
    }
    .value[data-tone='warning'] {
      color: ${token('color-warning')};
    }
    .value[data-tone='danger'] {
      color: ${token('color-danger')};
    }
    .value[data-tone='accent'] {
      color: ${token('color-accent')};
    }
    .value[data-presentation='emphasis'] {
      font-weight: 700;
    }
    .value[data-presentation='badge'] {
      display: inline-block;
      padding-block: 1px;
      padding-inline: ${token('space-2')};
      border-radius: 999px;
      font-size: ${token('font-size-small')};
      font-weight: 600;
      background: ${token('color-neutral-bg')};
      color: ${token('color-neutral')};
    }
    .value[data-presentation='badge'][data-tone='info'] {
      background: ${token('color-info-bg')};
      color: ${token('color-info')};
    }
    .value[data-presentation='badge'][data-tone='success'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .value[data-presentation='badge'][data-tone='warning'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .value[data-presentation='badge'][data-tone='danger'] {
      background: ${token('color-danger-bg')};
      color: ${token('color-danger')};
    }
    .value[data-presentation='badge'][data-tone='accent'] {
      background: ${token('color-accent-bg')};
      color: ${token('color-accent')};
    }
    .dots {
      letter-spacing: 0.1em;
    }
    .config-error {
      margin-block-end: ${token('space-3')};
      font-size: ${token('font-size-small')};
    }
    .config-error ul {
      margin: ${token('space-1')} 0 0;
      padding-inline-start: ${token('space-4')};
    }
    @container (max-width: 300px) {
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
