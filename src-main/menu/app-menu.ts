// The application menu in Chinese (文件/编辑/视图/帮助), as a template built from injected actions.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  exportDiagnostics(): void;
  showAbout(): void;
  showLicense(): void;
  openDataFolder(): void;
  quit(): void;
}

export function appMenuTemplate(
  actions: MenuActions,
  options: { developerTools: boolean },
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (options.developerTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { label: '导出诊断信息…', click: () => actions.exportDiagnostics() },
        { type: 'separator' },
        { label: '退出', accelerator: 'Alt+F4', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '导出诊断信息…', click: () => actions.exportDiagnostics() },
        { label: '许可协议', click: () => actions.showLicense() },
        { type: 'separator' },
        { label: '关于人大代表联络站', click: () => actions.showAbout() },
      ],
    },
  ];
}
