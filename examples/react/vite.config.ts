/**
 * React 19 with Vite's own esbuild JSX transform: no Babel, no React plugin (this
 * example needs no Fast Refresh). `npm run dev` proxies /api to the storefront's
 * merchant server, so start the demo first (`npm start` at the repository root).
 *
 * Inside this repository @kustom/elements resolves to its TypeScript sources (the
 * `@kustom/source` condition); in your project, drop `resolve.conditions`.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: { conditions: ['@kustom/source', 'module', 'browser', 'development|production'] },
  server: { port: 5173, proxy: { '/api': process.env.MERCHANT_URL ?? 'http://localhost:4000' } },
  build: { target: 'es2022' },
});
