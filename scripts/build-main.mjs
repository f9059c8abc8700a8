// Bundles the Electron main process and the preload with esbuild: dist/main/main.cjs and dist/main/preload.cjs.
// The preload runs sandboxed and may only require('electron'), so everything else is bundled into it.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'main');
const production = process.env.NODE_ENV !== 'development';

await rm(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: production ? false : 'inline',
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: { main: 'src-main/main.ts' }, outdir, outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { preload: 'src-main/preload.ts' }, outdir, outExtension: { '.js': '.cjs' } }),
]);

console.log(`built ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
