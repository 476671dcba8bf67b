#!/usr/bin/env node
/**
 * `npm test`: runs every suite and prints one line `N passed, N failed[, N skipped]`
 * summed over all of them (the line CI reads). Exits non-zero on any failure, or
 * when a suite crashed before it could report.
 *
 * Suites:
 * - vitest (Node): the SDK, the sandbox, end-to-end tests (playwright-core + Chromium)
 * - web-test-runner (Chromium): the elements
 *
 * `node scripts/test.mjs vitest` or `… wtr` runs one suite only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.test-results');
mkdirSync(results, { recursive: true });

const only = process.argv[2];
const suites = [
  {
    name: 'vitest',
    report: join(results, 'vitest.json'),
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`],
    read: (json) => ({
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.success === false && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    }),
  },
  {
    name: 'wtr',
    enabled: existsSync(join(root, 'packages/elements/web-test-runner.config.mjs')),
    report: join(results, 'wtr.json'),
    command: ['npx', 'wtr', '--config', 'packages/elements/web-test-runner.config.mjs'],
    read: (json) => json,
  },
].filter((s) => s.enabled !== false && (!only || s.name === only));

const total = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites) {
  rmSync(suite.report, { force: true });
  console.log(`\n▶ ${suite.name}: ${suite.command.join(' ')}`);
  const run = spawnSync(suite.command[0], suite.command.slice(1), { cwd: root, stdio: 'inherit', env: process.env });
  let counts;
  try {
    counts = suite.read(JSON.parse(readFileSync(suite.report, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
    console.error(`✗ ${suite.name} crashed before it reported (exit ${run.status}); counted as 1 failure.`);
  }
  if (run.status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    console.error(`✗ ${suite.name} exited ${run.status} with no failed test; counted as 1 failure.`);
  }
  console.log(`◀ ${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped ?? 0} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped ?? 0;
}

writeFileSync(join(results, 'summary.json'), JSON.stringify(total));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
