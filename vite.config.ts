/**
 * Root Vite/Vitest configuration.
 *
 * Workspace packages resolve to their TypeScript sources through the
 * `@kustom/source` export condition, so tests never need a build first. The
 * published packages resolve to `dist/` (the condition is unknown outside this repo).
 */
import { defineConfig } from 'vitest/config';

const conditions = ['@kustom/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@kustom/source'] } },
  test: {
    // Node suites. The elements' browser suite runs under web-test-runner (packages/elements).
    projects: [
      { extends: true, test: { name: 'sdk', include: ['packages/sdk/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'sandbox', include: ['packages/sandbox/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'back-office', include: ['packages/back-office/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: 'elements-node', include: ['packages/elements/test-node/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page answers when the machine lets it: `expect.poll` waits up to 10 s (its default, 1 s,
          // is shorter than a busy 2-core machine takes to re-render a filtered list).
          expect: { poll: { timeout: 10_000 } },
          // Browsers and servers: one file at a time keeps a 2-core machine responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
