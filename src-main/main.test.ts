// The main process's wiring, run against a stand-in for Electron: single instance, secure window, app:// protocol,
// IPC with sender checks, Chinese menu, window state and backups in the user-data folder.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostContract, hostMethods } from './ipc/host-contract';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const state = {
    lock: true,
    paths: new Map<string, string>(),
    schemes: [] as unknown[],
    protocolHandler: null as null | ((request: { url: string; method: string }) => Promise<Response>),
    ipc: new Map<string, Handler>(),
    windows: [] as Array<InstanceType<typeof FakeWindow>>,
    menu: null as unknown,
    calls: [] as string[],
  };

  class FakeWebContents extends Emitter {
    setWindowOpenHandler = () => undefined;
    mainFrame = { url: 'app://liaison/index.html', parent: null };
  }

  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    options: Record<string, unknown>;
    loadedUrl = '';
    focused = 0;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      state.windows.push(this);
    }
    maximize() {}
    show() {}
    focus() {
      this.focused++;
    }
    restore() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1200, height: 760 };
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => state.paths.set(name, value),
    getPath: (name: string) => state.paths.get(name) ?? `/fake/${name}`,
    setAppUserModelId: (id: string) => state.calls.push(`appUserModelId:${id}`),
    enableSandbox: () => state.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => state.lock,
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getLocale: () => 'zh-CN',
    getAppPath: () => '/fake/app',
    quit: () => state.calls.push('quit'),
    exit: (code: number) => state.calls.push(`exit:${code}`),
  });

  const electron = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.schemes.push(...schemes);
        state.calls.push('registerSchemes');
      },
      handle: (_scheme: string, handler: NonNullable<typeof state.protocolHandler>) => {
        state.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: Object.assign(new Emitter(), {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      }),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => state.ipc.set(channel, handler) },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {
      showErrorBox: (title: string, message: string) => state.calls.push(`error:${title}:${message}`),
      showMessageBox: async () => ({ response: 0 }),
    },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (plain: string) => Buffer.from(`sealed:${plain}`),
      decryptStringAsync: async (sealed: Buffer) => ({ result: sealed.toString().slice(7), shouldReEncrypt: false }),
      getSelectedStorageBackend: () => 'basic_text',
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

let userData: string;

async function startMain(lock: boolean) {
  fake.state.lock = lock;
  vi.resetModules();
  await import('./main');
}

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'ls-main-'));
  vi.stubEnv('LIAISON_USER_DATA_DIR', userData);
  vi.stubEnv('LIAISON_PROVISIONING_FILE', path.join(userData, 'absent.json'));
  await startMain(true);
  await vi.waitFor(() => expect(fake.state.windows[0]?.loadedUrl).toBeTruthy());
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('main process start', () => {
  it('registers app:// as a standard secure scheme and enables the sandbox before the app is ready', () => {
    expect(fake.state.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.state.calls).toContain('enableSandbox');
    expect(fake.state.calls).toContain('appUserModelId:cn.gov.renda.liaisonstation');
    expect(fake.state.paths.get('userData')).toBe(userData);
  });

  it('opens one secure window on app://liaison, sized within the screen', () => {
    const window = fake.state.windows[0]!;
    expect(fake.state.windows).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://liaison/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.options).toMatchObject({ width: 1280, height: 800, title: '人大代表联络站' });
  });

  it('serves the renderer through the guarded protocol', async () => {
    const response = await fake.state.protocolHandler!({ url: 'app://liaison/%2e%2e/package.json', method: 'GET' });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('answers IPC from the main window only', async () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual(hostMethods.map((method) => hostContract[method].channel).sort());
    const window = fake.state.windows[0]!;
    const appInfo = fake.state.ipc.get(hostContract.appInfo.channel)!;
    const fromApp = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await appInfo(fromApp)).toEqual({
      ok: true,
      value: { version: '0.1.0', host: 'desktop', platform: process.platform },
    });
    const fromElsewhere = {
      sender: new EventEmitter(),
      senderFrame: { url: 'app://liaison/index.html', parent: null },
    };
    expect(await appInfo(fromElsewhere)).toMatchObject({ ok: false, error: { code: 'ipc_sender_refused' } });
  });

  it('keeps backups, logs and secrets in the user-data folder', async () => {
    const window = fake.state.windows[0]!;
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const write = fake.state.ipc.get(hostContract.writeBackup.channel)!;
    expect(await write(event, JSON.stringify({ opinions: [] }))).toMatchObject({ ok: true, value: { kind: 'latest' } });
    const setSecret = fake.state.ipc.get(hostContract.setSecret.channel)!;
    expect(await setSecret(event, 'syncToken', 'tok_1')).toEqual({ ok: true, value: undefined });

    expect(existsSync(path.join(userData, 'backups', 'latest.lsbak'))).toBe(true);
    expect(existsSync(path.join(userData, 'backups', 'backup.key'))).toBe(true);
    expect(readFileSync(path.join(userData, 'secrets.json'), 'utf8')).not.toContain('tok_1');
    expect(readFileSync(path.join(userData, 'logs', 'app.log'), 'utf8')).toContain('app started');
  });

  it('sets the Chinese menu', () => {
    expect((fake.state.menu as Array<{ label: string }>).map((menu) => menu.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
  });

  it('brings the window to the front when the app is started a second time', () => {
    const window = fake.state.windows[0]!;
    fake.electron.app.emit('second-instance');
    expect(window.focused).toBe(1);
  });

  it('remembers the window bounds when it closes', () => {
    fake.state.windows[0]!.emit('close');
    expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1200, height: 760 },
      maximized: false,
    });
  });

  it('quits at once when another instance holds the lock', async () => {
    const windowsBefore = fake.state.windows.length;
    fake.state.calls.length = 0;
    await startMain(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.windows).toHaveLength(windowsBefore);
  });
});
