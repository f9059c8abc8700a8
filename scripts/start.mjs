// `npm start`: builds the app, starts the sync server (embedded SQLite) with demo data and a demo station
// enrolled, then opens the station app in Electron — or, where no Electron binary can be had, prints the
// local URL where the same app is served for a browser. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.env.LS_DATA_DIR ?? path.join(root, '.data', 'server'));
const port = Number(process.env.LS_PORT ?? 8787);
const host = '127.0.0.1';
const url = `http://${host}:${port}`;
const demoStationId = 'st-xiangzhou-miaohuang';
// Where an installer would place provisioning (server address + enrolment code); the app enrols by itself from it.
const provisioningFile = path.join(dataDir, 'demo-provisioning.json');
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
runStep(
  'Loading demo data (Laibin: six county areas, stations, representatives, departments, staff; 象州县 sample records)',
  process.execPath,
  [...cli, 'demo', '--data', dataDir, '--sample-records'],
);
const enrolment = spawnSync(
  process.execPath,
  [...cli, 'enroll', '--station', demoStationId, '--json', '--data', dataDir],
  {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (enrolment.status !== 0) {
  console.error('✗ Could not issue an enrolment code for the demo station.');
  process.exit(enrolment.status ?? 1);
}
const { code } = JSON.parse(enrolment.stdout);
writeFileSync(
  provisioningFile,
  JSON.stringify({ serverUrl: url, enrolmentCode: code, deviceName: '演示电脑' }, null, 2),
);
start(process.execPath, [...cli, 'serve', '--data', dataDir, '--port', String(port), '--host', host]);

const electron = electronBinary();
if (electron) {
  start(electron, [root], { LIAISON_PROVISIONING_FILE: provisioningFile });
} else {
  // The page address carries the demo station's enrolment code, as a provisioning file would on a station PC.
  const appUrl = `${url}/?server=${encodeURIComponent(url)}&code=${encodeURIComponent(code)}`;
  console.error(
    'No Electron binary on this machine (it downloads on first run and could not here); the same app is served for a browser at:',
  );
  console.log(appUrl);
}
console.error(
  `County staff: sign in at ${url} as staff-xiangzhou with password laibin-demo-2026 (demo only). Ctrl+C stops everything.`,
);
