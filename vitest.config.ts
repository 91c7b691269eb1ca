import { defineConfig } from 'vitest/config';

// Integration tests share one machine's two cores with a real Chromium, so files run one at a
// time; the unit files are fast either way.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
