/**
 * Server-side rendering frameworks import the elements in Node without a DOM:
 * no module may throw or touch `window`/`document` at import time, and the theme
 * stylesheets must carry the same values as the components' built-in tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, SHAPE } from '../src/themes/tokens.js';

const src = join(import.meta.dirname, '../src');
const modules = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => join(src, file));

describe('in Node without a DOM', () => {
  it('has no DOM globals', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each(modules.map((file) => [relative(src, file), file]))('imports %s without throwing', async (_name, file) => {
    await expect(import(file)).resolves.toBeTypeOf('object');
  });

  it('exports the classes, events and configure() from the package entry, and registers nothing', async () => {
    const entry = await import('@kustom/elements');
    expect(entry.KustomPaymentMethodDisplay).toBeTypeOf('function');
    expect(entry.KustomDeliveryMethodDisplay).toBeTypeOf('function');
    expect(entry.KustomExpressButtons).toBeTypeOf('function');
    expect(entry.KustomElementsProvider).toBeTypeOf('function');
    expect(entry.configure).toBeTypeOf('function');
    const event = new entry.KustomPaymentMethodChangeEvent({
      value: 'card',
      previousValue: 'klarna',
      method: { id: 'card', name: 'Card', description: '' },
    });
    expect([event.type, event.bubbles, event.composed, event.cancelable]).toEqual([
      'kustom-payment-method-change',
      true,
      true,
      true,
    ]);
  });

  it('configure() refuses a secret key', async () => {
    const { configure } = await import('@kustom/elements');
    expect(() => configure({ publicApiKey: 'kco_test_api_1234' })).toThrow(/secret/);
  });
});

describe('theme stylesheets', () => {
  const read = (name: string) => {
    const css = readFileSync(join(src, 'themes', name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return Object.fromEntries([...css.matchAll(/--kustom-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
  };
  it('tokens.css, default.css and dark.css match the built-in tokens', () => {
    expect(read('tokens.css')).toEqual(SHAPE);
    expect(read('default.css')).toEqual(LIGHT);
    expect(read('dark.css')).toEqual(DARK);
  });
});
