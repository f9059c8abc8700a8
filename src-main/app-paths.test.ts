// Data lives in the user-data folder, so upgrades and reinstalls (which replace the install folder) keep it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, isInside } from './app-paths';

describe('app paths', () => {
  it('puts backups, logs, secrets and window state under user data', () => {
    const userData = path.join('/home', 'clerk', '.config', 'LiaisonStation');
    const paths = appPaths(userData);
    for (const location of [paths.backups, paths.logs, paths.secrets, paths.windowState]) {
      expect(isInside(userData, location)).toBe(true);
    }
  });

  it('tells whether a folder is inside another', () => {
    expect(isInside('/opt/app', '/opt/app/resources')).toBe(true);
    expect(isInside('/opt/app', '/opt/application')).toBe(false);
    expect(isInside('/opt/app', '/home/clerk/.config/LiaisonStation')).toBe(false);
  });
});
