// Writes dist/themes/light.css and dark.css from src/themes/tokens.ts, so the
// CSS files and the elements' fallbacks can never disagree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = await build({ entryPoints: ['src/themes/tokens.ts'], bundle: true, format: 'esm', write: false, platform: 'neutral' });
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const { lightTokens, darkTokens, tokenDeclarations } = await import(url);

mkdirSync('dist/themes', { recursive: true });
const banner = '/* av-workbench theme tokens (generated from src/themes/tokens.ts) */\n';
// color-scheme with the tokens: scrollbars and form controls follow the theme.
const block = (selector, tokens, scheme) =>
  `${selector} {\n  color-scheme: ${scheme};\n  ${tokenDeclarations(tokens).split('\n').join('\n  ')}\n}\n`;
writeFileSync('dist/themes/light.css', banner + block(':root,\n[data-avw-theme="light"]', lightTokens, 'light'));
writeFileSync('dist/themes/dark.css', banner + block(':root,\n[data-avw-theme="dark"]', darkTokens, 'dark'));
console.log('themes: dist/themes/light.css, dist/themes/dark.css');
