// Builds the local-database test harness (never part of the product build) into dist/e2e-harness/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/__harness/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/e2e-harness', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('./db-harness.html', import.meta.url)) },
  },
});
