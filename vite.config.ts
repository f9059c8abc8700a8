// The renderer build (React app). The same build runs in Electron (app:// protocol) and in a browser.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
