import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so the PWA plugin never loads in tests.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // Vitest runs `cores - 1` files at once by default: one at a time on CI's 2 cores, which left
    // the second core idle for ten minutes (the API suites wait on SQLite files, PostgreSQL and
    // child processes as much as they compute). Every file has its own databases and ports.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          // One VM context per file in reused workers: each file still starts from fresh modules
          // and a fresh jsdom window, without a new worker importing jsdom again. On 2 cores this
          // suite took 137 s in forks and 42 s here (measured in one sitting). The VM's globals are
          // jsdom's alone; src/test/node-web-globals.ts adds back what the browsers have and jsdom
          // lacks.
          pool: 'vmThreads',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/node-web-globals.ts', 'src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          environment: 'node',
          include: ['mock-api/**/*.test.ts', 'scripts/**/*.test.ts'],
          // Route suites run against real SQLite files and the real PostgreSQL server;
          // one fork per file keeps their databases apart.
          pool: 'forks',
          setupFiles: ['mock-api/test/cheap-password-hashes.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
