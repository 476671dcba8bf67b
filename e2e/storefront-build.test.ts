/**
 * What the storefront ships to browsers: the built pages carry no secret API key (the
 * merchant server alone holds it), and the example writes no HTML from strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDir, ensureStorefrontBuilt, storefrontDir } from './support/storefront.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(() => ensureStorefrontBuilt());

describe('the built storefront', () => {
  it('contains no secret API key: every "kco_" is the elements’ guard that refuses one', () => {
    const assets = files(clientDir);
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
    const found: string[] = [];
    for (const file of assets) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/kco_.{0,24}/g)) found.push(`${relative(clientDir, file)}: ${match[0]}`);
    }
    // The sandbox's secret key, and anything shaped like a key (kco_test_api_x, kco_live_api_x), never appear.
    expect(found.filter((f) => /kco_(test|live)_api_\w/.test(f))).toEqual([]);
    // What remains is the guards refusing a secret key: the SDK's pattern, the elements' prefix
    // ('kco_', searched for anywhere in the key), and `kco_…` in messages and docs (source maps).
    for (const f of found) expect(f).toMatch(/kco_\(test\|live\)_api_\/|kco_…|kco_["'][;,)]/);
  });

  it('the merchant server bundle is where the secret key lives (only as the default of KUSTOM_API_KEY)', () => {
    const server = readFileSync(join(storefrontDir, 'dist/server/main.js'), 'utf8');
    expect(server.match(/kco_test_api_sandbox/g)).toHaveLength(1);
    expect(server).toMatch(/process\.env\.KUSTOM_API_KEY \?\? ["']kco_test_api_sandbox["']/);
  });

  it('renders data as text: no innerHTML, outerHTML, insertAdjacentHTML or document.write in the example', () => {
    const sources = files(join(storefrontDir, 'src')).filter((f) => /\.(ts|js)$/.test(f));
    const offenders = sources.filter((f) => /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
