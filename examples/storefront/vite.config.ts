/**
 * Two builds from one config:
 * - `vite build`: the pages (shop, checkout, confirmation, back office) → dist/client
 * - `vite build --ssr server/main.ts`: the merchant server as one Node file → dist/server
 *
 * Inside this repository the workspace packages resolve to their TypeScript sources
 * (the `@kustom/source` condition), so nothing else has to be built first. In your own
 * project, delete the two `conditions` lines: `@kustom/sdk` and `@kustom/elements`
 * then resolve to their published `dist/`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

const root = dirname(fileURLToPath(import.meta.url));

/** zod's sources carry comments that Rollup reports and drops; nothing to act on. */
const onwarn = (warning: RollupLog, warn: (warning: RollupLog) => void) => {
  if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
};

export default defineConfig(({ isSsrBuild }) => ({
  root,
  publicDir: 'public',
  resolve: { conditions: ['@kustom/source', 'module', 'browser', 'development|production'] },
  ssr: {
    resolve: { conditions: ['@kustom/source', 'module', 'node', 'development|production'], externalConditions: ['@kustom/source'] },
    // One self-contained file, except the back office's database engines: PGlite loads its
    // WebAssembly and data files from its own package, pg its optional native binding.
    noExternal: true,
    external: ['@electric-sql/pglite', 'pg'],
  },
  build: isSsrBuild
    ? {
        outDir: 'dist/server',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: true,
        copyPublicDir: false,
        rollupOptions: { onwarn },
      }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        rollupOptions: {
          onwarn,
          input: {
            shop: resolve(root, 'index.html'),
            checkout: resolve(root, 'checkout/index.html'),
            confirmation: resolve(root, 'confirmation/index.html'),
            terms: resolve(root, 'terms/index.html'),
            backOffice: resolve(root, 'back-office/index.html'),
          },
        },
      },
}));
