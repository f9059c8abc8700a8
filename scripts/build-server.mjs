// Bundles the sync server's CLI with esbuild into sync-server/dist/cli.js, runnable with plain Node.
// Our sources and src-shared are bundled; the server's production dependencies (sync-server/package.json) stay
// external, so a deployment installs them with `npm install --omit=dev` (better-sqlite3 is native, pino spawns
// workers from its own files: neither can be bundled). `--outdir DIR` builds elsewhere (the build test does).
import { readFileSync } from 'node:fs';
import { chmod, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'sync-server');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = path.resolve(values.outdir ?? path.join(serverDir, 'dist'));
const pkg = JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8'));

await rm(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: path.join(serverDir, 'src', 'cli.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})],
  // An ESM bundle has no `require`; a bundled CommonJS module that needs one gets Node's.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __lsCreateRequire } from 'node:module';\nconst require = __lsCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
});

const entry = path.join(outdir, 'cli.js');
// Executable, so the `bin` entry also runs directly (`./dist/cli.js serve`).
await chmod(entry, 0o755);
const { size } = await stat(entry);
console.log(`built ${path.relative(root, entry)} (${(size / 1024).toFixed(0)} KiB)`);
