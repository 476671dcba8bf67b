/**
 * Vue 3 with the Kustom elements: the compiler is told that `kustom-*` tags are
 * custom elements. `npm run dev` proxies /api to the storefront's merchant server, so
 * start the demo first (`npm start` at the repository root).
 *
 * Inside this repository @kustom/elements resolves to its TypeScript sources (the
 * `@kustom/source` condition); in your project, drop `resolve.conditions`.
 */
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kustom-') } } })],
  resolve: { conditions: ['@kustom/source', 'module', 'browser', 'development|production'] },
  server: { port: 5174, proxy: { '/api': process.env.MERCHANT_URL ?? 'http://localhost:4000' } },
  build: { target: 'es2022' },
});
