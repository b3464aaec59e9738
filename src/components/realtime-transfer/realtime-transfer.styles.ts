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
    h2 {
      margin: 0;
    }
    .pill {
      font-size: ${token('font-size-small')};
      padding-block: 2px;
      padding-inline: ${token('space-2')};
      border-radius: 999px;
      background: ${token('color-neutral-bg')};
      color: ${token('color-neutral')};
      white-space: nowrap;
    }
    .pill[data-status='live'] {
      background: ${token('color-success-bg')};
      color: ${token('color-success')};
    }
    .pill[data-status='reconnecting'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')} ${token('space-3')};
    }
    .filter {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      min-block-size: 32px;
      cursor: pointer;
    }
    .filter input {
      min-block-size: auto;
      inline-size: 16px;
      block-size: 16px;
      margin: 0;
      accent-color: ${token('color-primary')};
    }
    .copy-all {
      margin-inline-start: auto;
    }
    .copy-status {
      flex-basis: 100%;
      font-size: ${token('font-size-small')};
      color: ${token('color-success')};
    }
    .copy-status:empty {
      display: none;
    }
    .banner {
      margin: 0;
      padding: ${token('space-2')} ${token('space-3')};
      border-radius: ${token('radius')};
      font-size: ${token('font-size-small')};
    }
    .banner[data-kind='reconnecting'] {
      background: ${token('color-warning-bg')};
      color: ${token('color-warning')};
    }
    .banner[data-kind='ended'] {
      background: ${token('color-neutral-bg')};
      color: ${token('color-neutral')};
    }
    .frame {
      position: relative;
    }
    [part='viewport'] {
      block-size: var(--avw-realtime-transfer-height, 22rem);
      overflow-y: auto;
      overflow-x: hidden;
      /* We anchor rows ourselves; the browser's anchoring would fight it. */
      overflow-anchor: none;
      /* A scrollbar appearing must not change the row width (and heights). */
      scrollbar-gutter: stable;
      contain: strict;
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
    }
    [part='viewport'][data-all] {
      contain: layout paint;
    }
    .rows {
      position: relative;
    }
    [part~='row'] {
      display: flex;
      padding-block: ${token('space-1')};
      padding-inline: ${token('space-2')};
      /* Paint containment gives each row its own cached paint: a changed line repaints alone. */
      contain: content;
    }
    [part~='row'][data-speaker='agent'] {
      justify-content: flex-end;
    }
    [part~='row'][data-first] {
      padding-block-start: ${token('space-2')};
    }
    [part~='row'][data-last] {
      padding-block-end: ${token('space-2')};
    }
    .bubble {
      max-inline-size: min(86%, 60ch);
      min-inline-size: 0;
      padding-block: ${token('space-1')};
      padding-inline: ${token('space-3')};
      border-radius: 10px;
      background: var(--avw-realtime-transfer-customer-bg, ${token('color-surface-sunken')});
      border-start-start-radius: 2px;
    }
    [data-speaker='agent'] .bubble {
      background: var(--avw-realtime-transfer-agent-bg, ${token('color-info-bg')});
      border-start-start-radius: 10px;
      border-start-end-radius: 2px;
    }
    .meta {
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
      min-block-size: 24px;
    }
    .speaker {
      font-weight: 600;
    }
    .offset {
      font-variant-numeric: tabular-nums;
      unicode-bidi: isolate;
      direction: ltr;
    }
    .copy-from {
      position: relative;
      margin-inline-start: auto;
      min-block-size: 24px;
      inline-size: 24px;
      padding: 0;
      display: inline-grid;
      place-items: center;
      border: none;
      background: none;
      color: ${token('color-text-muted')};
    }
    .copy-from:hover,
    .copy-from:focus-visible {
      color: ${token('color-primary')};
    }
    /* The copy icon (two sheets) drawn by the button itself: an inline SVG in
       every row was three more elements to create, style and lay out per line. */
    .copy-from::before,
    .copy-from::after {
      content: '';
      position: absolute;
      box-sizing: border-box;
      inline-size: 7px;
      block-size: 7px;
      border: 1.5px solid currentColor;
    }
    .copy-from::before {
      inset-block-start: 7px;
      inset-inline-start: 8px;
      border-inline-end: none;
      border-block-end: none;
      border-start-start-radius: 2px;
    }
    .copy-from::after {
      inset-block-start: 10px;
      inset-inline-start: 10px;
      border-radius: 2px;
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    [data-partial] .text {
      font-style: italic;
      color: ${token('color-text-muted')};
    }
    [part='jump'] {
      position: absolute;
      inset-block-end: ${token('space-3')};
      inset-inline-end: ${token('space-4')};
      box-shadow: ${token('shadow')};
      border-radius: 999px;
    }
    [part='state'] {
      margin: 0;
    }
    .not-enabled {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
      padding: ${token('space-3')};
      border-radius: ${token('radius')};
      background: ${token('color-info-bg')};
      color: ${token('color-info')};
    }
    .not-enabled p {
      margin: 0;
    }
    @container (max-width: 360px) {
      .copy-all {
        margin-inline-start: 0;
      }
      .bubble {
        max-inline-size: 94%;
      }
    }
  `,
];
