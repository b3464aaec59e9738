import { css, unsafeCSS } from 'lit';
import { darkTokens, lightTokens, tokenDeclarations } from '../../themes/tokens.js';
import { token } from '../../internal/shared.styles.js';

export const styles = css`
  :host {
    display: contents;
    ${unsafeCSS(tokenDeclarations(lightTokens))}
  }
  :host([theme='dark']) {
    ${unsafeCSS(tokenDeclarations(darkTokens))}
  }
  [part='status'] {
    display: block;
    margin-block-end: ${token('space-2')};
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius')};
    background: ${token('color-info-bg')};
    color: ${token('color-info')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size')};
  }
  [part='status'][role='alert'] {
    background: ${token('color-warning-bg')};
    color: ${token('color-warning')};
  }
`;
