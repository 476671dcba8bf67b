/**
 * Storybook for the Kustom elements (Storybook 10, web components + Vite).
 *
 * - The workspace packages resolve to their TypeScript sources (the
 *   `@kustom/source` export condition), so stories never need a build first.
 * - The elements use legacy TypeScript decorators: esbuild compiles them
 *   (`experimentalDecorators`, `useDefineForClassFields: false`), as in
 *   packages/elements/web-test-runner.config.mjs.
 * - `public/` holds the static express approval page the in-page sandbox points at.
 * - No telemetry (also `STORYBOOK_DISABLE_TELEMETRY=1` in the scripts).
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../src/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: ['../public'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      resolve: { conditions: ['@kustom/source', ...defaultClientConditions] },
      esbuild: {
        target: 'es2022',
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      },
      optimizeDeps: { esbuildOptions: { target: 'es2022' } },
      build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
    }),
};

export default config;
