/**
 * The theme tokens. light.css and dark.css are generated from these
 * (scripts/build-themes.mjs); elements fall back to the light values, so an
 * element works before any theme is loaded.
 */
export const lightTokens = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  'font-size': '14px',
  'font-size-small': '12px',
  'font-size-large': '16px',
  'line-height': '1.45',
  'radius': '6px',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'color-surface': '#ffffff',
  'color-surface-raised': '#f6f7f9',
  'color-surface-sunken': '#eef0f3',
  'color-border': '#d5d9e0',
  'color-text': '#1c2330',
  'color-text-muted': '#566173',
  'color-primary': '#1f5fd1',
  'color-primary-text': '#ffffff',
  'color-focus': '#1f5fd1',
  'color-neutral': '#4d5866',
  'color-neutral-bg': '#eceff3',
  'color-info': '#0b5e99',
  'color-info-bg': '#e3f1fb',
  'color-success': '#17723a',
  'color-success-bg': '#e2f4e8',
  'color-warning': '#8a5300',
  'color-warning-bg': '#fdf0d9',
  'color-danger': '#b3261e',
  'color-danger-bg': '#fbe6e4',
  'color-accent': '#7a2fb8',
  'color-accent-bg': '#f2e8fb',
  'shadow': '0 1px 2px rgba(16, 24, 40, 0.08)',
} as const;

export type TokenName = keyof typeof lightTokens;

export const darkTokens: Record<TokenName, string> = {
  ...lightTokens,
  'color-surface': '#171b22',
  'color-surface-raised': '#1f252e',
  'color-surface-sunken': '#12151b',
  'color-border': '#394250',
  'color-text': '#e7eaf0',
  'color-text-muted': '#a4adbb',
  'color-primary': '#7aa7ff',
  'color-primary-text': '#0b1220',
  'color-focus': '#9cbcff',
  'color-neutral': '#c3cad5',
  'color-neutral-bg': '#2a313c',
  'color-info': '#8cc8f5',
  'color-info-bg': '#15344c',
  'color-success': '#86d8a2',
  'color-success-bg': '#153a24',
  'color-warning': '#f3c373',
  'color-warning-bg': '#42300f',
  'color-danger': '#ff9d94',
  'color-danger-bg': '#4a1c19',
  'color-accent': '#d2a6f7',
  'color-accent-bg': '#37204a',
  'shadow': '0 1px 2px rgba(0, 0, 0, 0.4)',
};

/** `--avw-name: value;` declarations for a token set. */
export function tokenDeclarations(tokens: Record<TokenName, string>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--avw-${name}: ${value};`)
    .join('\n');
}
