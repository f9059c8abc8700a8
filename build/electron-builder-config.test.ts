// electron-builder.yml checked against electron-builder's own JSON schema, plus the rules of the MSI rollout.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const hook = require('./msi-project-created.cjs') as { localizeMsiProject(xml: string): string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builderLib = path.dirname(require.resolve('app-builder-lib/package.json'));

/** Never change: Windows Installer recognises earlier versions of the app by it (upgrades keep working). */
const fixedUpgradeCode = '365F6245-A77A-48DF-BBD7-DBD3DDD8EF38';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  directories: { output: string; buildResources: string };
  extraResources: Array<{ from: string; to: string }>;
  msiProjectCreated: string;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  msi: Record<string, unknown>;
  linux: { target: Array<{ target: string; arch: string[] }>; icon: string };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    const schema = JSON.parse(readFileSync(path.join(builderLib, 'scheme.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    // electron-builder's schema uses a custom `typeof` keyword for hook functions.
    ajv.addKeyword({ keyword: 'typeof', validate: (type: string, data: unknown) => typeof data === type });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app as the clerk and Windows see it', () => {
    expect(config.appId).toBe('cn.gov.renda.liaisonstation');
    expect(config.productName).toBe('人大代表联络站');
    const main = readFileSync(path.join(root, 'src-main', 'main.ts'), 'utf8');
    expect(main).toContain(`const appId = '${config.appId}'`);
  });

  it('builds a per-machine MSI for Windows x64 with the fixed upgrade code', () => {
    expect(config.win.target).toEqual([{ target: 'msi', arch: ['x64'] }]);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toBe(fixedUpgradeCode);
    expect(config.msi.createStartMenuShortcut).toBe(true);
    expect(config.msi.createDesktopShortcut).toBeTruthy();
    expect(config.msi.shortcutName).toBe('人大代表联络站');
    expect(config.msi.runAfterFinish).toBe(false);
  });

  it('builds a Linux dir target for local checks', () => {
    expect(config.linux.target).toEqual([{ target: 'dir', arch: ['x64'] }]);
  });

  it('packs only built output', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json']);
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(packageJson.main.startsWith('dist/main/')).toBe(true);
  });

  it('takes icons, license and the MSI hook from build/, and they exist', () => {
    for (const file of [config.win.icon, config.linux.icon, config.extraResources[0]!.from, config.msiProjectCreated]) {
      expect(file.replace(/^\.\//, '').startsWith('build/')).toBe(true);
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(root, 'build', 'license.txt'), 'utf8')).toContain('个人信息保护法');
  });
});

describe('icons', () => {
  it('has a 512×512 PNG', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('has an .ico with sizes from 16 to 256 pixels', () => {
    const ico = readFileSync(path.join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + index * 16) || 256);
    expect(sizes).toContain(16);
    expect(sizes).toContain(32);
    expect(sizes).toContain(256);
  });
});

describe('MSI localisation hook', () => {
  it('turns electron-builder’s own WiX template into a Simplified Chinese (code page 936) project', () => {
    const template = readFileSync(path.join(builderLib, 'templates', 'msi', 'template.xml'), 'utf8');
    const localized = hook.localizeMsiProject(template);
    expect(localized).toContain('Language="2052" Codepage="936"');
    expect(localized).toContain('SummaryCodepage="936"');
    expect(localized).not.toContain('65001');
  });

  it('fails loudly when the template changed', () => {
    expect(() => hook.localizeMsiProject('<Wix/>')).toThrow(/no longer contains/);
  });
});
