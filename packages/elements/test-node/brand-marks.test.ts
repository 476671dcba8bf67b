/**
 * The brand marks are Simple Icons' own, as the generator writes them: a stale or
 * hand-edited `src/base/brand-marks.ts` fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as icons from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { marks } from '../src/base/brand-marks.js';

const pkg = join(import.meta.dirname, '..');
const file = join(pkg, 'src/base/brand-marks.ts');

describe('brand marks', () => {
  it('are the generator output (scripts/brand-marks.mjs), unchanged', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kustom-marks-')), 'brand-marks.ts');
    execFileSync('node', [join(pkg, 'scripts/brand-marks.mjs'), out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('each is a Simple Icons path with its brand colour, and a readable foreground', () => {
    const bySlug = new Map(Object.values(icons).filter((i) => typeof i === 'object' && 'slug' in i).map((i) => [i.slug, i]));
    expect(Object.keys(marks)).toEqual(expect.arrayContaining(['klarna', 'applepay', 'googlepay', 'paypal', 'dhl']));
    for (const [key, [background, foreground, path]] of Object.entries(marks)) {
      const icon = bySlug.get(key)!;
      expect(icon, key).toBeDefined();
      expect(background).toBe(`#${icon.hex.toLowerCase()}`);
      expect(path).toBe(icon.path);
      expect(['#000', '#fff']).toContain(foreground);
    }
  });
});
