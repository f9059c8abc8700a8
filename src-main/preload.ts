// Preload (sandboxed): exposes exactly the host contract as window.host; nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createHostBridge } from './ipc/host-bridge';

contextBridge.exposeInMainWorld(
  'host',
  createHostBridge((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
