// Chinese first, English second, and both complete: every locale folder of the app (found on disk, so a new feature
// is covered without editing this test) has zh-CN and en files with the same keys and placeholders, no empty
// English where the Chinese says something, and its zh-CN file is in the typed keys (i18n-types.ts).
import { describe, expect, it } from 'vitest';

const languages = ['zh-CN', 'en'] as const;

// Every locale file below the renderer (paths relative to this folder), and the typed keys as text.
const localeFiles = import.meta.glob<unknown>('../**/locales/**/*.json', { eager: true, import: 'default' });
const typedKeys = import.meta.glob<string>('./i18n-types.ts', { eager: true, query: '?raw', import: 'default' })[
  './i18n-types.ts'
];

/** One namespace's file per language: `locales/<lang>.json` (features) or `locales/<lang>/<ns>.json` (common). */
function namespaceFiles(): { name: string; files: Partial<Record<string, string>> }[] {
  const byName = new Map<string, Partial<Record<string, string>>>();
  for (const path of Object.keys(localeFiles)) {
    const match = /^(.*)\/locales\/(?:([^/]+)\.json|([^/]+)\/([^/]+)\.json)$/.exec(path);
    if (!match) continue;
    const [, owner, language, folderLanguage, namespace] = match;
    const name = namespace ? `${owner}:${namespace}` : (owner ?? path);
    byName.set(name, { ...byName.get(name), [language ?? folderLanguage ?? '']: path });
  }
  return [...byName].map(([name, files]) => ({ name, files }));
}

/** Leaves of a message tree by dotted key. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return out.set(prefix, tree);
  for (const [key, value] of Object.entries(tree)) {
    for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const namespaces = namespaceFiles();

describe('the locale files', () => {
  it('are found on disk: the shared strings and every feature', () => {
    const names = namespaces.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['.:common', '../features/opinions', '../features/county']));
  });

  it.each(namespaces)('$name has zh-CN and en with the same keys, placeholders and no empty English', ({ files }) => {
    for (const language of languages) expect(files[language], `${language} file`).toBeDefined();
    const zh = leaves(localeFiles[files['zh-CN']!]);
    const en = leaves(localeFiles[files.en!]);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, chinese] of zh) {
      const english = en.get(key);
      expect(typeof english, key).toBe('string');
      if (String(chinese).trim() !== '') expect(String(english).trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });

  it('all have their zh-CN file in the typed keys', () => {
    for (const { name, files } of namespaces) {
      expect(typedKeys?.includes(`'${files['zh-CN']}'`), `${name}: ${files['zh-CN']} in i18n-types.ts`).toBe(true);
    }
  });
});
