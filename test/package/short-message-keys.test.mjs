// The no-build bundle renames message keys (scripts/short-message-keys.mjs):
// a lookup and its table must be renamed alike, and a key built at run time
// must keep its name, or an agent would read a raw key instead of a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageKeyTable, renameKeys } from '../../scripts/short-message-keys.mjs';

function project(files) {
  const dir = mkdtempSync(join(tmpdir(), 'avw-keys-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('renames whole-literal keys in tables and lookups alike, and keeps run-time families', () => {
  const dir = project({
    'localize/locales/en/area.ts': "export const en = {\n  'area.save': 'Save',\n  'area.saved': 'Saved at {time}',\n  'area.state.open': 'Open',\n};\n",
    'localize/locales/zh-CN/area.ts': "export const zh = {\n  'area.save': '保存',\n  'area.state.open': '打开',\n};\n",
    'components/x.ts': "t('area.save'); t(\"area.saved\", { time }); t(`area.state.${state}`); const label = 'area.saved.extra';\n",
  });
  try {
    const { names, families } = messageKeyTable(dir);
    assert.deepEqual(families, ['area.state.']);
    assert.deepEqual([...names.keys()].sort(), ['area.save', 'area.saved']);
    const code = renameKeys(readFileSync(join(dir, 'components/x.ts'), 'utf8'), names);
    const table = renameKeys(readFileSync(join(dir, 'localize/locales/zh-CN/area.ts'), 'utf8'), names);
    const save = names.get('area.save');
    assert.ok(code.includes(`t('${save}')`) && table.includes(`'${save}': '保存'`), 'a lookup and its table get the same name');
    assert.ok(code.includes(`t("${names.get('area.saved')}", { time })`));
    assert.ok(code.includes('t(`area.state.${state}`)') && table.includes("'area.state.open': '打开'"), 'a run-time family keeps its names');
    assert.ok(code.includes("'area.saved.extra'"), 'only whole literals are renamed');
    assert.ok(save.length <= 2 && !save.includes('.'), 'names are short and cannot be mistaken for a key');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the no-build bundle carries no renamable key, and still every English sentence', { skip: !existsSync('dist/standalone/av-workbench.js') && 'run `npm run build` first' }, () => {
  const bundle = readFileSync('dist/standalone/av-workbench.js', 'utf8');
  const { names } = messageKeyTable('src');
  const left = [...names.keys()].filter((k) => bundle.includes(`"${k}"`) || bundle.includes(`'${k}'`));
  assert.deepEqual(left, [], 'keys the build should have renamed');
  for (const sentence of ['Choose at least one reason.', 'Real-time transcript', 'Only customer']) {
    assert.ok(bundle.includes(sentence), `the English "${sentence}" is in the bundle`);
  }
});
