import { defineConfig } from 'vitest/config';

// The test environment is chosen by place: the widgets and the console app run in happy-dom,
// everything else in Node.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['{shared,server,scripts,test}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['widget/**/*.test.{ts,tsx}', 'admin/**/*.test.{ts,tsx}'],
        },
      },
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
