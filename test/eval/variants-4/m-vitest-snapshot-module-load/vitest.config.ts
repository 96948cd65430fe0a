import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*_test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    environment: 'node',
  },
});
