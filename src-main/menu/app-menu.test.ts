// The menu speaks Chinese and its commands reach the right actions.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type MenuActions } from './app-menu';

function actions(): MenuActions {
  return {
    exportDiagnostics: vi.fn(),
    showAbout: vi.fn(),
    showLicense: vi.fn(),
    openDataFolder: vi.fn(),
    quit: vi.fn(),
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function click(template: MenuItemConstructorOptions[], label: string): void {
  const item = items(template).find((candidate) => candidate.label === label);
  if (!item?.click) throw new Error(`no menu item ${label}`);
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has 文件, 编辑, 视图 and 帮助, every item labelled in Chinese', () => {
    const template = appMenuTemplate(actions(), { developerTools: false });
    expect(template.map((menu) => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    for (const item of items(template).filter((candidate) => candidate.type !== 'separator')) {
      expect(item.label).toMatch(/\p{Script=Han}/u);
    }
  });

  it('exports diagnostics and shows 关于 from 帮助', () => {
    const spies = actions();
    const template = appMenuTemplate(spies, { developerTools: false });
    click(template, '导出诊断信息…');
    click(template, '关于人大代表联络站');
    expect(spies.exportDiagnostics).toHaveBeenCalledTimes(1);
    expect(spies.showAbout).toHaveBeenCalledTimes(1);
  });

  it('offers developer tools only in development', () => {
    const roles = (developerTools: boolean) =>
      items(appMenuTemplate(actions(), { developerTools })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
