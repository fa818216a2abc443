import { defineConfig } from 'vitest/config';

const sources = ['packages/*/src/**', 'packages/*/scripts/**', 'packages/*/seed/**', 'services/*/src/**', 'workflows/src/**', 'infra/**'];
const globalSetup = ['test/support/global-setup.ts'];
const setupFiles = ['test/support/quiet-temporal.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: sources.map((s) => `${s}/*.test.ts`),
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: sources.map((s) => `${s}/*.int.test.ts`),
          exclude: ['**/node_modules/**'],
          globalSetup,
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup,
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
