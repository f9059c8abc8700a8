// The seams hold: the app imports nothing from the server (wire contracts live in src-shared/api), the domain imports
// no runtime, the server's rules import no store implementation, and test support stays out of shipped code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One import (or re-export, or dynamic import) of a file: what it names and whether it brings types only. */
interface ImportOf {
  specifier: string;
  typeOnly: boolean;
}

const staticImport = /^\s*(?:import|export)\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** A path to the server written as a string (e.g. a runtime `new URL('../sync-server/src/…')`), not an import. */
const serverPathString = /['"`][^'"`\n]*sync-server\/src[^'"`\n]*['"`]/;

/** The imports of a TypeScript source: `import … from`, `export … from`, side-effect imports and `import()`. */
function importsOf(source: string): ImportOf[] {
  const found: ImportOf[] = [];
  for (const match of source.matchAll(staticImport)) {
    const clause = match[2] ?? '';
    const names = (/^\{([\s\S]*)\}$/.exec(clause.trim())?.[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const everyNameIsType = names.length > 0 && names.every((name) => name.startsWith('type '));
    found.push({ specifier: match[3] ?? '', typeOnly: Boolean(match[1]) || everyNameIsType });
  }
  for (const match of source.matchAll(dynamicImport)) found.push({ specifier: match[1] ?? '', typeOnly: false });
  return found;
}

/** The source without its comments (a comment may name a path without importing it). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Where a relative specifier of `file` points, repo-relative ('' for a package). */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return '';
  return path
    .relative(root, path.resolve(root, path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

/** `file → specifier` for every import of the files below `dir` that `refused` rejects. */
function crossings(dir: string, refused: (file: string, to: string, imp: ImportOf) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(withoutComments(readFileSync(path.join(root, file), 'utf8')))
      .filter((imp) => refused(file, target(file, imp.specifier), imp))
      .map((imp) => `${file} → ${imp.specifier}`),
  );
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe('import boundaries', () => {
  it('the renderer imports nothing from the sync server, not even in tests (contracts: src-shared/api)', () => {
    expect(sourceFiles('src-renderer').length).toBeGreaterThan(100);
    expect(crossings('src-renderer', (_, to) => to.startsWith('sync-server/'))).toEqual([]);
    const serverPaths = sourceFiles('src-renderer').filter((file) =>
      serverPathString.test(withoutComments(readFileSync(path.join(root, file), 'utf8'))),
    );
    expect(serverPaths).toEqual([]);
  });

  it('the domain imports no runtime: src-shared stays within src-shared', () => {
    expect(
      crossings('src-shared', (_, to) => ['src-renderer/', 'src-main/', 'sync-server/'].some((d) => to.startsWith(d))),
    ).toEqual([]);
  });

  it("the server's rules import no store: at most the Store interface's types (tests may open a real store)", () => {
    const storeAccess = (file: string, to: string, imp: ImportOf) =>
      !isTest(file) &&
      to.startsWith('sync-server/src/store/') &&
      !(imp.typeOnly && to === 'sync-server/src/store/store');
    expect(sourceFiles('sync-server/src/replication').length).toBeGreaterThan(2);
    expect(crossings('sync-server/src/replication', storeAccess)).toEqual([]);
    expect(crossings('sync-server/src/reports', storeAccess)).toEqual([]);
  });

  it('test support is imported by tests and benchmarks only', () => {
    const shipped = ['src-renderer', 'src-main', 'src-shared', 'sync-server/src'];
    for (const dir of shipped) {
      expect(crossings(dir, (file, to) => !isTest(file) && to.startsWith('testing/'))).toEqual([]);
    }
  });
});

describe('importsOf', () => {
  it('finds static, re-exported, side-effect and dynamic imports and tells type-only ones', () => {
    const source = [
      "import type { Store } from '../store/store';",
      "import { type A, type B } from './types';",
      "import { canonicalJson, type Json } from '../../../src-shared/common/canonical-json';",
      'import {',
      '  SqliteStore,',
      "} from '../store/sqlite-store';",
      "export { x } from './x';",
      "import './styles.css';",
      "const server = await import('../../sync-server/src/app');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: '../store/store', typeOnly: true },
      { specifier: './types', typeOnly: true },
      { specifier: '../../../src-shared/common/canonical-json', typeOnly: false },
      { specifier: '../store/sqlite-store', typeOnly: false },
      { specifier: './x', typeOnly: false },
      { specifier: './styles.css', typeOnly: false },
      { specifier: '../../sync-server/src/app', typeOnly: false },
    ]);
  });

  it('sees a server path written as a string', () => {
    expect(serverPathString.test("new URL('../../../sync-server/src/', import.meta.url)")).toBe(true);
    expect(serverPathString.test("import { x } from '../../src-shared/api/routes';")).toBe(false);
  });
});
