import { css, unsafeCSS } from 'lit';
import { darkTokens, lightTokens, tokenDeclarations } from '../../themes/tokens.js';
import { token } from '../../internal/shared.styles.js';

export const styles = css`
  :host {
    display: contents;
    /* Scrollbars, form controls and the like follow the theme too. */
    color-scheme: light;
    ${unsafeCSS(tokenDeclarations(lightTokens))}
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${unsafeCSS(tokenDeclarations(darkTokens))}
  }
  [part='status'] {
    display: block;
    margin-block-end: ${token('space-2')};
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius')};
    background: ${token('color-warning-bg')};
    color: ${token('color-warning')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size')};
  }
`;
