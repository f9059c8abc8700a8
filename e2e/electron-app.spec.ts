// The desktop app at run time: Electron's security settings, the host bridge, backups, and the clerk's first screen.
// Needs the Electron binary (downloaded by `npm ci` where the network allows) and `npm run build`; skips without it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import { hostMethods } from '../src-main/ipc/host-contract';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable, or null when the npm package's binary was never downloaded (as in this environment).
 * Read from the package's path.txt rather than require('electron'), which would try to download it.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(
    binary === null,
    'Electron binary not available on this machine (it downloads on first run); the Windows CI workflow runs this spec',
  );

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (
      !existsSync(path.join(root, 'dist', 'main', 'main.cjs')) ||
      !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))
    ) {
      throw new Error('The app is not built: run `npm run build` before this spec.');
    }
    userData = mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [root],
      env: {
        ...process.env,
        LIAISON_USER_DATA_DIR: userData,
        // No provisioning file: the clerk must see the enrolment screen.
        LIAISON_PROVISIONING_FILE: path.join(userData, 'absent-provisioning.json'),
      },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('the window is sandboxed and loads the app from app://', async () => {
    // Electron no longer reports a window's webPreferences; observe their effects instead (here and below).
    const facts = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      const pid = window.webContents.getOSProcessId();
      const metric = electronApp.getAppMetrics().find((candidate) => candidate.pid === pid);
      return {
        url: window.webContents.getURL(),
        windows: BrowserWindow.getAllWindows().length,
        sandboxed: metric?.sandboxed,
        platform: process.platform,
      };
    });
    expect(facts.windows).toBe(1);
    expect(facts.url.startsWith('app://liaison/')).toBe(true);
    // The OS-level sandbox flag is reported on Windows and macOS only.
    if (facts.platform !== 'linux') expect(facts.sandboxed).toBe(true);
  });

  // window.host exists only with contextIsolation (contextBridge refuses otherwise); no require/process means no
  // nodeIntegration.
  test('the page sees window.host with exactly the contract, and no Node', async () => {
    const facts = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      const host = scope.host as Record<string, unknown> | undefined;
      return {
        methods: host ? Object.keys(host).sort() : null,
        require: typeof scope.require,
        process: typeof scope.process,
        electron: typeof scope.electron,
      };
    });
    expect(facts).toEqual({
      methods: [...hostMethods].sort(),
      require: 'undefined',
      process: 'undefined',
      electron: 'undefined',
    });
  });

  test('the content security policy blocks inline scripts, and navigation away is refused', async () => {
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);

    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://liaison/')).toBe(true);
    const opened = await page.evaluate(() => window.open('https://example.com/') !== null);
    expect(opened).toBe(false);
  });

  test('backups are written encrypted to the user-data folder, outside Chromium’s storage', async () => {
    const result = await page.evaluate(async () => {
      const host = (window as unknown as { host: import('../src-shared/host/host-api').HostApi }).host;
      const info = await host.writeBackup(JSON.stringify({ e2e: '联络站备份' }));
      return { info, read: await host.readBackup(), provisioning: await host.readProvisioning() };
    });
    expect(result.info.kind).toBe('latest');
    expect(result.read).toBe(JSON.stringify({ e2e: '联络站备份' }));
    expect(result.provisioning).toBeNull();
    expect(readdirSync(path.join(userData, 'backups'))).toEqual(expect.arrayContaining(['latest.lsbak', 'backup.key']));
  });

  test('the clerk’s first screen is in Chinese', async () => {
    await expect(page.locator('body')).toContainText(/[\u4e00-\u9fff]{2,}/);
    expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label))).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
  });
});
