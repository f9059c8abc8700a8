// Where the desktop app keeps its files: everything under the user-data folder, never in the install folder.
import path from 'node:path';

export interface AppPaths {
  userData: string;
  /** Encrypted backups of local data, outside Chromium's own folders (IndexedDB, Local Storage…). */
  backups: string;
  logs: string;
  /** safeStorage-encrypted secrets (sync token, database key). */
  secrets: string;
  windowState: string;
}

/** Folder name under %APPDATA% (Windows) or ~/.config (Linux); fixed so that renaming the product never moves data. */
export const userDataFolderName = 'LiaisonStation';

export function appPaths(userData: string): AppPaths {
  return {
    userData,
    backups: path.join(userData, 'backups'),
    logs: path.join(userData, 'logs'),
    secrets: path.join(userData, 'secrets.json'),
    windowState: path.join(userData, 'window-state.json'),
  };
}

/** True when `child` is `parent` or inside it (used to refuse data folders inside the install folder). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
