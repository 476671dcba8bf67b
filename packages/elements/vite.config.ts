/**
 * The single-file CDN build of @kustom/elements (`npm run build` runs it after
 * `tsc`, which writes the npm ES modules and their `.d.ts`):
 *
 * - `dist/kustom-elements.js`: a minified IIFE for `<script src>` (the one tag),
 * - `dist/kustom-elements.mjs`: the same as an ES module (`<script type="module">`),
 * - a source map for each, and `dist/integrity.json` with their SHA-384 hashes
 *   for Subresource Integrity.
 *
 * Vite 7 library mode: Rollup 4 bundles and tree-shakes, terser minifies (two
 * compress passes; UTF-8 kept as is, so Nordic letters stay one or two bytes).
 * Measured on this bundle: terser 17.7 KB brotli, esbuild's minifier 17.9 KB. The
 * workspace packages are bundled from their sources (the `@kustom/source`
 * condition), Lit in its production build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const dist = join(here, 'dist');
const FILES = { iife: 'kustom-elements.js', es: 'kustom-elements.mjs' } as const;
/** The brand marks, loaded lazily after the first render, next to the one-tag file. */
const MARKS = 'kustom-elements-marks.js';

/**
 * The brand marks stay out of the one-tag file: `import('./brand-marks.js')` in
 * `base/marks.ts` becomes `import('./kustom-elements-marks.js')` (in the IIFE too:
 * a classic script's `import()` resolves against the script's own URL), and that
 * file is built on its own as a minified ES module.
 */
function lazyMarks(): Plugin {
  // (`packageFiles` builds the marks file itself, before it hashes the files.)
  return {
    name: 'kustom-lazy-marks',
    apply: 'build',
    resolveDynamicImport(specifier, importer) {
      if (specifier === './brand-marks.js' && importer?.endsWith('/base/marks.ts')) return { id: `./${MARKS}`, external: true };
      return null;
    },
  };
}

/**
 * What the npm package ships besides tsc's output: the themes, the React and Vue
 * typings (with empty modules, so that importing them at run time works too), and
 * `integrity.json` for the CDN files.
 */
function packageFiles(): Plugin {
  return {
    name: 'kustom-package-files',
    apply: 'build',
    // Once, after both outputs are written.
    async closeBundle() {
      await esbuild({
        entryPoints: [join(here, 'src/base/brand-marks.ts')],
        outfile: join(dist, MARKS),
        format: 'esm',
        minify: true,
        charset: 'ascii',
        legalComments: 'none',
        logLevel: 'warning',
      });
      mkdirSync(join(dist, 'themes'), { recursive: true });
      for (const css of readdirSync(join(here, 'src/themes')).filter((f) => f.endsWith('.css'))) {
        copyFileSync(join(here, 'src/themes', css), join(dist, 'themes', css));
      }
      mkdirSync(join(dist, 'jsx'), { recursive: true });
      for (const framework of ['react', 'vue']) {
        copyFileSync(join(here, `src/jsx/${framework}.d.ts`), join(dist, `jsx/${framework}.d.ts`));
        writeFileSync(join(dist, `jsx/${framework}.js`), `// Types only: see ${framework}.d.ts.\nexport {};\n`);
      }
      const integrity = Object.fromEntries(
        [...Object.values(FILES), MARKS].map((file) => [
          file,
          `sha384-${createHash('sha384').update(readFileSync(join(dist, file))).digest('base64')}`,
        ]),
      );
      writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  // Lit's production build; the workspace packages from source.
  resolve: { conditions: ['@kustom/source', 'browser', 'module', 'production'] },
  logLevel: 'warn',
  build: {
    lib: {
      entry: join(here, 'src/loader/kustom-elements.ts'),
      formats: ['iife', 'es'],
      // The file defines globals itself (window.kustomElements); this name is unused.
      name: 'kustomElementsBundle',
      fileName: (format) => FILES[format as keyof typeof FILES],
    },
    outDir: dist,
    emptyOutDir: false,
    // The sources are ES2022 already (tsconfig target); Lit's build is ES2021.
    target: 'esnext',
    minify: 'terser',
    // ASCII only (non-ASCII as \u escapes): a page without <meta charset="utf-8"> still shows "·" and "ä".
    // Template literals keep their raw text, so the sources write those as escapes.
    terserOptions: { ecma: 2022, compress: { passes: 2 }, format: { comments: false, ascii_only: true } },
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      // Without a DOM (a server importing the file) nothing runs: Lit's classes extend HTMLElement.
      output: { intro: 'if (typeof document !== "undefined") {', outro: '}' },
    },
  },
  plugins: [lazyMarks(), packageFiles()],
});
