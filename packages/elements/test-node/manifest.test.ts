/**
 * The class doc comments are the API contract: generate the manifest and check
 * that it names every tag, that every part used in a template is documented, and
 * that the documented events are the ones the define modules type.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const pkg = join(import.meta.dirname, '..');
const src = join(pkg, 'src');

interface Declaration {
  name: string;
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: { name: string; description?: string }[];
}
let declarations: Declaration[] = [];
let generated = '';

beforeAll(() => {
  // The analyzer writes below its working directory.
  const out = join('node_modules/.cache', `kustom-cem-${process.pid}`);
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out, '--quiet'], {
    cwd: pkg,
    stdio: 'pipe',
  });
  generated = readFileSync(join(pkg, out, 'custom-elements.json'), 'utf8');
  const manifest = JSON.parse(generated) as { modules: { declarations?: Declaration[] }[] };
  declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}, 60_000);

const byTag = (tag: string) => declarations.find((d) => d.tagName === tag)!;
const source = (file: string) => readFileSync(join(src, file), 'utf8');

describe('custom-elements.json', () => {
  it('is up to date (run `npm run analyze -w @kustom/elements` after changing a doc comment)', () => {
    expect(readFileSync(join(pkg, 'custom-elements.json'), 'utf8')).toBe(generated);
  });

  it('names the four tags', () => {
    expect(declarations.map((d) => d.tagName).sort()).toEqual([
      'kustom-delivery-method-display',
      'kustom-elements-provider',
      'kustom-express-buttons',
      'kustom-payment-method-display',
    ]);
  });

  it.each([
    ['kustom-payment-method-display', 'payment-method-display.ts'],
    ['kustom-delivery-method-display', 'delivery-method-display.ts'],
    ['kustom-express-buttons', 'express-buttons.ts'],
  ])('%s documents its attributes, events, parts and CSS properties', (tag, file) => {
    const d = byTag(tag);
    const attributes = d.attributes!.map((a) => a.name);
    expect(attributes).toEqual(expect.arrayContaining(['locale', 'purchase-country', 'currency', 'amount', 'theme', 'disabled']));
    // Every public member has a one-line description.
    expect(d.members!.filter((m) => !m.description).map((m) => m.name)).toEqual([]);

    const typed = [...readFileSync(join(src, 'define', file), 'utf8').matchAll(/'(kustom-[a-z-]+)': Kustom\w+Event/g)].map((m) => m[1]);
    expect(d.events!.map((e) => e.name).filter((n) => n.startsWith('kustom-')).sort()).toEqual(typed.sort());

    const documented = new Set(d.cssParts!.map((p) => p.name));
    const files = [file, 'base/kustom-element.ts', 'base/choice-element.ts', 'base/marks.ts'];
    const used = files.flatMap((f) => [...source(f).matchAll(/part="(kustom-[a-z-]+)/g)].map((m) => m[1]!));
    const rows = files.flatMap((f) => [...source(f).matchAll(/rowAttrs\('(kustom-[a-z-]+)'/g)].flatMap((m) => [m[1]!, `${m[1]}-checked`]));
    const inThisElement = [...used, ...rows].filter((p) => file !== 'express-buttons.ts' || !/option|radio|group|icon|name|description|empty/.test(p));
    expect([...new Set(inThisElement)].filter((p) => !documented.has(p))).toEqual([]);

    const tokens = d.cssProperties!.map((p) => p.name);
    expect(tokens).toEqual(expect.arrayContaining(['--kustom-color-accent', '--kustom-radius', '--kustom-font-family']));
  });

  it('the define modules are the only modules with side effects', () => {
    const pkgJson = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { sideEffects: string[] };
    expect(pkgJson.sideEffects).toEqual(['./src/define/*.ts', './dist/define/*.js', '*.css']);
    const calls = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /^\s*define\(/m.test(source(f)) || /customElements\.define\(/.test(source(f)));
    expect(calls.sort()).toEqual(['base/define.ts', 'define/delivery-method-display.ts', 'define/elements-provider.ts', 'define/express-buttons.ts', 'define/payment-method-display.ts']);
  });
});
