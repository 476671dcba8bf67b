/**
 * The elements' browser tests: web-test-runner + @open-wc/testing in Debian's
 * Chromium. Workspace packages resolve to their TypeScript sources (the
 * `@kustom/source` export condition); the sandbox answers at the test page's own
 * origin (its Node handler is mounted in the dev server), so the approval popup
 * and iframe are real pages.
 *
 * Run: `node scripts/test.mjs wtr` or `npx wtr --config packages/elements/web-test-runner.config.mjs`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from '../../scripts/wtr-count-reporter.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

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

/**
 * The sandbox's Koa middleware, bundled from its TypeScript sources (Node cannot
 * import them directly), so the tests never run against a stale build.
 */
async function sandboxMiddleware() {
  const out = join(root, 'node_modules/.cache/kustom-elements/sandbox-server.mjs');
  const { outputFiles } = await build({
    stdin: {
      contents: "export { createSandbox } from '@kustom/sandbox'; export { createKoaMiddleware } from '@kustom/sandbox/server';",
      resolveDir: here,
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@kustom/source'],
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputFiles[0].contents);
  const { createSandbox, createKoaMiddleware } = await import(pathToFileURL(out).href);
  return createKoaMiddleware(createSandbox());
}

/**
 * Test pages that need their own HTTP headers: `*.csp.html` get a strict Content
 * Security Policy with Trusted Types required.
 */
const cspHeaders = async (ctx, next) => {
  await next();
  if (ctx.path.endsWith('.csp.html')) {
    ctx.set(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' https://google.com/pay; require-trusted-types-for 'script'; trusted-types lit-html",
    );
  }
};

export default {
  rootDir: root,
  files: [join(here, 'src/**/*.test.ts')],
  nodeResolve: { exportConditions: ['@kustom/source', 'browser', 'development'] },
  plugins: [tsExtensions, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, 'tsconfig.json') })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  ],
  middleware: [cspHeaders, await sandboxMiddleware()],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter(), countReporter()],
};
