/**
 * The elements' browser tests: web-test-runner + @open-wc/testing in Debian's
 * Chromium. Workspace packages resolve to their TypeScript sources (the
 * `@kustom/source` export condition); the sandbox answers at the test page's own
 * origin (its Node handler is mounted in the dev server), so the approval popup
 * and iframe are real pages.
 *
 * Run: `node scripts/test.mjs wtr` or `npx wtr --config packages/elements/web-test-runner.config.mjs`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from '../../scripts/wtr-count-reporter.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

/** Sources import `./x.js` (NodeNext style); the file on disk is `./x.ts`. */
const tsExtensions = {
  name: 'ts-extensions',
  resolveImport({ source, context }) {
    if (!/^\.\.?\//.test(source) || !source.endsWith('.js')) return undefined;
    const importer = join(root, decodeURIComponent(context.path));
    const ts = join(dirname(importer), source.replace(/\.js$/, '.ts'));
    return existsSync(ts) ? source.replace(/\.js$/, '.ts') : undefined;
  },
};

export default {
  rootDir: root,
  files: [join(here, 'src/**/*.test.ts')],
  nodeResolve: { exportConditions: ['@kustom/source', 'browser', 'development'] },
  plugins: [tsExtensions, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, 'tsconfig.json') })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--disable-quic',
        ],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter(), countReporter()],
};
