import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    // A scratch folder per run, so browser tests build the renderer once however many files need it.
    globalSetup: ['test/support/browser/global-setup.ts'],
  },
});
