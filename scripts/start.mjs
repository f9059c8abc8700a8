// `npm start`: builds the app, starts the sync server (embedded SQLite) with demo data and a demo station
// enrolled, then opens the station app in Electron — or, where no Electron binary can be had, prints the
// local URL where the same app is served for a browser. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.env.LS_DATA_DIR ?? path.join(root, '.data', 'server'));
const port = Number(process.env.LS_PORT ?? 8787);
const host = '127.0.0.1';
const url = `http://${host}:${port}`;
const provisioningFile = path.join(root, '.data', 'demo-provisioning.json');
const children = [];

function runStep(title, command, args) {
  console.error(`» ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function start(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${path.basename(command)} stopped (${signal ?? code}); stopping everything.`);
      stopAll(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stopAll(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** The Electron binary's path, or null when it is not there and cannot be downloaded. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  return binary && existsSync(binary) ? binary : null;
}

mkdirSync(dataDir, { recursive: true });
runStep('Building the app (renderer and main process)', 'npm', ['run', '--silent', 'build']);
const cli = ['--import', 'tsx', path.join(root, 'sync-server', 'src', 'cli.ts')];
runStep('Loading demo data and enrolling the demo station', process.execPath, [
  ...cli,
  'demo',
  '--data',
  dataDir,
  '--provision-out',
  provisioningFile,
  '--server-url',
  url,
]);
start(process.execPath, [...cli, 'serve', '--data', dataDir, '--port', String(port), '--host', host]);

const electron = electronBinary();
if (electron) {
  start(electron, [root], { LIAISON_PROVISIONING_FILE: provisioningFile });
} else {
  console.error(`No Electron binary on this machine (it downloads on first run and could not): open ${url} in Chromium or Chrome — the same app, served by the sync server.`);
}
