// Entry of the Electron main process: one instance, one secure window on app://liaison, the host bridge over IPC.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron';
import { appPaths, isInside, userDataFolderName } from './app-paths';
import {
  collectDiagnosticsFacts,
  electronDialogs,
  lazyBackupStore,
  printWindowToPdf,
  safeStorageProtector,
} from './electron-services';
import { toHostErrorInfo } from './host-error';
import { createHostHandlers } from './ipc/host-handlers';
import { registerHostIpc } from './ipc/register-ipc';
import { createRotatingLogger } from './logging/rotating-logger';
import { appMenuTemplate } from './menu/app-menu';
import { registerAppScheme, serveRenderer } from './protocol/register-app-protocol';
import { provisioningFilePath, readProvisioning } from './provisioning/provisioning';
import { createSecretStore } from './secrets/secret-store';
import { hardenAllWebContents, hardenSession } from './security/apply-security';
import { appEntryUrl, appOrigin, secureWebPreferences } from './security/security-policy';
import { loadWindowState, minimumSize, placeWindow, saveWindowStateSync } from './window/window-state';

const appId = 'cn.gov.renda.liaisonstation';
const productName = '人大代表联络站';

// A fixed folder name keeps data in place whatever the product is called; LIAISON_USER_DATA_DIR serves tests.
app.setPath('userData', process.env.LIAISON_USER_DATA_DIR || path.join(app.getPath('appData'), userDataFolderName));
const paths = appPaths(app.getPath('userData'));
const logger = createRotatingLogger({ directory: paths.logs, echo: !app.isPackaged });
const provisioningFile = provisioningFilePath(process.platform, process.env);

// The Vite dev server is trusted only in an unpackaged development run.
const devServerUrl = app.isPackaged ? undefined : process.env.LIAISON_DEV_SERVER_URL;
const trustedOrigins = devServerUrl ? [appOrigin, new URL(devServerUrl).origin] : [appOrigin];
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;

app.setAppUserModelId(appId);
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another window is already open: it is brought to the front (second-instance below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  hardenAllWebContents(app, trustedOrigins, logger);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.log('error', 'start failed', { detail: String(error) });
      dialog.showErrorBox(productName, `程序启动失败：${toHostErrorInfo(error).message}`);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  logger.log('info', 'app started', {
    version: app.getVersion(),
    electron: process.versions.electron,
    packaged: app.isPackaged,
  });
  // Data in the install folder would be deleted by the next upgrade or uninstall.
  if (app.isPackaged && isInside(path.dirname(app.getPath('exe')), paths.userData)) {
    dialog.showErrorBox(productName, '数据文件夹不能位于安装文件夹内（升级或卸载时会被删除），请联系实施人员。');
    app.exit(1);
    return;
  }

  // For support: whether an installer placed a provisioning file, and whether it reads (never its content).
  readProvisioning(provisioningFile).then(
    (found) => logger.log('info', 'provisioning file', { present: found !== null }),
    (error: unknown) => logger.log('warn', 'provisioning file refused', { code: toHostErrorInfo(error).code }),
  );

  hardenSession(session.defaultSession, trustedOrigins, logger);
  serveRenderer(rendererRoot);

  const api = createHostHandlers({
    appInfo: { version: app.getVersion(), host: 'desktop', platform: process.platform },
    secrets: createSecretStore({ file: paths.secrets, protector: safeStorageProtector }),
    backups: lazyBackupStore(paths.backups),
    logger,
    provisioningFile,
    dialogs: electronDialogs(app, () => mainWindow),
    printCurrentPage: () => printWindowToPdf(mainWindow),
    diagnosticsFacts: () => collectDiagnosticsFacts(app, provisioningFile),
  });
  registerHostIpc({ api, mainWindow: () => mainWindow, trustedOrigins, logger });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        {
          exportDiagnostics: () => {
            api.exportDiagnostics({ source: 'menu' }).then(
              (result) => {
                if (result.saved)
                  void dialog.showMessageBox({
                    type: 'info',
                    title: productName,
                    message: '诊断信息已导出，请将该文件发给县人大常委会。',
                  });
              },
              (error: unknown) => dialog.showErrorBox(productName, toHostErrorInfo(error).message),
            );
          },
          showAbout: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: '关于',
              message: productName,
              detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron}\n数据文件夹：${paths.userData}`,
            });
          },
          showLicense: () => {
            void dialog.showMessageBox({
              type: 'none',
              title: '许可协议',
              message: productName,
              detail: readLicense(),
            });
          },
          openDataFolder: () => void shell.openPath(paths.userData),
          quit: () => app.quit(),
        },
        { developerTools: !app.isPackaged },
      ),
    ),
  );

  await createMainWindow();
}

async function createMainWindow(): Promise<void> {
  const state = await loadWindowState(paths.windowState);
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const bounds = placeWindow(
    state.bounds,
    [primary, ...others].map((display) => display.workArea),
  );

  const window = new BrowserWindow({
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: productName,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowStateSync(paths.windowState, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      logger.log('warn', 'window state not saved', { detail: String(error) });
    }
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.log('error', 'renderer gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => logger.log('warn', 'window unresponsive'));

  await window.loadURL(devServerUrl ?? appEntryUrl);
}

function readLicense(): string {
  const file = app.isPackaged
    ? path.join(process.resourcesPath, 'license.txt')
    : path.join(app.getAppPath(), 'build', 'license.txt');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '许可协议文件缺失，请重新安装程序。';
  }
}
