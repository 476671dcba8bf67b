/**
 * The single-file CDN build of @kustom/elements (`npm run build` runs it after
 * `tsc`, which writes the npm ES modules and their `.d.ts`):
 *
 * - `dist/kustom-elements.js`: a minified IIFE for `<script src>` (the one tag),
 * - `dist/kustom-elements.mjs`: the same as an ES module (`<script type="module">`),
 * - a source map for each, and `dist/integrity.json` with their SHA-384 hashes
 *   for Subresource Integrity.
 *
 * Vite 7 library mode (Rollup 4 bundles and tree-shakes); esbuild minifies each
 * chunk here rather than through `build.minify`, because Vite leaves whitespace in
 * ES library output. The workspace packages are bundled from their sources (the
 * `@kustom/source` condition), Lit in its production build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const dist = join(here, 'dist');
const FILES = { iife: 'kustom-elements.js', es: 'kustom-elements.mjs' } as const;

/** esbuild's minifier on every chunk; UTF-8 kept as is, so Nordic letters stay one or two bytes. */
function minify(): Plugin {
  return {
    name: 'kustom-minify',
    async renderChunk(code, chunk, options) {
      const result = await transform(code, {
        minify: true,
        target: 'es2022',
        charset: 'utf8',
        legalComments: 'none',
        sourcemap: true,
        sourcefile: chunk.fileName,
        // Top-level names of an ES module are private to it; an IIFE already keeps them inside.
        format: options.format === 'es' ? 'esm' : undefined,
      });
      return { code: result.code, map: result.map };
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
    closeBundle() {
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
        Object.values(FILES).map((file) => [
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
    // Left to kustom-minify (es2022); 'esnext' and no minify keep Vite's own pass from re-printing the chunk.
    target: 'esnext',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      plugins: [minify()],
      // Without a DOM (a server importing the file) nothing runs: Lit's classes extend HTMLElement.
      output: { intro: 'if (typeof document !== "undefined") {', outro: '}' },
    },
  },
  plugins: [packageFiles()],
});
