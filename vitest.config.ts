// Unit tests: the domain, the local database (fake-indexeddb), the main process and the server, all in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-shared/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'src-main/**/*.test.ts',
      'sync-server/**/*.test.ts',
      'build/**/*.test.ts',
      'testing/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // One PostgreSQL cluster per run, started only when a test asks for it (the server's PostgreSQL store tests).
    globalSetup: ['sync-server/src/testing/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
