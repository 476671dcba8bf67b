/**
 * The benchmark runs under Vitest (the workspace packages resolve to their TypeScript
 * sources, as in the tests) but outside `npm test`: only `npm run bench` uses this file.
 */
import { defineConfig } from 'vitest/config';

const conditions = ['@kustom/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@kustom/source'] } },
  test: {
    include: process.env.KUSTOM_BENCH_FILE ? [process.env.KUSTOM_BENCH_FILE] : ['packages/back-office/bench/store.bench.ts', 'packages/back-office/bench/intake.bench.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
    fileParallelism: false,
    // The figures go to the terminal as they are measured.
    silent: false,
    disableConsoleIntercept: true,
  },
});
