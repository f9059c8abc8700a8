// `npm run bench`: runs every bench/*.bench.ts one after the other with tsx; each prints its own table.
// Extra arguments after `--` go to every bench (e.g. `npm run bench -- 10000`); BENCH=name runs only matching files.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const only = process.env.BENCH ?? '';
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(only))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts${only ? ` matching "${only}"` : ''}`);
  process.exit(1);
}

const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const failed = [];
for (const file of files) {
  console.log(`\n=== bench/${file}`);
  const started = Date.now();
  const result = spawnSync(tsx, [path.join('bench', file), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  console.log(
    `=== bench/${file}: ${result.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.status !== 0) failed.push(file);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
