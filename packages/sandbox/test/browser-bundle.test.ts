/**
 * The main entry must run in a browser (Storybook and the elements' tests use it
 * in-page): bundling it for `platform: 'browser'` must succeed and pull in no Node
 * built-in. The Node-only entry (`server`) must be the only place they appear.
 */
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function bundle(entry: string, platform: 'browser' | 'node') {
  return build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    minify: true,
    metafile: true,
    conditions: ['@kustom/source'],
    logLevel: 'silent',
  });
}

describe('the main entry is browser safe', () => {
  it('bundles for the browser with no node: module and no Node global', async () => {
    const result = await bundle('src/index.ts', 'browser');
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((path) => path.startsWith('node:') || /^(fs|path|http|os|crypto|buffer)$/.test(path))).toEqual([]);
    expect(inputs.filter((path) => /sandbox\/src\/(server|cli|persistence)\.ts$/.test(path))).toEqual([]);
    const code = result.outputFiles![0]!.text;
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\.|\brequire\(/);
    const gzipped = gzipSync(code).length;
    // A number for the report, not a threshold.
    console.info(`@kustom/sandbox in-page handler: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipped / 1024).toFixed(1)} kB gzipped`);
  });

  it('the server entry is where Node comes in', async () => {
    const result = await bundle('src/server.ts', 'node');
    expect(Object.keys(result.metafile!.inputs).some((path) => path.includes('persistence'))).toBe(true);
    await expect(bundle('src/server.ts', 'browser')).rejects.toThrow();
  });
});
