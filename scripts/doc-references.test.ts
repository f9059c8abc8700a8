// Every Markdown file the code and the docs name (DOMAIN.md, STYLE.md, sync-server/README.md, …) is in the
// repository, so a reader who follows a reference in a comment or a page never lands nowhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The files git tracks or would track (new ones too), as paths from the root. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\n').filter((path) => path !== '' && existsSync(join(root, path)));
}

const readable = /\.(md|ts|tsx|js|mjs|cjs|json|ya?ml|css|html)$/;
const skipped = [/^package-lock\.json$/, /\/generated\//, /\/locales\//];

/** `DOMAIN.md`, `../DESIGN.md`, `sync-server/README.md` in any text; web addresses are not references. */
function markdownReferences(text: string): string[] {
  const withoutUrls = text.replace(/[a-z]+:\/\/\S+/gi, '');
  return [...withoutUrls.matchAll(/(?<![\w/.-])((?:\.{1,2}\/)*(?:[\w-]+\/)*[\w.-]+\.md)(?![\w-])/g)].map((m) => m[1]!);
}

/** Resolves from the root, from the naming file's folder, or (a bare name) from any folder above that file. */
function resolves(reference: string, from: string): boolean {
  if (existsSync(join(root, reference))) return true;
  let folder = dirname(join(root, from));
  if (existsSync(join(folder, reference))) return true;
  if (reference.includes('/')) return false;
  while (relative(root, folder) !== '') {
    folder = dirname(folder);
    if (existsSync(join(folder, reference))) return true;
  }
  return false;
}

describe('references to Markdown files', () => {
  it('finds names with and without folders, and ignores web addresses', () => {
    expect(markdownReferences('Read `DOMAIN.md` first; see sync-server/README.md and ../DESIGN.md.')).toEqual([
      'DOMAIN.md',
      'sync-server/README.md',
      '../DESIGN.md',
    ]);
    expect(markdownReferences('https://example.org/docs/README.md.')).toEqual([]);
  });

  it('all resolve inside the repository', () => {
    const found: { file: string; reference: string }[] = [];
    for (const file of repositoryFiles()) {
      if (!readable.test(file) || skipped.some((pattern) => pattern.test(file))) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const reference of markdownReferences(text)) found.push({ file, reference });
    }
    // The check below has something to check: the code does point at the project's own docs.
    expect(found.map((f) => f.reference)).toEqual(expect.arrayContaining(['DOMAIN.md', 'STYLE.md', 'DESIGN.md']));
    const missing = found.filter(({ file, reference }) => !resolves(reference, file));
    expect(missing).toEqual([]);
  });
});
